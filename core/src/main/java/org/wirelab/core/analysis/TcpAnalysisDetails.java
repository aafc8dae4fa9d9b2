package org.wirelab.core.analysis;

import java.util.Arrays;

/**
 * The numbers of Wireshark 4.0's TCP analysis that only {@code -e} and display filters ask for, kept apart
 * from {@link TcpSequenceAnalysis} so that reading a capture does not pay for them: bytes in flight and
 * bytes since the last PSH ({@code tcp.analysis.bytes_in_flight}, {@code push_bytes_sent}), the RTO of a
 * retransmission and the frame it is measured from, the frame a duplicate ACK repeats, the handshake's
 * round trip ({@code initial_rtt}), the conversation's completeness as the frame finds it, and which side
 * closed first ({@code tcp.connection.fin_active}, {@code fin_passive}). They are made by the same replay
 * of packet-tcp.c, run again when first asked ({@link CaptureAnalysis#tcpDetails()}); a file read in parts
 * hands this replay's flows over from part to part, as the main analysis does.
 */
public final class TcpAnalysisDetails {
    static final byte HAS_ANALYSIS = 1;
    static final byte FIN_ACTIVE = 2;
    static final byte FIN_PASSIVE = 4;
    static final byte INITIAL_RTT = 8;

    final int[] bytesInFlight;
    final int[] pushBytesSent;
    final byte[] notes;
    final byte[] completeness;
    /** The replay that made these numbers, whose flows' state the file's next part takes over. */
    final TcpSequenceAnalysis replay;
    /** Each stream's initial round trip (the replay's own table, which only grows). */
    long[] firstRtt = new long[0];
    private int[] sparseFrames = new int[16];
    private long[] rto = new long[16];
    private int[] rtoFrame = new int[16];
    private int[] duplicateAckFrame = new int[16];
    private int sparse;

    TcpAnalysisDetails(int frames, TcpSequenceAnalysis replay) {
        this.replay = replay;
        bytesInFlight = new int[frames];
        pushBytesSent = new int[frames];
        notes = new byte[frames];
        completeness = new byte[frames];
    }

    /** Whether tshark shows a "SEQ/ACK analysis" item for the frame (Wireshark's tcp_acked exists). */
    public boolean hasAnalysis(int i) {
        return (notes[i] & HAS_ANALYSIS) != 0;
    }

    /** {@code tcp.analysis.bytes_in_flight}, or 0 when tshark shows none. */
    public long bytesInFlight(int i) {
        return Integer.toUnsignedLong(bytesInFlight[i]);
    }

    /** {@code tcp.analysis.push_bytes_sent}, shown with the bytes in flight. */
    public long pushBytesSent(int i) {
        return Integer.toUnsignedLong(pushBytesSent[i]);
    }

    /** {@code tcp.completeness} as the frame finds its stream: what the frames before it showed. */
    public int completeness(int i) {
        return completeness[i];
    }

    public boolean finActive(int i) {
        return (notes[i] & FIN_ACTIVE) != 0;
    }

    public boolean finPassive(int i) {
        return (notes[i] & FIN_PASSIVE) != 0;
    }

    /** {@code tcp.analysis.initial_rtt} of frame {@code i} of TCP stream {@code stream}, or -1 when not shown. */
    public long initialRttNanos(int i, int stream) {
        return (notes[i] & INITIAL_RTT) != 0 && stream < firstRtt.length ? firstRtt[stream] : -1;
    }

    /** {@code tcp.analysis.rto} of a retransmission, or 0 when tshark shows none. */
    public long rtoNanos(int i) {
        int k = Arrays.binarySearch(sparseFrames, 0, sparse, i);
        return k >= 0 ? rto[k] : 0;
    }

    /** {@code tcp.analysis.rto_frame} as the capture's 0-based index, or -1. */
    public int rtoFrameIndex(int i) {
        int k = Arrays.binarySearch(sparseFrames, 0, sparse, i);
        return k >= 0 && rto[k] != 0 ? rtoFrame[k] : -1;
    }

    /** {@code tcp.analysis.duplicate_ack_frame} as the capture's 0-based index, or -1 for no duplicate ACK. */
    public int duplicateAckFrameIndex(int i) {
        int k = Arrays.binarySearch(sparseFrames, 0, sparse, i);
        return k >= 0 ? duplicateAckFrame[k] : -1;
    }

    void retransmission(int i, long nanos, int fromFrame) {
        int k = sparseEntry(i);
        rto[k] = nanos;
        rtoFrame[k] = fromFrame;
    }

    void duplicateAck(int i, int ofFrame) {
        int k = sparseEntry(i);
        duplicateAckFrame[k] = ofFrame;
    }

    /** The sparse entry of frame {@code i}, added at the end (frames come in order). */
    private int sparseEntry(int i) {
        if (sparse > 0 && sparseFrames[sparse - 1] == i) {
            return sparse - 1;
        }
        if (sparse == sparseFrames.length) {
            int n = 2 * sparse;
            sparseFrames = Arrays.copyOf(sparseFrames, n);
            rto = Arrays.copyOf(rto, n);
            rtoFrame = Arrays.copyOf(rtoFrame, n);
            duplicateAckFrame = Arrays.copyOf(duplicateAckFrame, n);
        }
        sparseFrames[sparse] = i;
        rto[sparse] = 0;
        rtoFrame[sparse] = -1;
        duplicateAckFrame[sparse] = -1;
        return sparse++;
    }
}
