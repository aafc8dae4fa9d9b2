package org.wirelab.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.ScenarioCatalog;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Environment;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.reference.Wire.Segment;

/**
 * The simulator against real Linux (issue 11, section 4): each scenario that has a reference capture in
 * samples/reference (made by samples/make/linux-reference.sh with Linux 6.18, CUBIC, SACK, D-SACK and
 * RACK-TLP on, 10 ms each way through a relay) is simulated with the same link and compared with it:
 * the flags, lengths and sequence numbers of what each side sent, the SACK and D-SACK blocks, which
 * segments were sent again, and when. Times are compared within the tolerance each test states: the
 * real runs were made on a busy machine, their round trips 20 to 29 ms where the simulator's are 20.
 * Two comparisons are the same for many situations and made once for each, from a table: every packet
 * each way the same (flags, sequence and acknowledgment numbers, lengths, SACK blocks), connection by
 * connection; and the same data segments with the same ones sent again. What still differs from Linux
 * is listed in docs/linux-differences.md and told in each test's comments.
 */
class LinuxReferenceTest {
    private static final long MS = 1_000_000L;

    /** A situation: its reference's name and how to run it. */
    private static Arguments situation(String name, Supplier<Reference> run) {
        return Arguments.of(name, run);
    }

    private static Arguments situation(String name) {
        return situation(name, () -> Reference.of(name));
    }

    /** udp-closed-port simulated over IPv6, against the real udp6-closed-port capture. */
    private static Reference udp6ClosedPort() {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(SimulatedScenarios.UDP_CLOSED_PORT,
                Scenarios.Parameters.DEFAULTS);
        return Reference.of("udp6-closed-port", setup, SimulationOptions.defaults().withIpVersion(IpVersion.IPV6));
    }

    /** The situations in which every packet each way is the same as Linux's, frame for frame. */
    static Stream<Arguments> samePacketsEachWay() {
        return Stream.of(situation(SimulatedScenarios.LOST_DATA), situation(SimulatedScenarios.SIMULTANEOUS_CLOSE),
                situation(SimulatedScenarios.HALF_CLOSE), situation(SimulatedScenarios.UDP_CLOSED_PORT),
                situation("udp6-closed-port", LinuxReferenceTest::udp6ClosedPort), situation(Scenarios.TCP_REFUSED),
                situation(Scenarios.TCP_HELLO), situation(Scenarios.UDP_ECHO), situation(Scenarios.UDP_BURST),
                situation(SimulatedScenarios.LOST_LAST_ACK), situation(SimulatedScenarios.RST_AFTER_CLOSE),
                situation(SimulatedScenarios.KEEP_ALIVE));
    }

    /**
     * Each side's packets, connection by connection (the chat's three clients), frame for frame: the
     * order within a connection is the protocol's; between connections it is the machine's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samePacketsEachWay")
    void everyPacketEachWayIsTheSame(String name, Supplier<Reference> run) {
        Reference r = run.get();
        String both = r.sideBySide();
        assertTrue(!r.realClient.isEmpty(), both);
        int connections = connections(r.realClient);
        assertEquals(connections, connections(r.simulatedClient), both);
        for (int c = 0; c < connections; c++) {
            assertEquals(texts(Wire.onConnection(r.realClient, c)), texts(Wire.onConnection(r.simulatedClient, c)),
                    "connection " + c + "\n" + both);
            assertEquals(texts(Wire.onConnection(r.realServer, c)), texts(Wire.onConnection(r.simulatedServer, c)),
                    "connection " + c + "\n" + both);
        }
    }

    /** The situations of a transfer: the same data segments, and the same ones sent again. */
    static Stream<Arguments> sameDataAndRetransmissions() {
        return Stream.of(situation(SimulatedScenarios.FAST_RETRANSMIT), situation(SimulatedScenarios.TAIL_LOSS),
                situation(SimulatedScenarios.REORDERING), situation(SimulatedScenarios.DUPLICATION),
                situation(Scenarios.TCP_BULK));
    }

    /**
     * seq+length of every data segment (each once) and, in order, the ones sent again: segmentation by
     * the MSS, which losses were repaired and by which segment. PSH aside: Linux set it on every second
     * segment of a bulk write, the simulator where a write ends (docs/linux-differences.md).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sameDataAndRetransmissions")
    void theSameDataIsSentAndTheSameSegmentsAgain(String name, Supplier<Reference> run) {
        Reference r = run.get();
        String both = r.sideBySide();
        assertEquals(dataSegments(r.realClient), dataSegments(r.simulatedClient), both);
        assertEquals(texts(resent(r.realClient)), texts(resent(r.simulatedClient)), both);
    }

    private static int connections(List<Segment> segments) {
        return segments.stream().mapToInt(Segment::connection).max().orElse(-1) + 1;
    }

    /** The segments with data sent again (the same sequence number as an earlier one), in order. */
    private static List<Segment> resent(List<Segment> segments) {
        List<Segment> again = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (Segment s : segments) {
            if (s.length() > 0) {
                if (seen.contains(s.seq())) {
                    again.add(s);
                }
                seen.add(s.seq());
            }
        }
        return again;
    }

    /** How long after the first copy of the same data {@code again} was sent. */
    private static long delayAfterOriginal(List<Segment> segments, Segment again) {
        for (Segment s : segments) {
            if (s.length() > 0 && s.seq() == again.seq()) {
                return again.timeNanos() - s.timeNanos();
            }
        }
        throw new AssertionError("no original for " + again.text());
    }

    private static List<String> texts(List<Segment> segments) {
        return Reference.texts(segments);
    }

    @Test
    void lostSynAck() {
        Reference r = Reference.of(SimulatedScenarios.LOST_SYN_ACK);
        String both = r.sideBySide();
        // The same segments each way; their order differs where two 1 s timers fire within a few
        // milliseconds of each other (the client's SYN, the server's SYN-ACK), which a real run decides.
        assertEquals(sorted(texts(r.realClient)), sorted(texts(r.simulatedClient)), both);
        assertEquals(sorted(texts(r.realServer)), sorted(texts(r.simulatedServer)), both);
        // The second SYN one initial RTO (1 s) after the first: tolerance 50 ms.
        long real = r.realClient.get(1).timeNanos() - r.realClient.get(0).timeNanos();
        long simulated = r.simulatedClient.get(1).timeNanos() - r.simulatedClient.get(0).timeNanos();
        assertEquals(real, simulated, 50 * MS, both);
        // Three SYN-ACKs: the lost one, the server's own timer's, the answer to the second SYN.
        assertEquals(3, r.simulatedServer.stream().filter(s -> s.has(Tcp.SYN | Tcp.ACK)).count(), both);
    }

    @Test
    void lostDataIsFoundByRackWithinTwoRoundTrips() {
        Reference r = Reference.of(SimulatedScenarios.LOST_DATA);
        String both = r.sideBySide();
        // Frame for frame each way (everyPacketEachWayIsTheSame): the FIN beyond the hole is SACKed
        // (15-16), the 14 bytes are sent again without it, and the ACK that fills the hole acknowledges
        // the FIN too (Ack=16).
        assertEquals("S A ack=1 sack=15-16", r.simulatedServer.get(1).text());
        assertEquals("S A ack=16", r.realServer.get(2).text(), both);
        long real = delayAfterOriginal(r.realClient, resent(r.realClient).get(0));
        long simulated = delayAfterOriginal(r.simulatedClient, resent(r.simulatedClient).get(0));
        // RACK: the SACK's round trip plus a quarter of the minimum RTT, on a 4 ms timer tick: 36 ms
        // both, not the 200 ms minimum RTO. Tolerance 10 ms.
        assertEquals(real, simulated, 10 * MS, both);
        assertTrue(simulated < 100 * MS, "resent within 100 ms on a 10 ms link: " + simulated / MS + " ms");
    }

    @Test
    void fastRetransmit() {
        Reference r = Reference.of(SimulatedScenarios.FAST_RETRANSMIT);
        String both = r.sideBySide();
        // The same segment, only it, is sent again (theSameDataIsSentAndTheSameSegmentsAgain), 20 ms (one
        // round trip, on the third ACK with SACK) after the original. Tolerance 5 ms.
        assertEquals(List.of("C A 4345+1448 ack=1"), texts(resent(r.simulatedClient)), both);
        assertEquals(delayAfterOriginal(r.realClient, resent(r.realClient).get(0)),
                delayAfterOriginal(r.simulatedClient, resent(r.simulatedClient).get(0)), 5 * MS, both);
        // The receiver's ACKs of the first flight: Ack=4345 with a SACK block growing segment by segment.
        assertEquals(withSack(r.realServer).subList(0, 6), withSack(r.simulatedServer).subList(0, 6), both);
    }

    @Test
    void tailLossIsProbed() {
        Reference r = Reference.of(SimulatedScenarios.TAIL_LOSS);
        String both = r.sideBySide();
        // The last segment, the one resent, is the same in both (theSameDataIsSentAndTheSameSegmentsAgain).
        assertEquals(List.of("C PA 13033+1448 ack=1"), texts(resent(r.realClient)), both);
        // The probe of a single outstanding segment waits for a delayed ACK: 2 SRTT + 200 ms, capped at
        // the RTO restarted by the last ACK. Measured from the last ACK before it: 236 ms real (SRTT 29 ms
        // on that busy run), 220 ms simulated (SRTT 20 ms). Tolerance 30 ms.
        long real = sinceLastAck(r.realServer, resent(r.realClient).get(0));
        long simulated = sinceLastAck(r.simulatedServer, resent(r.simulatedClient).get(0));
        assertEquals(real, simulated, 30 * MS, both);
        assertTrue(simulated > 200 * MS, both);
    }

    @Test
    void reorderingGivesASpuriousRetransmissionAndADsack() {
        Reference r = Reference.of(SimulatedScenarios.REORDERING);
        String both = r.sideBySide();
        // The late segment is taken for lost after three ACKs with SACK and sent again (in both:
        // theSameDataIsSentAndTheSameSegmentsAgain); its copy is then reported with a D-SACK (RFC 2883):
        // the same block in both.
        assertEquals(List.of("C A 4345+1448 ack=1"), texts(resent(r.realClient)), both);
        assertEquals(List.of("4345-5793"), dsacks(r.realServer), both);
        assertEquals(dsacks(r.realServer), dsacks(r.simulatedServer), both);
        // Resent within a round trip and a half of the original (real 27.6 ms with a 27 ms RTT on that
        // run, simulated 20 ms with 20 ms).
        assertTrue(delayAfterOriginal(r.simulatedClient, resent(r.simulatedClient).get(0)) <= 30 * MS, both);
        assertEquals(withSack(r.realServer).subList(0, 6), withSack(r.simulatedServer).subList(0, 6), both);
        // The D-SACK shows the retransmission was needless, so the window reduction is undone (RFC 3708,
        // as Linux): the last segment leaves 80 ms after the SYN, Linux's 68.6 (with a 27 ms round trip
        // against 20; without the undo, 100 ms). Tolerance 15 ms.
        assertEquals(finSent(r.realClient), finSent(r.simulatedClient), 15 * MS, both);
    }

    /** When the client's FIN left, counted from its SYN. */
    private static long finSent(List<Segment> client) {
        return client.stream().filter(s -> s.has(Tcp.FIN)).findFirst().orElseThrow().timeNanos() - client.get(0).timeNanos();
    }

    @Test
    void duplicationGivesADsackAndNoRetransmission() {
        Reference r = Reference.of(SimulatedScenarios.DUPLICATION);
        String both = r.sideBySide();
        // Nothing resent in either (theSameDataIsSentAndTheSameSegmentsAgain): the copy was the network's.
        assertEquals(List.of(), texts(resent(r.realClient)), both);
        assertEquals(List.of("S A ack=14481 dsack=4345-5793"), withSack(r.realServer), both);
        assertEquals(withSack(r.realServer), withSack(r.simulatedServer), both);
    }

    @Test
    void slowReaderProbesTheZeroWindowAsLinuxDoes() {
        Reference r = Reference.of(SimulatedScenarios.SLOW_READER);
        String both = r.sideBySide();
        for (List<Segment> server : List.of(r.realServer, r.simulatedServer)) {
            Segment synAck = server.get(0);
            assertEquals(7240, synAck.window(), "an 8 KiB SO_RCVBUF offers 5 segments: " + both);
            assertEquals(0, synAck.windowScale(), "and no window scale: " + both);
            long fin = r.realClient.stream().filter(s -> s.has(Tcp.FIN)).findFirst().orElseThrow().seq();
            for (Segment ack : server.subList(1, server.size())) {
                if (ack.ack() <= fin) {
                    assertEquals(0, ack.window() % 1448, "whole segments offered, " + ack.text() + "\n" + both);
                }
            }
        }
        for (Reference.Side side : List.of(r.real(), r.simulated())) {
            List<Segment> probes = probes(side);
            assertTrue(probes.size() >= 8, side.name() + ": zero-window probes " + texts(probes) + "\n" + both);
            // The persist timer: the RTO after the zero window (about 240 ms), then twice that.
            Segment zero = side.server().stream().filter(s -> s.window() == 0 && s.timeNanos() < probes.get(0).timeNanos())
                    .findFirst().orElseThrow();
            long first = probes.get(0).timeNanos() - zero.timeNanos();
            long second = probes.get(1).timeNanos() - probes.get(0).timeNanos();
            assertTrue(first > 200 * MS && first < 300 * MS, side.name() + " first probe after " + first / MS + " ms");
            assertTrue(second > 400 * MS && second < 560 * MS, side.name() + " second after " + second / MS + " ms");
        }
        // Every data segment whole except the last, in both.
        assertEquals(sorted(dataLengths(r.realClient)), sorted(dataLengths(r.simulatedClient)), both);
    }

    @Test
    void simultaneousCloseCrossesTheFins() {
        Reference r = Reference.of(SimulatedScenarios.SIMULTANEOUS_CLOSE);
        String both = r.sideBySide();
        // Frame for frame each way (everyPacketEachWayIsTheSame). The server's FIN does not acknowledge
        // the client's: it left before that FIN arrived.
        assertTrue(texts(r.realServer).contains("S FA 1+0 ack=15"), both);
        assertTrue(texts(r.simulatedServer).contains("S FA 1+0 ack=15"), both);
    }

    @Test
    void halfCloseKeepsTheClientReceivingAfterItsFin() {
        Reference r = Reference.of(SimulatedScenarios.HALF_CLOSE);
        String both = r.sideBySide();
        // Frame for frame each way (everyPacketEachWayIsTheSame): the client's FIN right after its line,
        // the server's three lines (the first acknowledging that FIN), each acknowledged by the client,
        // then the server's FIN.
        assertTrue(texts(r.realServer).contains("S PA 1+22 ack=16"), both);
        assertTrue(texts(r.simulatedServer).contains("S PA 1+22 ack=16"), both);
        // The server's lines and its FIN leave 50 ms apart (its program's sleep): tolerance 10 ms.
        List<Long> real = gapsAfterFirstLine(r.realServer);
        List<Long> simulated = gapsAfterFirstLine(r.simulatedServer);
        assertEquals(3, simulated.size(), both);
        for (int k = 0; k < real.size(); k++) {
            assertEquals(real.get(k), simulated.get(k), 10 * MS, both);
        }
    }

    /** The time between each of the server's data or FIN segments and the one before, from its first line on. */
    private static List<Long> gapsAfterFirstLine(List<Segment> server) {
        List<Segment> sent = server.stream().filter(s -> s.length() > 0 || s.has(Tcp.FIN)).toList();
        List<Long> gaps = new ArrayList<>();
        for (int k = 1; k < sent.size(); k++) {
            gaps.add(sent.get(k).timeNanos() - sent.get(k - 1).timeNanos());
        }
        return gaps;
    }

    @Test
    void theClosedPortsAnswerWithTheirIcmpError() {
        // Frame for frame each way (everyPacketEachWayIsTheSame); what the frames are:
        Reference v4 = Reference.of(SimulatedScenarios.UDP_CLOSED_PORT);
        assertEquals(List.of("C UDP 17"), texts(v4.realClient), v4.sideBySide());
        assertEquals(List.of("S ICMP 3"), texts(v4.realServer), v4.sideBySide());
        Reference v6 = udp6ClosedPort();
        assertEquals(List.of("C UDP 17"), texts(v6.realClient), v6.sideBySide());
        assertEquals(List.of("S ICMP 1"), texts(v6.realServer), v6.sideBySide());
    }

    @Test
    void tcpHelloAndTheRefusedPort() {
        // Frame for frame each way (everyPacketEachWayIsTheSame); what the frames are:
        Reference hello = Reference.of(Scenarios.TCP_HELLO);
        assertEquals(List.of("C S", "C A ack=1", "C PA 1+14 ack=1", "C FA 15+0 ack=1", "C A ack=2"),
                texts(hello.realClient), hello.sideBySide());
        Reference refused = Reference.of(Scenarios.TCP_REFUSED);
        assertEquals(List.of("C S"), texts(refused.realClient), refused.sideBySide());
        assertEquals(List.of("S RA ack=1"), texts(refused.realServer), refused.sideBySide());
    }

    @Test
    void udpEchoIsADatagramEachWay() {
        Reference r = Reference.of(Scenarios.UDP_ECHO);
        String both = r.sideBySide();
        // Frame for frame each way (everyPacketEachWayIsTheSame).
        assertEquals(List.of("C UDP 17"), texts(r.realClient), both);
        assertEquals(List.of("S UDP 15"), texts(r.realServer), both);
        // The answer one round trip after the request: 20 ms simulated, 34 ms on that busy real run (the
        // Python server's recvfrom and sendto included). Tolerance 20 ms.
        long real = r.realServer.get(0).timeNanos() - r.realClient.get(0).timeNanos();
        long simulated = r.simulatedServer.get(0).timeNanos() - r.simulatedClient.get(0).timeNanos();
        assertEquals(real, simulated, 20 * MS, both);
    }

    @Test
    void chatBroadcastsEachMessageOneWayAfterIt() {
        Reference r = Reference.of(Scenarios.CHAT);
        String both = r.sideBySide();
        assertEquals(3, connections(r.realClient), both);
        assertEquals(3, connections(r.simulatedClient), both);
        // On each connection, every segment with data, SYN, FIN or RST the same: numbers, broadcasts, bob's
        // quit and the server's FIN right behind it, bob's number after it, carol's RST.
        for (int c = 0; c < 3; c++) {
            assertEquals(notBareAcks(Wire.onConnection(r.realClient, c)), notBareAcks(Wire.onConnection(r.simulatedClient, c)),
                    "connection " + c + "\n" + both);
            assertEquals(notBareAcks(Wire.onConnection(r.realServer, c)), notBareAcks(Wire.onConnection(r.simulatedServer, c)),
                    "connection " + c + "\n" + both);
        }
        assertTrue(texts(Wire.onConnection(r.realClient, 2)).contains("C RA ack=45"), "carol vanishes with a RST: " + both);
        // alice's connection frame for frame, bare ACKs too.
        assertEquals(texts(Wire.onConnection(r.realClient, 0)), texts(Wire.onConnection(r.simulatedClient, 0)), both);
        assertEquals(texts(Wire.onConnection(r.realServer, 0)), texts(Wire.onConnection(r.simulatedServer, 0)), both);
        // bob's and carol's bare ACKs differ, because wirelab's chat server sets TCP_NODELAY and the simulated
        // one does not (docs/linux-differences.md): Linux's server sent carol's "ciao" to bob at once,
        // though bob had not yet acknowledged "salut" (he did so 40 ms later, delayed); the simulated
        // server's Nagle held it until that ACK. When the simulated server sets TCP_NODELAY, compare
        // these connections frame for frame too.
        assertTrue(before(r.realServer, "S PA 29+8 ack=6", r.realClient, "C A ack=37", 1), both);
        assertTrue(before(r.simulatedClient, "C A ack=29", r.simulatedServer, "S PA 29+8 ack=6", 1), both);
        // Each message's broadcast leaves the server one way after the message left its client (the
        // server's own time to react added): 11.1 to 12.7 ms real (a JVM on a busy machine), 10.1 ms
        // simulated. Tolerance 5 ms. Carol's "ciao" is left out: the simulated server's Nagle held it
        // for bob (above), and the scenario waits for every receiver. (Not compared: the time the server
        // took to send a new client its number, 20 to 50 ms on that run, the JVM's.)
        List<Long> real = broadcastDelays(r.realClient, r.realServer);
        List<Long> simulated = broadcastDelays(r.simulatedClient, r.simulatedServer);
        assertEquals(5, real.size(), both);
        assertEquals(real.size(), simulated.size(), both);
        for (int k : new int[] {0, 1, 3, 4}) {
            assertEquals(real.get(k), simulated.get(k), 5 * MS, "message " + k + ": " + both);
        }
    }

    /** The segments that are not bare ACKs: data, SYN, FIN or RST. */
    private static List<String> notBareAcks(List<Segment> segments) {
        return texts(segments.stream().filter(s -> s.length() > 0 || !s.has(Tcp.ACK) || (s.flags() & ~Tcp.ACK) != 0)
                .toList());
    }

    /** Whether the segment {@code first} on {@code connection} left before {@code second} on it. */
    private static boolean before(List<Segment> one, String first, List<Segment> other, String second, int connection) {
        Segment a = Wire.onConnection(one, connection).stream().filter(s -> s.text().equals(first)).findFirst().orElseThrow();
        Segment b = Wire.onConnection(other, connection).stream().filter(s -> s.text().equals(second)).findFirst()
                .orElseThrow();
        return a.timeNanos() < b.timeNanos();
    }

    /** For each message a client sent (but bob's number after quit), when its sender got it back. */
    private static List<Long> broadcastDelays(List<Segment> clients, List<Segment> server) {
        List<Long> delays = new ArrayList<>();
        for (Segment message : clients) {
            if (message.length() <= 1) {
                continue;   // the numbers are one byte, and so is bob's number after quit
            }
            server.stream().filter(s -> s.connection() == message.connection() && s.length() > 1
                    && s.timeNanos() > message.timeNanos()).findFirst()
                    .ifPresent(back -> delays.add(back.timeNanos() - message.timeNanos()));
        }
        return delays;
    }

    @Test
    void httpGetIsTheSameExchangeButForTheAckOfTheServersFin() throws IOException {
        Reference r = Reference.of(Scenarios.HTTP_GET);
        String both = r.sideBySide();
        // The request is byte for byte what the simulator writes, but for its Host (the server's address)
        // and User-Agent (the JDK's version) values; the numbers after it are shifted by the difference.
        String real = request(CaptureFiles.read(Environment.samples().resolve("reference/http-get-client.pcap")).frames());
        String simulated = request(r.simulation.frames());
        assertEquals(general(real), general(simulated), both);
        int shift = real.length() - simulated.length();
        List<Segment> realClient = shifted(r.realClient, -shift);
        List<Segment> realServer = shifted(r.realServer, -shift);
        assertEquals(texts(realServer), texts(r.simulatedServer), both);
        // The server: its ACK of the request, the status line and headers (139 bytes), then the body (19
        // bytes) with its FIN: close() right after the second write puts the FIN on the body's segment.
        assertTrue(texts(r.simulatedServer).contains("S FPA 140+19 ack=" + (1 + simulated.length())), both);
        // The client: the same, but for its ACK of the server's FIN. Linux received that FIN in ESTABLISHED
        // and went into delayed-ACK (ping-pong) mode (tcp_fin), so the ACK left with the client's FIN once
        // the program had read the end and closed; the simulator acknowledges the FIN at once, then sends
        // its FIN at the same instant (docs/linux-differences.md). When the simulator does as Linux,
        // this becomes a frame-for-frame comparison.
        List<String> simulatedClient = new ArrayList<>(texts(r.simulatedClient));
        assertTrue(simulatedClient.remove("C A ack=160"), both);
        assertEquals(texts(realClient), simulatedClient, both);
        assertEquals("C FA " + (1 + simulated.length()) + "+0 ack=160", texts(realClient).get(realClient.size() - 1), both);
        // The status line leaves one way after the request, plus the server program's time to answer:
        // 22.6 ms real (Python on a busy machine), 10.1 simulated. Tolerance 15 ms.
        long realAnswer = answerDelay(r.realClient, r.realServer);
        long simulatedAnswer = answerDelay(r.simulatedClient, r.simulatedServer);
        assertEquals(realAnswer, simulatedAnswer, 15 * MS, both);
    }

    /** The text of the first segment with data in {@code frames} (Ethernet, IPv4): the HTTP request. */
    private static String request(FrameStore frames) {
        for (int i = 0; i < frames.size(); i++) {
            byte[] b = frames.frame(i).bytes();
            if (b.length < 34 || Bytes.u16(b, 12) != 0x0800 || (b[14 + 9] & 0xff) != Wire.TCP) {
                continue;
            }
            int ihl = (b[14] & 0x0f) * 4;
            int tcp = 14 + ihl;
            int data = tcp + Tcp.headerLength(b, tcp);
            int end = 14 + Bytes.u16(b, 14 + Ipv4.TOTAL_LENGTH);
            if (end > data) {
                return new String(Arrays.copyOfRange(b, data, end), StandardCharsets.US_ASCII);
            }
        }
        throw new AssertionError("no request");
    }

    /** A request with its Host and User-Agent values left out. */
    private static String general(String request) {
        return request.replaceAll("(?m)^(Host|User-Agent): [^\r]*", "$1: ...");
    }

    /** Every sequence number past the request (the client's) and acknowledgment of it (the server's) moved by {@code by}. */
    private static List<Segment> shifted(List<Segment> segments, long by) {
        return segments.stream().map(s -> new Segment(s.timeNanos(), s.fromServer(), s.protocol(), s.flags(),
                !s.fromServer() && s.seq() > 1 ? s.seq() + by : s.seq(), s.fromServer() && s.ack() > 1 ? s.ack() + by : s.ack(),
                s.length() > 1 && !s.fromServer() && s.seq() == 1 ? s.length() + (int) by : s.length(), s.window(),
                s.windowScale(), s.sack(), s.dsack(), s.ipId(), s.icmpType(), s.connection())).toList();
    }

    /** From the request leaving the client to the server's first data segment leaving the server. */
    private static long answerDelay(List<Segment> client, List<Segment> server) {
        Segment request = client.stream().filter(s -> s.length() > 0).findFirst().orElseThrow();
        Segment answer = server.stream().filter(s -> s.length() > 0).findFirst().orElseThrow();
        return answer.timeNanos() - request.timeNanos();
    }

    @Test
    void tcpBulkOpensAsLinuxDoes() {
        Reference r = Reference.of(Scenarios.TCP_BULK);
        String both = r.sideBySide();
        // Both ends announce window scale 10 and the same SYN windows; the receiver's first windows grow
        // two segments a segment, rounded up to 1024 (ReceiveWindowReferenceTest for the rule).
        for (Reference.Side side : List.of(r.real(), r.simulated())) {
            assertEquals(10, side.client().get(0).windowScale(), side.name());
            assertEquals(64_240, side.client().get(0).window(), side.name());
            assertEquals(10, side.server().get(0).windowScale(), side.name());
            assertEquals(List.of(65_160L, 68_608L, 71_680L, 74_752L), serverWindows(side.server()).subList(0, 4),
                    side.name() + "\n" + both);
        }
        // Slow start from an initial window of 10: 10, 20, 40, 80 segments in the first four round trips.
        assertEquals(List.of(10, 20, 40, 80), flights(r.realClient).subList(0, 4), both);
        assertEquals(flights(r.realClient).subList(0, 4), flights(r.simulatedClient).subList(0, 4), both);
        // The last 880 bytes carry the FIN, and the server's FIN acknowledges everything.
        assertEquals(last(r.realClient).text(), last(r.simulatedClient).text(), both);
        assertEquals("S FA 1+0 ack=1000002", last(r.realServer).text(), both);
        assertEquals(last(r.realServer).text(), last(r.simulatedServer).text(), both);
        // The flights one round trip apart: 23.5 ms real, 20 simulated. Tolerance 5 ms. (After the fourth,
        // that run's round trip grew to some 25 ms on a machine at load 17 and HyStart ended slow start
        // at about 90 segments, where the simulator's constant 20 ms lets it double on to 320: the real
        // transfer lasted 257 ms, the simulated one 140; docs/linux-differences.md.)
        assertEquals(flightGap(r.realClient), flightGap(r.simulatedClient), 5 * MS, both);
    }

    /** The number of data segments in each burst (segments less than 3 ms apart): one a round trip. */
    private static List<Integer> flights(List<Segment> client) {
        List<Integer> flights = new ArrayList<>();
        long last = 0;
        for (Segment s : client) {
            if (s.length() == 0) {
                continue;
            }
            if (flights.isEmpty() || s.timeNanos() - last > 3 * MS) {
                flights.add(0);
            }
            flights.set(flights.size() - 1, flights.get(flights.size() - 1) + 1);
            last = s.timeNanos();
        }
        return flights;
    }

    /** From the first data segment of the first flight to that of the second. */
    private static long flightGap(List<Segment> client) {
        List<Segment> data = client.stream().filter(s -> s.length() > 0).toList();
        return data.get(10).timeNanos() - data.get(0).timeNanos();
    }

    /** The receiver's windows in bytes, each change once, from the SYN-ACK on. */
    private static List<Long> serverWindows(List<Segment> server) {
        int scale = server.get(0).windowScale();
        List<Long> windows = new ArrayList<>();
        for (Segment s : server) {
            long window = s.has(Tcp.SYN) ? s.window() : (long) s.window() << scale;
            if (windows.isEmpty() || windows.get(windows.size() - 1) != window) {
                windows.add(window);
            }
        }
        return windows;
    }

    private static Segment last(List<Segment> segments) {
        return segments.get(segments.size() - 1);
    }

    @Test
    void udpBurstTakesTheTimeARealSenderTakes() {
        Reference r = Reference.of(Scenarios.UDP_BURST);
        String both = r.sideBySide();
        // 1000 datagrams of 100 bytes, no answer (everyPacketEachWayIsTheSame).
        assertEquals(1000, r.realClient.size(), both);
        assertTrue(r.realServer.isEmpty(), both);
        // The sender's loop: 16.3 ms for the 1000 in the real run (a Python loop, 16 us a send; 6.9 ms
        // in a run at lower load), 17.0 simulated (17 us a send). The sender's pace is its program's and
        // its machine's: tolerance, half to twice the real time.
        long real = last(r.realClient).timeNanos() - r.realClient.get(0).timeNanos();
        long simulated = last(r.simulatedClient).timeNanos() - r.simulatedClient.get(0).timeNanos();
        assertTrue(simulated >= real / 2 && simulated <= real * 2, "real " + real / 1e6 + " ms, simulated "
                + simulated / 1e6 + " ms\n" + both);
    }

    /**
     * Every scenario names the reference it is checked against, which exists, and is compared here (or
     * in CongestionReferenceTest: bulk-loss; the timing of rst-after-close, lost-last-ack and keep-alive
     * in TeardownReferenceTest and KeepAliveReferenceTest).
     */
    @Test
    void everyScenarioNamesItsReference() {
        List<String> compared = new ArrayList<>(List.of(SimulatedScenarios.LOST_SYN_ACK, SimulatedScenarios.SLOW_READER,
                SimulatedScenarios.BULK_LOSS, Scenarios.HTTP_GET, Scenarios.CHAT));
        Stream.concat(samePacketsEachWay(), sameDataAndRetransmissions()).map(a -> (String) a.get()[0]).forEach(compared::add);
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.all()) {
            String reference = SimulatedScenarios.named(entry.name(), Scenarios.Parameters.DEFAULTS).reference();
            assertEquals(entry.name(), reference, entry.name());
            assertTrue(compared.contains(reference), entry.name() + " is compared with its reference");
            Reference.of(reference);
        }
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
        return values.stream().sorted().toList();
    }

    private static List<String> withSack(List<Segment> segments) {
        return texts(segments.stream().filter(s -> s.sack().length > 0).toList());
    }

    private static List<String> dsacks(List<Segment> segments) {
        return segments.stream().filter(Segment::dsack).map(s -> s.sack()[0] + "-" + s.sack()[1]).toList();
    }

    /** seq+length of every data segment sent once, in sequence order. */
    private static List<String> dataSegments(List<Segment> segments) {
        return segments.stream().filter(s -> s.length() > 0).map(s -> s.seq() + "+" + s.length()).distinct()
                .sorted().toList();
    }

    private static List<Integer> dataLengths(List<Segment> segments) {
        return segments.stream().filter(s -> s.length() > 0).map(Segment::length).toList();
    }

    /** Zero-length segments one byte below what the peer has acknowledged: Linux's window probes. */
    private static List<Segment> probes(Reference.Side side) {
        List<Segment> probes = new ArrayList<>();
        for (Segment s : side.client()) {
            long acked = side.server().stream().filter(a -> a.timeNanos() < s.timeNanos() && a.has(Tcp.ACK))
                    .mapToLong(Segment::ack).max().orElse(0);
            if (s.length() == 0 && s.flags() == Tcp.ACK && s.seq() == acked - 1) {
                probes.add(s);
            }
        }
        return probes;
    }

    /** How long after the last ACK the server sent before it {@code again} was sent (one way delay included). */
    private static long sinceLastAck(List<Segment> server, Segment again) {
        long last = server.stream().filter(a -> a.timeNanos() < again.timeNanos()).mapToLong(Segment::timeNanos).max()
                .orElseThrow();
        return again.timeNanos() - last;
    }
}
