package org.wirelab.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.explain.Sentence;
import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

/**
 * The explanation of every frame of the real Linux captures of samples/reference, in English and in
 * French, checked against tshark's expert messages committed beside each capture (NAME.fields.tsv,
 * tshark 4.0) and against what the capture proves of their cause (samples/README.md).
 */
class ReferenceExplanationsTest {
    /** tshark's expert message, and the sentences that may say what it flags (first match wins). */
    private static final Map<String, Set<String>> FLAGGED = new LinkedHashMap<>();

    static {
        FLAGGED.put("spurious retransmission", Set.of("tcp.retransmission.spurious", "tcp.copy.network"));
        FLAGGED.put("fast retransmission", Set.of("tcp.retransmission.fast", "tcp.late"));
        FLAGGED.put("out-of-order segment", Set.of("tcp.outoforder", "tcp.late", "tcp.retransmission.sack",
                "tcp.retransmission.fast", "tcp.retransmission.timeout"));
        FLAGGED.put("(suspected) retransmission", Set.of("tcp.retransmission.timeout", "tcp.retransmission.sack",
                "tcp.retransmission.firstlost", "tcp.syn.again", "tcp.synack.again", "tcp.fin.again", "tcp.late",
                "tcp.copy.network"));
        FLAGGED.put("Duplicate ACK", Set.of("tcp.dupack", "tcp.ack.twice", "tcp.ack.copy", "tcp.ack.timewait"));
        FLAGGED.put("D-SACK Sequence", Set.of("tcp.dsack"));
        FLAGGED.put("Zero Window segment", Set.of("tcp.ack.zero", "tcp.window.zero", "tcp.probe.answer.zero"));
        FLAGGED.put("ACK to a TCP keep-alive", Set.of("tcp.keepalive.answer", "tcp.probe.answer.zero",
                "tcp.probe.answer.open"));
        FLAGGED.put("keep-alive segment", Set.of("tcp.probe.zerowindow", "tcp.keepalive"));
        FLAGGED.put("completely full", Set.of("tcp.window.full"));
        FLAGGED.put("window update", Set.of("tcp.window.update", "tcp.window.open", "tcp.probe.answer.open",
                "tcp.ack.hole"));
        FLAGGED.put("Previous segment(s) not captured", Set.of("tcp.gap"));
        FLAGGED.put("Connection establish request (SYN)", Set.of("tcp.syn", "tcp.syn.again"));
    }

    /** English words that must not be left in a French sentence. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|bytes?|sends|acknowledges|window|Lost on the way|which|again|frame)\\b");
    private static final Pattern BAD_FRENCH_PLURAL = Pattern.compile("(?<![\\d\\u202f\\u00a0 ])[01] octets\\b");

    static Stream<String> captures() throws Exception {
        try (Stream<Path> files = Files.list(Environment.samples().resolve("reference"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap"))
                    .map(n -> n.substring(0, n.length() - ".pcap".length())).sorted().toList().stream();
        }
    }

    /** Per frame (0-based), tshark's comma-joined expert messages from NAME.fields.tsv. */
    private static List<String> expert(String name) throws Exception {
        List<String> lines = Files.readAllLines(Environment.samples().resolve("reference").resolve(name + ".fields.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int column = header.indexOf("_ws.expert.message");
        List<String> messages = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            messages.add(column < cells.length ? cells[column] : "");
        }
        return messages;
    }

    private static Map<Integer, List<String>> keys(String name) throws Exception {
        Explainer explainer = Explainer.of(ReferenceStatesTest.analysis(name));
        Map<Integer, List<String>> keys = new HashMap<>();
        for (int i = 0; i < expert(name).size(); i++) {
            keys.put(i, explainer.sentences(i).stream().map(Sentence::key).toList());
        }
        return keys;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyFlagTsharkRaisesIsExplainedByItsCause(String name) throws Exception {
        List<String> expert = expert(name);
        Map<Integer, List<String>> keys = keys(name);
        for (int i = 0; i < expert.size(); i++) {
            for (Map.Entry<String, Set<String>> flag : FLAGGED.entrySet()) {
                if (expert.get(i).contains(flag.getKey())) {
                    List<String> said = keys.get(i);
                    assertTrue(said.stream().anyMatch(flag.getValue()::contains),
                            name + " frame " + (i + 1) + ": tshark says '" + expert.get(i) + "', we say " + said);
                    break;
                }
            }
            if (expert.get(i).contains("Connection finish (FIN)")) {
                assertTrue(keys.get(i).stream().anyMatch(k -> k.startsWith("tcp.fin")), name + " frame " + (i + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyFrameReadsInBothLanguagesWithoutEnglishInTheFrenchAndWithFrenchPlurals(String name) throws Exception {
        CaptureAnalysis analysis = ReferenceStatesTest.analysis(name);
        Explainer explainer = Explainer.of(analysis);
        for (int i = 0; i < analysis.size(); i++) {
            String english = explainer.explain(i, Locale.ENGLISH).text();
            String french = explainer.explain(i, Locale.FRENCH).text();
            assertFalse(english.isBlank() || english.contains("{") || english.contains("does not explain"), english);
            assertFalse(french.contains("{"), french);
            assertFalse(ENGLISH.matcher(french).find(), name + " frame " + (i + 1) + ": " + french);
            assertFalse(BAD_FRENCH_PLURAL.matcher(french).find(), name + " frame " + (i + 1) + ": " + french);
            assertFalse(english.matches(".*\\b1 bytes\\b.*"), english);
        }
    }

    @ParameterizedTest(name = "simultaneous-close-{0}")
    @ValueSource(strings = {"client", "server"})
    void crossingFinsAreSaidToCross(String side) throws Exception {
        String name = "simultaneous-close-" + side;
        List<String> all = keys(name).values().stream().flatMap(List::stream).toList();
        assertTrue(all.contains("tcp.fin.crossing"), all.toString());
        assertTrue(all.contains("tcp.ack.closing"), all.toString());
        Explainer explainer = Explainer.of(ReferenceStatesTest.analysis(name));
        for (int i = 0; i < expert(name).size(); i++) {
            assertFalse(explainer.explain(i, Locale.ENGLISH).text().contains("CLOSE-WAIT"), name + " frame " + (i + 1));
            assertFalse(explainer.explain(i, Locale.FRENCH).text().contains("CLOSE-WAIT"), name + " frame " + (i + 1));
        }
    }

    @Test
    void aHalfCloseIsCalledShutdownNotClose() throws Exception {
        Explainer explainer = Explainer.of(ReferenceStatesTest.analysis("half-close-client"));
        List<String> expert = expert("half-close-client");
        int fin = -1;
        for (int i = 0; i < expert.size() && fin < 0; i++) {
            fin = expert.get(i).contains("initiates the connection closing") ? i : -1;
        }
        assertEquals(List.of("tcp.fin.shutdown"), explainer.sentences(fin).stream().map(Sentence::key).toList());
        String english = explainer.explain(fin, Locale.ENGLISH).text();
        String french = explainer.explain(fin, Locale.FRENCH).text();
        assertTrue(english.contains("shutdown(SHUT_WR)") && english.contains("half close") && !english.contains("close()"), english);
        assertTrue(french.contains("shutdown(SHUT_WR)") && french.contains("demi-fermeture") && !french.contains("close()"), french);
    }

    @ParameterizedTest(name = "half-close-{0}")
    @ValueSource(strings = {"client", "server"})
    void theSideThatSentItsFinKeepsReceivingAndAcknowledging(String side) throws Exception {
        // samples/README: after the client's FIN, the server sends 3 lines, each acknowledged by the client.
        String name = "half-close-" + side;
        CaptureAnalysis analysis = ReferenceStatesTest.analysis(name);
        Explainer explainer = Explainer.of(analysis);
        Map<Integer, List<String>> keys = keys(name);
        List<Integer> lines = new ArrayList<>();
        List<Integer> acks = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            if (keys.get(i).contains("tcp.data.halfclosed")) {
                lines.add(i);
                assertFalse(analysis.conversations().fromClient(i), "the server sends after the client's FIN");
            }
            if (keys.get(i).contains("tcp.ack.halfclosed")) {
                acks.add(i);
            }
        }
        assertEquals(3, lines.size(), keys.toString());
        assertEquals(3, acks.size(), keys.toString());
        for (int ack : acks) {
            String english = explainer.explain(ack, Locale.ENGLISH).text();
            String french = explainer.explain(ack, Locale.FRENCH).text();
            assertTrue(english.contains("shutdown(SHUT_WR)") && english.contains("still receives")
                    && !english.contains("close()"), english);
            assertTrue(french.contains("shutdown(SHUT_WR)") && french.contains("reçoit toujours")
                    && !french.contains("close()"), french);
        }
        String french = explainer.explain(lines.get(0), Locale.FRENCH).text();
        assertTrue(french.contains("demi-fermeture") && french.contains("22 octets de données, numérotés"), french);
    }

    @ParameterizedTest(name = "keep-alive-{0}")
    @ValueSource(strings = {"client", "server"})
    void keepAlivesAndTheirAnswersAreSaidSoWithTheIdleTime(String side) throws Exception {
        // samples/README: TCP_KEEPIDLE and TCP_KEEPINTVL of 1 s; two probes, each answered, then the close.
        String name = "keep-alive-" + side;
        CaptureAnalysis analysis = ReferenceStatesTest.analysis(name);
        Explainer explainer = Explainer.of(analysis);
        Map<Integer, List<String>> keys = keys(name);
        List<String> expert = expert(name);
        int probes = 0;
        for (int i = 0; i < expert.size(); i++) {
            if (expert.get(i).startsWith("TCP keep-alive segment")) {
                probes++;
                assertEquals(List.of("tcp.keepalive"), keys.get(i));
                assertEquals(List.of("tcp.keepalive.answer"), keys.get(i + 1), "frame " + (i + 2));
                long idle = (analysis.frames().timestampNanos(i) - analysis.frames().timestampNanos(i - 1)) / 1_000_000;
                assertTrue(idle >= 990 && idle <= 1100, "TCP_KEEPIDLE is 1 s: " + idle);
                assertTrue(explainer.explain(i, Locale.ENGLISH).text().contains("after " + idle + " ms without any segment"));
                assertTrue(explainer.explain(i, Locale.FRENCH).text().contains("après " + idle + " ms sans aucun segment"));
                assertFalse(explainer.explain(i + 1, Locale.ENGLISH).text().contains("window"),
                        "a keep-alive's answer says nothing of a window that never closed");
            }
        }
        assertEquals(2, probes);
    }

    @ParameterizedTest(name = "rst-after-close-{0}")
    @ValueSource(strings = {"client", "server"})
    void dataToASocketClosedWithCloseIsAnsweredByAReset(String side) throws Exception {
        // samples/README: the server reads one line and closes; the client's second line (frame 8) gets a RST (9).
        String name = "rst-after-close-" + side;
        Map<Integer, List<String>> keys = keys(name);
        assertEquals(List.of("tcp.data.closedpeer"), keys.get(7));
        assertEquals(List.of("tcp.rst.afterclose"), keys.get(8));
        Explainer explainer = Explainer.of(ReferenceStatesTest.analysis(name));
        assertTrue(explainer.explain(7, Locale.ENGLISH).text().contains("reset (frame 9)"));
        assertTrue(explainer.explain(8, Locale.FRENCH).text().contains("les données de la trame 8"));
    }

    @Test
    void theLastAckLostMakesTheFinComeAgainAndTimeWaitAnswersIt() throws Exception {
        // samples/README: the relay drops the client's ACK of the server's FIN (client frame 8).
        Map<Integer, List<String>> client = keys("lost-last-ack-client");
        assertEquals(List.of("tcp.ack.last.lost"), client.get(7));
        assertEquals(List.of("tcp.fin.again"), client.get(8));
        assertEquals(List.of("tcp.ack.timewait"), client.get(9));
        Map<Integer, List<String>> server = keys("lost-last-ack-server");
        assertEquals(List.of("tcp.fin.again"), server.get(7));
        assertEquals(List.of("tcp.ack.timewait"), server.get(8));
        Explainer explainer = Explainer.of(ReferenceStatesTest.analysis("lost-last-ack-client"));
        assertTrue(explainer.explain(7, Locale.FRENCH).text().contains("Cet ACK se perd en chemin"));
    }

    @Test
    void theLostSegmentIsResentOnSackEvidenceAndTheFinTakenWhenTheHoleFills() throws Exception {
        // samples/README: frame 7 resent 34 ms after the original, on the SACK of frame 6; Ack=16 in frame 8.
        Map<Integer, List<String>> keys = keys("lost-data-client");
        assertEquals(List.of("tcp.retransmission.sack"), keys.get(6));
        assertEquals("tcp.took.fin.hole", keys.get(7).get(0));
        // At the server, the first copy never arrived; the FIN came after a gap.
        Map<Integer, List<String>> server = keys("lost-data-server");
        assertTrue(server.values().stream().anyMatch(k -> k.contains("tcp.retransmission.firstlost")), server.toString());
        assertTrue(server.values().stream().anyMatch(k -> k.contains("tcp.gap")), server.toString());
    }

    @Test
    void aDuplicateMadeByTheNetworkIsNoRetransmissionAndItsDsackSaysSo() throws Exception {
        List<String> all = keys("duplication-server").values().stream().flatMap(List::stream).toList();
        assertTrue(all.contains("tcp.copy.network"), all.toString());
        assertTrue(all.contains("tcp.dsack") && (all.contains("tcp.ack.twice") || all.contains("tcp.ack.copy")),
                all.toString());
        assertFalse(all.contains("tcp.retransmission.spurious"), "nobody resent it");
    }

    @Test
    void aHeldBackOriginalArrivesLateAndTheRealRetransmissionIsSpurious() throws Exception {
        List<String> all = keys("reordering-server").values().stream().flatMap(List::stream).toList();
        assertTrue(all.contains("tcp.late"), "the original, overtaken on the way: " + all);
        assertTrue(all.contains("tcp.retransmission.spurious"), all.toString());
        List<String> client = keys("reordering-client").values().stream().flatMap(List::stream).toList();
        // At the client, the copy sent again on the SACK blocks (RACK) is no reordering, whatever tshark's timing says.
        assertTrue(client.contains("tcp.retransmission.sack") || client.contains("tcp.retransmission.fast"),
                client.toString());
        assertFalse(client.contains("tcp.outoforder"), client.toString());
    }

    @Test
    void linuxZeroWindowProbesAreZeroBytesAndTheirAnswersSayTheWindow() throws Exception {
        CaptureAnalysis analysis = ReferenceStatesTest.analysis("slow-reader-client");
        Explainer explainer = Explainer.of(analysis);
        Map<Integer, List<String>> keys = keys("slow-reader-client");
        List<Integer> probes = keys.entrySet().stream().filter(e -> e.getValue().contains("tcp.probe.zerowindow"))
                .map(Map.Entry::getKey).sorted().toList();
        assertFalse(probes.isEmpty());
        assertTrue(keys.get(probes.get(0) + 1).contains("tcp.probe.answer.zero"), keys.get(probes.get(0) + 1).toString());
        String french = explainer.explain(probes.get(0), Locale.FRENCH).text();
        assertTrue(french.contains("un segment de 0 octet au numéro"), french);
        assertTrue(explainer.explain(probes.get(0), Locale.ENGLISH).text().contains("a segment of 0 bytes"));
        assertTrue(keys.values().stream().anyMatch(k -> k.contains("tcp.window.open")), keys.toString());
    }

    @ParameterizedTest(name = "chat-{0}")
    @ValueSource(strings = {"client", "server"})
    void theChatServerShutsBobsSideAfterQuitAndCarolResetsHers(String side) throws Exception {
        // samples/README: after bob's quit the server sends its FIN (shutdown: it still reads bob's number
        // and FIN and acknowledges them); carol closes with SO_LINGER 0, a RST.
        String name = "chat-" + side;
        CaptureAnalysis analysis = ReferenceStatesTest.analysis(name);
        Explainer explainer = Explainer.of(analysis);
        Map<Integer, List<String>> keys = keys(name);
        List<Integer> shutdowns = framesSaying(keys, "tcp.fin.shutdown");
        assertEquals(1, shutdowns.size(), keys.toString());
        int fin = shutdowns.get(0);
        assertFalse(analysis.conversations().fromClient(fin), "the server's FIN");
        List<Integer> afterIt = framesSaying(keys, "tcp.data.halfclosed");
        assertEquals(1, afterIt.size(), "bob's number, sent after the server's FIN: " + keys);
        assertTrue(analysis.conversations().fromClient(afterIt.get(0)) && afterIt.get(0) > fin);
        assertTrue(explainer.explain(fin, Locale.ENGLISH).text().contains("shutdown(SHUT_WR)"));
        assertTrue(explainer.explain(fin, Locale.FRENCH).text().contains("demi-fermeture"));
        List<Integer> resets = framesSaying(keys, "tcp.rst");
        assertEquals(1, resets.size(), keys.toString());
        assertTrue(analysis.conversations().fromClient(resets.get(0)), "carol's RST");
        assertTrue(explainer.explain(resets.get(0), Locale.ENGLISH).text().contains("without the FIN exchange"));
        assertTrue(explainer.explain(resets.get(0), Locale.FRENCH).text().contains("sans échange de FIN"));
        // Every broadcast (\n>>message\n) is said to be a chat message: 4 messages to all three, and alice's last.
        assertEquals(13, framesSaying(keys, "chat.message").stream().filter(i -> !analysis.conversations().fromClient(i))
                .count(), keys.toString());
    }

    @ParameterizedTest(name = "http-get-{0}")
    @ValueSource(strings = {"client", "server"})
    void theHttpServersFinGoesWithTheBodyAndTheClientsFinAnswersIt(String side) throws Exception {
        // samples/README: the body and the server's FIN in one segment (close()), then the client's FIN.
        String name = "http-get-" + side;
        Explainer explainer = Explainer.of(ReferenceStatesTest.analysis(name));
        Map<Integer, List<String>> keys = keys(name);
        List<Integer> bodyAndFin = framesSaying(keys, "tcp.fin");
        assertEquals(1, bodyAndFin.size(), keys.toString());
        assertEquals(List.of("tcp.data", "tcp.fin"), keys.get(bodyAndFin.get(0)));
        String english = explainer.explain(bodyAndFin.get(0), Locale.ENGLISH).text();
        String french = explainer.explain(bodyAndFin.get(0), Locale.FRENCH).text();
        assertTrue(english.contains("19 bytes of data") && english.contains("close()"), english);
        assertTrue(french.contains("19 octets de données") && french.contains("close()"), french);
        assertEquals(1, framesSaying(keys, "tcp.fin.second").size(), keys.toString());
        assertEquals(1, framesSaying(keys, "http.request").size(), keys.toString());
        assertEquals(1, framesSaying(keys, "http.response").size(), keys.toString());
    }

    @Test
    void everyDatagramOfTheBurstIsSaidToBeOne() throws Exception {
        CaptureAnalysis analysis = ReferenceStatesTest.analysis("udp-burst-client");
        Explainer explainer = Explainer.of(analysis);
        assertEquals(1000, analysis.size());
        for (int i : new int[] {0, 1, 499, 999}) {
            assertTrue(explainer.explain(i, Locale.ENGLISH).text().contains("a UDP datagram of 100 bytes"),
                    explainer.explain(i, Locale.ENGLISH).text());
            assertTrue(explainer.explain(i, Locale.FRENCH).text().contains("un datagramme UDP de 100 octets"),
                    explainer.explain(i, Locale.FRENCH).text());
        }
    }

    /** The frames (0-based) whose sentences include {@code key}, in order. */
    private static List<Integer> framesSaying(Map<Integer, List<String>> keys, String key) {
        return keys.entrySet().stream().filter(e -> e.getValue().contains(key)).map(Map.Entry::getKey).sorted().toList();
    }

    @ParameterizedTest(name = "tcp-refused-{0}")
    @ValueSource(strings = {"client", "server"})
    void aRefusedPortIsSaidSo(String side) throws Exception {
        assertEquals(List.of("tcp.rst.refused"), keys("tcp-refused-" + side).get(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp-closed-port-client", "udp-closed-port-server", "udp6-closed-port-client",
        "udp6-closed-port-server"})
    void theIcmpErrorNamesItsDatagramAndGoesBackToItsSender(String name) throws Exception {
        CaptureAnalysis analysis = ReferenceStatesTest.analysis(name);
        Explainer explainer = Explainer.of(analysis);
        boolean v6 = name.startsWith("udp6");
        // tshark's fields for the same frame: ICMP type 3 code 3, or ICMPv6 type 1 code 4 (port unreachable).
        List<String> lines = Files.readAllLines(Environment.samples().resolve("reference").resolve(name + ".fields.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        String[] fields = lines.get(2).split("\t", -1);
        assertEquals(v6 ? "1" : "3", fields[header.indexOf(v6 ? "icmpv6.type" : "icmp.type")]);
        assertEquals(v6 ? "4" : "3", fields[header.indexOf(v6 ? "icmpv6.code" : "icmp.code")]);
        String server = v6 ? "2001:db8::2" : "198.51.100.2";
        String icmp = v6 ? "ICMPv6" : "ICMP";
        assertTrue(explainer.explain(1, Locale.ENGLISH).text().startsWith(server + " answers the datagram of frame 1"
                + " with an " + icmp + " “port unreachable” error: nothing listens on UDP port 3000."),
                explainer.explain(1, Locale.ENGLISH).text());
        assertTrue(explainer.explain(1, Locale.FRENCH).text().startsWith(server + " répond au datagramme de la trame 1"
                + " par une erreur " + icmp + " « port inaccessible »"), explainer.explain(1, Locale.FRENCH).text());
        CaptureLadder ladder = CaptureLadder.of(analysis, TcpStates.of(analysis));
        Arrow datagram = ladder.arrow(0);
        Arrow error = ladder.arrow(1);
        assertEquals(datagram.toLane(), error.fromLane());
        assertEquals(datagram.fromLane(), error.toLane(), "drawn back to the datagram's sender, not as a self-loop");
    }
}
