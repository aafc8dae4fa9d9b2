package org.wirelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;

/**
 * Corpus captures where tshark's behaviour surprises, pinned down with the reason, so that a reader of
 * wirelab's output knows these are tshark's answers mirrored on purpose (the field-by-field comparison
 * with tshark is in FieldCatalogCorpusTest).
 */
class OddCorpusBehaviourTest {

    private static CaptureAnalysis analyse(String file) throws IOException {
        return CaptureAnalysis.of(CaptureFiles.read(Corpus.capture(file)).frames());
    }

    /**
     * ctu-64702-888 holds every packet twice. tshark does not recognise duplicates: a repeated data or
     * FIN segment does not advance the sequence, so it is a retransmission, and a repeated pure ACK
     * repeats seq, ack and window, so it is a duplicate ACK. The capture starts at the SYN+ACK, so the
     * client's relative numbers start from the first ACK number the server sent, less one.
     */
    @Test
    void duplicatedPacketsBecomeRetransmissionsAndDuplicateAcks() throws IOException {
        CaptureAnalysis analysis = analyse("zeek__ctu-64702-888.pcap");
        TcpSequenceAnalysis tcp = analysis.tcp();
        assertTrue(tcp.has(1, TcpExpert.RETRANSMISSION), "frame 2 repeats the SYN+ACK of frame 1");
        assertTrue(tcp.has(3, TcpExpert.DUPLICATE_ACK), "frame 4 repeats the ACK of frame 3");
        assertEquals(1, tcp.duplicateAckNumber(3));
        assertTrue(tcp.has(4, TcpExpert.LOST_SEGMENT), "frame 5: data before it was never captured");
        assertTrue(tcp.has(6, TcpExpert.OUT_OF_ORDER), "frame 7 comes back within 3 ms of the highest segment");
        assertEquals(1, analysis.conversations().tcpStreamCount());
        assertEquals(1, Integer.toUnsignedLong(analysis.conversations().relativeSequence(2)));
    }

    /**
     * handshake-reorder captured the SYN+ACK before the SYN. tshark flags nothing: the SYN+ACK sets the
     * server's base and, through its ACK number, the client's, so the late SYN has relative seq 0 and
     * is neither a retransmission nor out of order (its next sequence number was not known yet).
     */
    @Test
    void synAckBeforeSynIsOneCleanStream() throws IOException {
        CaptureAnalysis analysis = analyse("zeek__handshake-reorder.pcap");
        for (int i = 0; i < analysis.size(); i++) {
            assertEquals(0, analysis.tcp().expertBits(i), "frame " + (i + 1));
            assertEquals(0, analysis.conversations().tcpStream(i));
        }
        assertEquals(0, analysis.conversations().relativeSequence(1), "the SYN, second in the file");
        assertEquals("141.142.228.5:59856",
                analysis.conversations().tcpConversation(0).client().toString());
    }

    /**
     * pptp.pcap holds the server's frames twice (corpus README): the copies are
     * retransmissions, and the client's repeated ACKs duplicate ACKs, each the first of its run.
     */
    @Test
    void serverFramesCapturedTwice() throws IOException {
        TcpSequenceAnalysis tcp = analyse("tcpdump__pptp.pcap").tcp();
        for (int frame : new int[] {3, 9, 14, 20}) {
            assertTrue(tcp.has(frame - 1, TcpExpert.RETRANSMISSION), "frame " + frame);
        }
        for (int frame : new int[] {7, 12, 18, 23}) {
            assertEquals(1, tcp.duplicateAckNumber(frame - 1), "frame " + frame);
        }
    }
}
