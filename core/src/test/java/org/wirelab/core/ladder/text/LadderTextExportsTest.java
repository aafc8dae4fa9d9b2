package org.wirelab.core.ladder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.Lane;
import org.wirelab.core.ladder.LaneNote;
import org.wirelab.core.ladder.LadderModel;
import org.wirelab.core.ladder.TcpSegment;
import org.wirelab.core.ladder.TsharkSegments;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

/** PlantUML and Mermaid texts of the samples: participants, one message per frame as tshark reads it. */
class LadderTextExportsTest {
    private static final Pattern PLANTUML_MESSAGE = Pattern.compile("^([A-Z]+) -(?:\\[#[0-9a-f]{6}])?-?>(?:\\(\\d+\\))? ([A-Z]+) : \\((\\d+)\\) (.*)$");
    private static final Pattern MERMAID_MESSAGE = Pattern.compile("^    ([A-Z]+)--?>>([A-Z]+): \\((\\d+)\\) (.*)$");

    private static CaptureLadder ladder(Path capture) throws Exception {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        return CaptureLadder.of(analysis, TcpStates.of(analysis));
    }

    /** Checks each message line against tshark: sender and receiver lanes, flags, numbers. */
    private static void checkMessages(List<String> lines, Pattern message, List<String> participants,
            TsharkSegments tshark) {
        int seen = 0;
        for (String line : lines) {
            Matcher m = message.matcher(line);
            if (!m.matches()) {
                continue;
            }
            TsharkSegments.Segment s = tshark.segments().get(seen++);
            assertEquals(s.frame(), Integer.parseInt(m.group(3)));
            assertTrue(participants.get(m.group(1).charAt(0) - 'A').contains(s.source()), line);
            assertTrue(participants.get(m.group(2).charAt(0) - 'A').contains(s.destination()), line);
            assertEquals(s.flags() + " " + s.numbers(false), m.group(4));
        }
        assertEquals(tshark.segments().size(), seen, "one message per segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-hello.pcap", "http-get.pcap", "tcp-hello-ipv6.pcap"})
    void plantUmlHasOneParticipantPerLaneAndOneMessagePerSegment(String sample) throws Exception {
        Path capture = Environment.samples().resolve(sample);
        List<String> lines = LadderPlantUml.render(ladder(capture), false, sample).lines().toList();
        assertEquals("@startuml", lines.get(0));
        assertEquals("@enduml", lines.get(lines.size() - 1));
        assertEquals("title " + sample, lines.get(1));
        List<String> participants = lines.stream().filter(l -> l.startsWith("participant ")).toList();
        assertEquals(2, participants.size());
        assertTrue(participants.get(0).endsWith("\\n(client)\" as A"), participants.get(0));
        checkMessages(lines, PLANTUML_MESSAGE, participants, TsharkSegments.of(capture));
        assertTrue(lines.contains("hnote over A : SYN-SENT"));
    }

    /**
     * samples/reference/simultaneous-close: the client's FIN (frame 5) and the server's (frame 7) crossed;
     * each export says so, and every message stays in frame order, as tshark reads them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"client", "server"})
    void crossingFinsSlantInPlantUmlAndRunInParallelInMermaid(String side) throws Exception {
        Path capture = Environment.samples().resolve("reference").resolve("simultaneous-close-" + side + ".pcap");
        CaptureLadder ladder = ladder(capture);
        int first = side.equals("client") ? 5 : 6;
        int second = 7;
        String crossing = "the FINs of frames " + first + " and " + second + " cross on the way";
        List<String> plantUml = LadderPlantUml.render(ladder, false, "x").lines().toList();
        checkMessages(plantUml, PLANTUML_MESSAGE, plantUml.stream().filter(l -> l.startsWith("participant ")).toList(),
                TsharkSegments.of(capture));
        for (int fin : List.of(first, second)) {
            String line = plantUml.stream().filter(l -> l.contains(": (" + fin + ") FIN")).findFirst().orElseThrow();
            assertTrue(line.matches("[AB] ->\\(\\d+\\) [AB] : .*"), "slanted: " + line);
        }
        assertTrue(plantUml.stream().anyMatch(l -> l.startsWith("note across : " + crossing)), String.join("\n", plantUml));
        List<String> mermaid = LadderMermaid.render(ladder, false, "x").lines().toList();
        checkMessages(mermaid, MERMAID_MESSAGE, mermaid.stream().filter(l -> l.startsWith("    participant ")).toList(),
                TsharkSegments.of(capture));
        int par = mermaid.indexOf(mermaid.stream().filter(l -> l.startsWith("    par " + crossing)).findFirst().orElseThrow());
        int and = mermaid.indexOf("    and");
        int end = mermaid.indexOf("    end");
        int firstFin = indexOfFrame(mermaid, first);
        int secondFin = indexOfFrame(mermaid, second);
        assertTrue(par < firstFin && firstFin < and && and < secondFin && secondFin < end, String.join("\n", mermaid));
    }

    private static int indexOfFrame(List<String> lines, int frame) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(": (" + frame + ") ")) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-hello.pcap", "http-get.pcap", "tcp-hello-ipv6.pcap"})
    void mermaidHasOneParticipantPerLaneAndOneMessagePerSegment(String sample) throws Exception {
        Path capture = Environment.samples().resolve(sample);
        List<String> lines = LadderMermaid.render(ladder(capture), false, sample).lines().toList();
        assertEquals(List.of("---", "title: " + sample, "---", "sequenceDiagram"), lines.subList(0, 4));
        List<String> participants = lines.stream().filter(l -> l.startsWith("    participant ")).toList();
        assertEquals(2, participants.size());
        assertTrue(participants.get(1).startsWith("    participant B as B: "), participants.get(1));
        checkMessages(lines, MERMAID_MESSAGE, participants, TsharkSegments.of(capture));
        assertTrue(lines.contains("    Note over B: SYN-RECEIVED"));
    }

    @Test
    void expertEventsAreColouredOrDottedAndMermaidSyntaxIsEscaped() {
        TcpSegment dupAck = new TcpSegment(0x10, 1, 15, 1001, 2015, 0, 512, 0x0010);
        TcpSegment retransmission = new TcpSegment(0x18, 1, 1, 1001, 2001, 10, 512, 0x0001);
        LadderModel model = new LadderModel(List.of(new Lane(0, "10.0.0.1:40000", "client"),
                new Lane(1, "10.0.0.2:80", "server")),
                List.of(new Arrow(7, 1, 0, 0, "ACK", List.of(new LaneNote(1, LaneNote.Kind.EXPERT, "Dup ACK #1")),
                                dupAck),
                        new Arrow(8, 0, 1, 0, "PSH, ACK", List.of(new LaneNote(0, LaneNote.Kind.EXPERT,
                                "Retransmission")), retransmission),
                        new Arrow(9, -1, -1, 0, "Frame not decoded to an address (3 bytes)", List.of())));
        String plantUml = LadderPlantUml.render(model, false, "t");
        assertTrue(plantUml.contains("B -[#8e24aa]> A : (7) ACK [Dup ACK #1] Seq=1 Ack=15 Len=0 Win=512"), plantUml);
        assertTrue(plantUml.contains("A -[#d35400]-> B : (8) PSH, ACK [Retransmission] Seq=1 Ack=1 Len=10 Win=512"));
        assertTrue(plantUml.contains("' frame 9: Frame not decoded"));
        String mermaid = LadderMermaid.render(model, true, "t; #1");
        assertTrue(mermaid.contains("title: t#59; #35;1"), mermaid);
        assertTrue(mermaid.contains("    B->>A: (7) ACK [Dup ACK #35;1] Seq=1001 Ack=2015 Len=0 Win=512"), mermaid);
        assertTrue(mermaid.contains("    A-->>B: (8) PSH, ACK [Retransmission] Seq=1001"), mermaid);
        assertTrue(mermaid.contains("    %% frame 9: "));
    }
}
