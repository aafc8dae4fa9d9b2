package org.wirelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;

/**
 * Conversation endpoints, frame counts, first and last frames, and client roles on corpus captures,
 * checked against tshark's tcp.stream / udp.stream columns and the corpus README's descriptions.
 */
class ConversationIndexCorpusTest {

    private static CaptureAnalysis analyse(String file) throws IOException {
        return CaptureAnalysis.of(CaptureFiles.read(Corpus.capture(file)).frames());
    }

    @Test
    void framesFirstAndLastOfEveryStreamAgreeWithTsharkStreamColumns() throws IOException {
        for (Path capture : Corpus.captures()) {
            List<String[]> truth = Corpus.readTsv(Corpus.truth(capture, "tsv"));
            if (truth.isEmpty()) {
                continue;
            }
            CaptureAnalysis analysis;
            try {
                analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
            } catch (org.wirelab.core.pcap.CaptureFormatException e) {
                continue;
            }
            ConversationIndex index = analysis.conversations();
            checkStreams(capture, truth, 19, index, true);
            checkStreams(capture, truth, 20, index, false);
        }
    }

    private static void checkStreams(Path capture, List<String[]> truth, int column, ConversationIndex index,
            boolean tcp) {
        Map<Integer, int[]> expected = new HashMap<>(); // stream -> first, last, count
        for (int row = 1; row < truth.size(); row++) {
            String cell = column < truth.get(row).length ? truth.get(row)[column] : "";
            if (cell.isEmpty()) {
                continue;
            }
            int stream = Integer.parseInt(cell);
            int[] e = expected.computeIfAbsent(stream, s -> new int[] {Integer.MAX_VALUE, -1, 0});
            e[0] = Math.min(e[0], row - 1);
            e[1] = Math.max(e[1], row - 1);
            e[2]++;
        }
        int count = tcp ? index.tcpStreamCount() : index.udpStreamCount();
        assertEquals(expected.size(), count, capture.getFileName() + (tcp ? " tcp" : " udp") + " streams");
        for (Map.Entry<Integer, int[]> e : expected.entrySet()) {
            Conversation c = tcp ? index.tcpConversation(e.getKey()) : index.udpConversation(e.getKey());
            String what = capture.getFileName() + " stream " + e.getKey();
            assertEquals(e.getValue()[0], c.firstFrameIndex(), what + " first frame");
            assertEquals(e.getValue()[1], c.lastFrameIndex(), what + " last frame");
            assertEquals(e.getValue()[2], c.frameCount(), what + " frames");
        }
    }

    @Test
    void clientIsTheSynSender() throws IOException {
        Conversation c = analyse("gopacket__test_ethernet.pcap").conversations().tcpConversation(0);
        assertEquals("10.1.1.2:44644", c.client().toString());
        assertEquals("10.1.1.1:80", c.server().toString());
        assertTrue(c.clientIsA());
    }

    @Test
    void clientIsTheSynSenderEvenWhenTheSynAckWasCapturedFirst() throws IOException {
        // handshake-reorder: the SYN+ACK (frame 1) precedes the SYN, so A is the server.
        CaptureAnalysis analysis = analyse("zeek__handshake-reorder.pcap");
        Conversation c = analysis.conversations().tcpConversation(0);
        assertEquals("192.150.187.43:80", c.a().toString());
        assertEquals("141.142.228.5:59856", c.client().toString());
        assertFalse(analysis.conversations().fromClient(0));
        assertTrue(analysis.conversations().fromClient(1));
    }

    @Test
    void aStreamCapturedMidWayHasTheHigherPortAsClient() throws IOException {
        Conversation c = analyse("dpkt__http.pcap").conversations().tcpConversation(1);
        assertEquals("145.254.160.237:3371", c.client().toString());
        assertEquals(80, c.server().port());
    }

    @Test
    void loopbackIpv6ConversationsAreTwoSocketsOnOneAddress() throws IOException {
        CaptureAnalysis analysis = analyse("zeek__pipelining-example.pcap");
        Conversation c = analysis.conversations().tcpConversation(0);
        assertEquals("[::1]:51122", c.client().toString());
        assertEquals("[::1]:6379", c.server().toString());
        for (int i = 0; i < analysis.size(); i++) {
            boolean fromClientPort = analysis.packets().sourcePort(i) == 51122;
            assertEquals(fromClientPort, analysis.conversations().fromClient(i), "frame " + (i + 1));
        }
    }

    @Test
    void udpFlowsAreNumberedInOrderOfFirstDatagram() throws IOException {
        ConversationIndex index = analyse("dpkt__dns_icmp.pcap").conversations();
        assertEquals(5, index.udpStreamCount());
        for (int s = 0; s < 5; s++) {
            Conversation c = index.udpConversation(s);
            assertEquals(53, c.server().port(), "stream " + s);
            assertEquals("192.168.43.9", c.client().addressText());
        }
    }
}
