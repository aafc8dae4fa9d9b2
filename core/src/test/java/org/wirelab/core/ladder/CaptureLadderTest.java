package org.wirelab.core.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.tcpstate.TruthRows;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/** The ladder model of corpus files and samples: lanes, arrows, state and expert notes. */
class CaptureLadderTest {

    private static LadderModel ladder(Path capture) throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        return CaptureLadder.build(analysis, TcpStates.of(analysis));
    }

    static Stream<String> capturesWithFrames() {
        return Corpus.captures().stream().map(p -> p.getFileName().toString())
                .filter(name -> TruthRows.of(name) != null && !TruthRows.of(name).rows().isEmpty());
    }

    /** One arrow per frame; one lane per distinct socket (TCP, UDP) or host (other IP), as tshark saw them. */
    @ParameterizedTest
    @MethodSource("capturesWithFrames")
    void oneArrowPerFrameAndOneLanePerSocket(String name) throws IOException {
        LadderModel model = ladder(Corpus.capture(name));
        List<TruthRows.Row> rows = TruthRows.of(name).rows();
        assertEquals(rows.size(), model.arrows().size());
        Set<String> expectedLanes = new TreeSet<>();
        for (TruthRows.Row r : rows) {
            assertEquals(r.number(), model.arrows().get(r.number() - 1).frameNumber());
            if (r.tcpStream() >= 0 || r.udpStream() >= 0) {
                expectedLanes.add(socket(r.source(), r.sourcePort()));
                expectedLanes.add(socket(r.destination(), r.destinationPort()));
            } else if (!r.source().isEmpty()) {
                expectedLanes.add(r.source());
                expectedLanes.add(r.destination());
            }
        }
        Set<String> lanes = new TreeSet<>();
        model.lanes().forEach(lane -> lanes.add(lane.name()));
        assertEquals(expectedLanes, lanes);
        for (int i = 0; i < model.lanes().size(); i++) {
            assertEquals(i, model.lanes().get(i).index());
        }
    }

    private static String socket(String address, int port) {
        return address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    }

    @Test
    void handshakeAndTeardownOfTestEthernet() throws IOException {
        LadderModel model = ladder(Corpus.capture("gopacket__test_ethernet.pcap"));
        assertEquals(List.of(new Lane(0, "10.1.1.2:44644", "client"), new Lane(1, "10.1.1.1:80", "server")),
                model.lanes());
        Arrow syn = model.arrows().get(0);
        assertEquals(0, syn.fromLane());
        assertEquals(1, syn.toLane());
        assertEquals("SYN Seq=0 Win=29200 Len=0 MSS=1460 SACK_PERM TSval=1032819631 TSecr=0 WS=128", syn.label());
        // Each side changes where its own next segment proves it took the other's: the server's SYN-ACK
        // shows it took the SYN, the client's ACK that it took the SYN-ACK.
        assertEquals(List.of(new LaneNote(0, LaneNote.Kind.STATE, "CLOSED -> SYN-SENT")), syn.notes());
        assertEquals(List.of(new LaneNote(1, LaneNote.Kind.STATE, "LISTEN -> SYN-RECEIVED")),
                model.arrows().get(1).notes());
        assertEquals(List.of(new LaneNote(0, LaneNote.Kind.STATE, "SYN-SENT -> ESTABLISHED"),
                new LaneNote(1, LaneNote.Kind.STATE, "SYN-RECEIVED -> ESTABLISHED")), model.arrows().get(2).notes());
        // The client's FIN,ACK acknowledges the server's FIN: it took it, then closed its side.
        assertEquals(List.of(new LaneNote(0, LaneNote.Kind.STATE, "ESTABLISHED -> CLOSE-WAIT -> LAST-ACK")),
                model.arrows().get(8).notes());
        Map<Integer, String> last = lastStates(model);
        assertEquals("CLOSED", last.get(0));      // the client sent the last FIN and got its ACK
        assertEquals("TIME-WAIT", last.get(1));   // the server closed first
    }

    @Test
    void clientLaneIsLeftEvenWhenTheServerSpeaksFirst() throws IOException {
        LadderModel model = ladder(Corpus.capture("zeek__handshake-reorder.pcap"));
        assertEquals("141.142.228.5:59856", model.lanes().get(0).name());
        assertEquals("client", model.lanes().get(0).role());
        Arrow synAck = model.arrows().get(0);
        assertEquals(1, synAck.fromLane());
        assertEquals(0, synAck.toLane());
        Map<Integer, String> last = lastStates(model);
        assertEquals("TIME-WAIT", last.get(0));   // the client's FIN was first (frame 12)
        assertEquals("CLOSED", last.get(1));
    }

    @Test
    void expertEventsOfRetransmitFast009() throws IOException {
        LadderModel model = ladder(Corpus.capture("zeek__retransmit-fast009.pcap"));
        // corpus README: dup ACKs #1-#5 (29, 30, 31, 33, 35), fast retransmission (32), RST+ACK (39)
        assertTrue(expert(model, 29).contains("Dup ACK #1"), expert(model, 29).toString());
        assertTrue(expert(model, 35).contains("Dup ACK #5"), expert(model, 35).toString());
        assertEquals(List.of("Fast Retransmission"), expert(model, 32));
        assertTrue(expert(model, 39).contains("Connection reset (RST)"));
    }

    @Test
    void icmpAndUdpGoBetweenTheirLanes() throws IOException {
        LadderModel model = ladder(Corpus.capture("dpkt__dns_icmp.pcap"));
        // truth/dpkt__dns_icmp.pcap.tsv: udp.length 46 for frame 1, 8 of them the UDP header
        assertEquals("UDP Len=38", model.arrows().get(0).label());
        Arrow ping = model.arrows().get(2);
        assertEquals("ICMP Echo (ping) request id=0xd73b, seq=0/0", ping.label());
        assertEquals("host", model.lanes().get(ping.fromLane()).role());
        assertEquals("ICMP Echo (ping) reply id=0xd73b, seq=0/0", model.arrows().get(3).label());
        assertEquals(ping.fromLane(), model.arrows().get(3).toLane());
    }

    @Test
    void sampleDiagramReadsAsTheSampleDescribes() throws IOException {
        String text = LadderTextRenderer.render(ladder(Environment.samples().resolve("tcp-hello.pcap")));
        String[] lines = text.split("\n");
        assertEquals(2 + 10, lines.length, text);
        assertTrue(lines[0].contains("A: 127.0.0.1:") && lines[0].contains("B: 127.0.0.1:3000"), lines[0]);
        assertTrue(lines[2].contains("SYN Seq=0") && lines[2].contains("A: CLOSED -> SYN-SENT"), lines[2]);
        assertTrue(lines[4].contains("B: SYN-RECEIVED -> ESTABLISHED"), lines[4]);
        // samples/README.md: the client closes first (8), the server's FIN,ACK (9), the client's last ACK (10)
        assertTrue(lines[9].contains("A: ESTABLISHED -> FIN-WAIT-1"), lines[9]);
        assertTrue(lines[11].contains("B: LAST-ACK -> CLOSED"), lines[11]);
        assertEquals("TIME-WAIT", lastStates(ladder(Environment.samples().resolve("tcp-hello.pcap"))).get(0));
    }

    private static List<String> expert(LadderModel model, int frameNumber) {
        List<String> notes = new ArrayList<>();
        for (LaneNote note : model.arrows().get(frameNumber - 1).notes()) {
            if (note.kind() == LaneNote.Kind.EXPERT) {
                notes.add(note.text());
            }
        }
        return notes;
    }

    /** The last state noted on each lane. */
    private static Map<Integer, String> lastStates(LadderModel model) {
        Map<Integer, String> last = new HashMap<>();
        for (Arrow arrow : model.arrows()) {
            for (LaneNote note : arrow.notes()) {
                if (note.kind() == LaneNote.Kind.STATE) {
                    last.put(note.lane(), note.outcome());
                }
            }
        }
        return last;
    }

}
