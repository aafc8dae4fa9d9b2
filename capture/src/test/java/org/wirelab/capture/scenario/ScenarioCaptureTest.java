package org.wirelab.capture.scenario;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.capture.live.LiveCaptureRequirement;
import org.wirelab.capture.scenario.ScenarioCapture.CapturedRun;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.reassembly.Follow;
import org.wirelab.core.reassembly.ReassembledStream;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Tshark;

/**
 * Each scenario run for real on the loopback while libpcap captures it, then checked frame by frame
 * from the pcap written during the capture, as tshark reads it: the referee, not our own decoder.
 * The scenarios run on free ports, so the tests never collide with a server holding the lab's.
 */
class ScenarioCaptureTest {
    private static final List<String> TCP_FIELDS = List.of("tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq",
            "tcp.ack", "tcp.len", "tcp.payload", "tcp.stream");
    private static final String SYN = "0x0002";
    private static final String SYN_ACK = "0x0012";
    private static final String ACK = "0x0010";
    private static final String PSH_ACK = "0x0018";
    private static final String RST_ACK = "0x0014";
    private static final int FIN = 0x001;
    private static final int RST = 0x004;
    /** tshark's numeric severity of an expert error (PI_ERROR), as -T fields prints {@code _ws.expert.severity}. */
    private static final String EXPERT_ERROR = "8388608";

    @TempDir
    Path dir;

    @BeforeEach
    void requireCaptureAndTshark() {
        LiveCaptureRequirement.require();
        Tshark.require();
    }

    @Test
    void tcpHelloHasTheHandshakeTheMessageItsAckAndBothFinExchangesInOrder() throws IOException {
        assertTcpHello(IpVersion.IPV4);
    }

    @Test
    void tcpHelloOverIpv6IsTheSameExchangeOnColonColonOne() throws IOException {
        Path file = assertTcpHello(IpVersion.IPV6);
        for (String[] row : Tshark.fields(file, List.of("ipv6.src", "ipv6.dst")).subList(1, 4)) {
            assertEquals("::1", row[0]);
            assertEquals("::1", row[1]);
        }
    }

    private Path assertTcpHello(IpVersion version) throws IOException {
        Captured run = capture(Scenarios.tcpHello(), version);
        List<Segment> segments = run.segments();
        String all = describe(segments);
        int server = run.scenario.ports().get(0).port();
        Segment syn = segments.get(0);
        assertEquals(server, syn.destinationPort, all);
        assertEquals(SYN, syn.flags, all);
        assertEquals(SYN_ACK, segments.get(1).flags, all);
        assertEquals(1, segments.get(1).ack, "the SYN-ACK acknowledges ISN+1: " + all);
        assertEquals(ACK, segments.get(2).flags, all);
        assertEquals(1, segments.get(2).ack, "the third segment acknowledges the server's ISN+1: " + all);
        Segment data = segments.get(3);
        assertEquals(PSH_ACK, data.flags, all);
        assertEquals(LabProtocol.TCP_MESSAGE, data.payloadText(), all);
        // The server acknowledges the 14 bytes, usually at once; but when its thread holds the socket as
        // they arrive, Linux queues them to its backlog and the client's FIN may leave first: the ACK
        // then follows that FIN, or acknowledges both.
        long afterData = 1 + LabProtocol.TCP_MESSAGE.length();
        Segment dataAck = segments.subList(4, segments.size()).stream()
                .filter(s -> s.sourcePort == server && s.ack >= afterData).findFirst()
                .orElseThrow(() -> new AssertionError("the server acknowledges the 14 bytes: " + all));
        assertEquals(0, dataAck.flagBits() & RST, "no reset: " + all);
        assertEquals(0, dataAck.length, "no data from the server: " + all);
        assertTeardown(segments, syn.sourcePort, server, 4, all);
        return run.file;
    }

    @Test
    void udpEchoIsTwoDatagramsWithTheLabsExactPayloads() throws IOException {
        Captured run = capture(Scenarios.udpEcho(), IpVersion.IPV4);
        List<String[]> rows = Tshark.fields(run.file, List.of("udp.srcport", "udp.dstport", "udp.payload"));
        int server = run.scenario.ports().get(0).port();
        assertEquals(3, rows.size(), "a header and exactly two datagrams");
        assertEquals(String.valueOf(server), rows.get(1)[1]);
        assertEquals(LabProtocol.UDP_REQUEST, text(rows.get(1)[2]));
        assertEquals(String.valueOf(server), rows.get(2)[0]);
        assertEquals(rows.get(1)[0], rows.get(2)[1], "the reply goes back to the client's port");
        assertEquals(LabProtocol.UDP_REPLY, text(rows.get(2)[2]));
    }

    @Test
    void chatDeliversEveryMessageToEveryConnectedClientAndCarolsVanishingIsAReset() throws IOException {
        Captured run = capture(Scenarios.chat(), IpVersion.IPV4);
        CaptureAnalysis analysis = CaptureAnalysis.of(run.frames);
        assertEquals(3, analysis.conversations().tcpStreamCount(), "alice, bob and carol: one connection each");
        List<String> before = List.of("hello everyone", "salut", "ciao", LabProtocol.QUIT);
        for (int client = 0; client < 3; client++) {
            List<String> messages = new ArrayList<>(before);
            if (client == 0) {
                messages.add("anyone there?");   // only alice is still connected
            }
            String expected = LabProtocol.chatNumber(client)
                    + messages.stream().map(LabProtocol::chatBroadcast).collect(Collectors.joining());
            assertEquals(expected, fromServer(analysis, client), "what client " + client + " received");
        }
        List<Segment> segments = run.segments();
        int carolPort = analysis.conversations().tcpConversation(2).client().port();
        assertTrue(segments.stream().anyMatch(s -> s.sourcePort == carolPort && (s.flagBits() & RST) != 0),
                "carol vanishes: her socket is closed with unread data or SO_LINGER 0, so it sends RST: "
                        + describe(segments));
        int bobPort = analysis.conversations().tcpConversation(1).client().port();
        assertTrue(segments.stream().anyMatch(s -> s.destinationPort == bobPort && (s.flagBits() & FIN) != 0),
                "bob's quit makes the server close his connection (FIN): " + describe(segments));
    }

    @Test
    void tcpRefusedIsASynAnsweredByReset() throws IOException {
        Captured run = capture(Scenarios.tcpRefused(), IpVersion.IPV4);
        List<Segment> segments = run.segments();
        assertEquals(2, segments.size(), describe(segments));
        assertEquals(SYN, segments.get(0).flags);
        assertEquals(RST_ACK, segments.get(1).flags);
        assertEquals(segments.get(0).destinationPort, segments.get(1).sourcePort);
        assertEquals(1, segments.get(1).ack, "the RST acknowledges the SYN (RFC 9293 3.5.2, closed port)");
    }

    @Test
    void httpGetCarriesOneRequestAndItsOkResponse() throws IOException {
        Captured run = capture(Scenarios.httpGet(), IpVersion.IPV4);
        int server = run.scenario.ports().get(0).port();
        List<String[]> rows = Tshark.fields(run.file, List.of("http.request.method", "http.request.uri",
                "http.response.code"), List.of("-d", "tcp.port==" + server + ",http"));
        List<String> requests = rows.stream().skip(1).filter(r -> !r[0].isEmpty()).map(r -> r[0] + " " + r[1]).toList();
        List<String> responses = rows.stream().skip(1).filter(r -> r.length > 2 && !r[2].isEmpty()).map(r -> r[2]).toList();
        assertEquals(List.of("GET /"), requests);
        assertEquals(List.of("200"), responses);
    }

    @Test
    void tcpBulkDeliversEveryByteInOrder() throws IOException {
        long bytes = 200_000;
        Captured run = capture(Scenarios.tcpBulk(bytes), IpVersion.IPV4);
        CaptureAnalysis analysis = CaptureAnalysis.of(run.frames);
        ReassembledStream stream = Follow.tcp(analysis, 0);
        byte[] sent = stream.bytes(0);
        assertEquals(bytes, sent.length);
        String filler = Scenarios.FILLER;
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] != filler.charAt(i % filler.length())) {
                throw new AssertionError("byte " + i + " differs from the filler");
            }
        }
        assertTrue(stream.gaps(0).isEmpty(), "nothing missing from the capture");
    }

    @Test
    void udpBurstCapturesEveryDatagram() throws IOException {
        Captured run = capture(Scenarios.udpBurst(200, 100), IpVersion.IPV4);
        List<String[]> rows = Tshark.fields(run.file, List.of("udp.length"));
        assertEquals(201, rows.size(), "200 datagrams");
        assertTrue(rows.stream().skip(1).allMatch(r -> r[0].equals("108")), "8-byte header + 100 bytes each");
    }

    /** Runs the scenario on free ports while capturing into memory and a pcap file; checks what every capture must be. */
    private Captured capture(Scenario lab, IpVersion version) throws IOException {
        Scenario scenario = FreePorts.remap(lab, version);
        Path file = dir.resolve(scenario.name() + "-" + version + ".pcap");
        FrameStore frames = new FrameStore();
        CapturedRun run;
        try (LiveCapture live = ScenarioCapture.open(scenario);
                PcapWriter writer = PcapWriter.create(file, live.linkType())) {
            run = ScenarioCapture.run(live, scenario, RunOptions.defaults().withIpVersion(version),
                    FrameSink.into(frames).andThen(FrameSink.flushingTo(writer)));
        } catch (CaptureUnavailableException e) {
            throw new AssertionError("capture was available a moment ago: " + e.getMessage(), e);
        }
        assertTrue(run.log().succeeded(), String.join("\n", run.log().lines()));
        assertEquals(0, run.statistics().dropped(), run.statistics().text());
        assertEquals(frames.size(), run.statistics().frames(), run.statistics().text());
        List<String[]> checks = Tshark.fields(file, List.of("frame.number", "_ws.malformed", "_ws.expert.severity"));
        assertEquals(frames.size() + 1, checks.size(), "tshark reads every frame written");
        for (String[] row : checks.subList(1, checks.size())) {
            assertTrue(row.length < 2 || row[1].isEmpty(), "frame " + row[0] + " is malformed for tshark");
            assertTrue(row.length < 3 || !List.of(row[2].split(",")).contains(EXPERT_ERROR),
                    "frame " + row[0] + " has an expert error for tshark");
        }
        return new Captured(scenario, file, frames);
    }

    /**
     * The teardown from {@code from}: one FIN from each side, each acknowledged by the other, and a last
     * pure ACK. Which side closes first is a race in the lab's programs (the server closes as soon as
     * its one recv returns, the client right after its send), and the two FINs may even cross
     * (simultaneous close, RFC 9293 3.6): every order is a correct teardown.
     */
    private static void assertTeardown(List<Segment> segments, int client, int server, int from, String all) {
        int clientFin = -1;
        int serverFin = -1;
        for (int i = from; i < segments.size(); i++) {
            Segment s = segments.get(i);
            assertEquals(0, s.length, "no data after the message: " + all);
            assertEquals(0, s.flagBits() & RST, "no reset: " + all);
            if ((s.flagBits() & FIN) != 0) {
                int first = s.sourcePort == client ? clientFin : serverFin;
                // A FIN sent again (its ACK late on a loaded machine) has the same sequence number.
                assertTrue(first < 0 || segments.get(first).seq == s.seq, "one FIN per side: " + all);
                if (first < 0 && s.sourcePort == client) {
                    clientFin = i;
                } else if (first < 0) {
                    serverFin = i;
                }
            }
        }
        assertTrue(clientFin >= from && serverFin >= from, "both sides close: " + all);
        assertAcknowledgedLater(segments, clientFin, server, all);
        assertAcknowledgedLater(segments, serverFin, client, all);
        Segment last = segments.get(segments.size() - 1);
        assertEquals(ACK, last.flags, "the teardown ends with a pure ACK: " + all);
    }

    private static void assertAcknowledgedLater(List<Segment> segments, int fin, int peer, String all) {
        long finEnd = segments.get(fin).seq + 1;
        assertTrue(segments.subList(fin + 1, segments.size()).stream()
                .anyMatch(s -> s.sourcePort == peer && s.ack == finEnd), "the FIN of segment " + (fin + 1)
                        + " is acknowledged (ack=" + finEnd + ") by the other side: " + all);
    }

    /** What the server sent on {@code stream}: node 1, since node 0 sent the first segment (the client's SYN). */
    private static String fromServer(CaptureAnalysis analysis, int stream) {
        return new String(Follow.tcp(analysis, stream).bytes(1), US_ASCII);
    }

    private static String text(String hexColonBytes) {
        String hex = hexColonBytes.replace(":", "");
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, US_ASCII);
    }

    private static String describe(List<Segment> segments) {
        return segments.stream().map(Segment::toString).collect(Collectors.joining("; "));
    }

    private record Captured(Scenario scenario, Path file, FrameStore frames) {
        /** The TCP segments as tshark reads them from the file, with tshark's relative sequence numbers. */
        List<Segment> segments() {
            return Tshark.fields(file, TCP_FIELDS).stream().skip(1).map(Segment::of).toList();
        }
    }

    private record Segment(int sourcePort, int destinationPort, String flags, long seq, long ack, int length,
            String payload) {
        static Segment of(String[] row) {
            return new Segment(Integer.parseInt(row[0]), Integer.parseInt(row[1]), row[2], Long.parseLong(row[3]),
                    Long.parseLong(row[4]), Integer.parseInt(row[5]), row.length > 6 ? row[6] : "");
        }

        int flagBits() {
            return Integer.decode(flags);
        }

        String payloadText() {
            return text(payload);
        }

        @Override
        public String toString() {
            return sourcePort + ">" + destinationPort + " " + flags + " seq=" + seq + " ack=" + ack + " len=" + length;
        }
    }
}
