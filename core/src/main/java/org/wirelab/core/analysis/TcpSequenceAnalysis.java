package org.wirelab.core.analysis;

import org.wirelab.core.protocol.tcp.Tcp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.summary.PacketTable;

/**
 * Wireshark 4.0's TCP sequence analysis ({@code tcp_analyze_sequence_number} in packet-tcp.c) replayed
 * over the summary columns in one pass: the expert events of every frame as a bitset
 * ({@link TcpExpert}), the duplicate-ACK count, and the window scaling that gives {@code tcp.window_size}.
 *
 * <p>The rules are tshark's, quirks included, so that every flag agrees with {@code tcp.analysis.*}:
 * a zero next-sequence or last-ack value means "not seen yet" (as in Wireshark), a segment is
 * out-of-order rather than retransmitted when it comes within the handshake's RTT (3 ms without one)
 * of the highest segment, a fast retransmission needs two duplicate ACKs within 20 ms, and a window is
 * scaled only when both SYNs carried the option. Per-flow state lives in primitive arrays indexed by
 * {@code stream * 2 + direction}; the per-frame results cost three bytes a frame.
 */
public final class TcpSequenceAnalysis {
    /** Wireshark keeps at most this many unacknowledged segments per flow (TCP_MAX_UNACKED_SEGMENTS). */
    static final int MAX_UNACKED_SEGMENTS = 10000;
    /** Set in {@link #expertBits(int)} when tcp.flags.str shows the AccECN counter (ACE) instead of AE/CWR/ECE. */
    static final int BIT_ACE = 0x8000;
    /** {@link #windowScaleState(int)} of a frame outside any TCP stream. */
    public static final int NO_STREAM = Byte.MIN_VALUE;
    private static final long FAST_RETRANSMISSION_WINDOW_NANOS = 20_000_000L;
    private static final long DEFAULT_OUT_OF_ORDER_NANOS = 3_000_000L;

    private final int firstIndex;       // the capture's index of this analysis' frame 0
    private final short[] expert;
    private final byte[] windowScale;   // the sender's win_scale before the frame: shift, -1 unknown, -2 unused
    private final int[] ackedFrame;     // capture's index + 1 of the segment this frame's ACK completes, 0 for none
    private int[] duplicateAckFrames = new int[16];
    private int[] duplicateAckNumbers = new int[16];
    private int duplicateAcks;
    // frames that ACK a segment of an earlier part of the file, with that segment's time (few: sorted by frame)
    private int[] earlierAckFrames = new int[0];
    private long[] earlierAckTimes = new long[0];
    private int earlierAcks;
    private Replay replay;              // the flows' state, until a following part of the file takes it over

    private TcpSequenceAnalysis(int frames, int firstIndex) {
        this.firstIndex = firstIndex;
        expert = new short[frames];
        windowScale = new byte[frames];
        ackedFrame = new int[frames];
        Arrays.fill(windowScale, (byte) NO_STREAM);
    }

    public static TcpSequenceAnalysis build(FrameStore frames, PacketTable table, ConversationIndex conversations) {
        return build(frames, table, conversations, PassProgress.NONE);
    }

    /** {@link #build(FrameStore, PacketTable, ConversationIndex)}, telling {@code progress} how far it has gone. */
    public static TcpSequenceAnalysis build(FrameStore frames, PacketTable table, ConversationIndex conversations,
            PassProgress progress) {
        TcpSequenceAnalysis analysis = new TcpSequenceAnalysis(table.size(), frames.firstIndex());
        analysis.replay = new Replay();
        analysis.replay.run(frames, table, conversations, analysis, progress);
        return analysis;
    }

    /** The same replay, keeping the numbers only -e and display filters ask for. */
    static TcpAnalysisDetails details(FrameStore frames, PacketTable table, ConversationIndex conversations) {
        TcpSequenceAnalysis shadow = new TcpSequenceAnalysis(table.size(), frames.firstIndex());
        shadow.replay = new Replay();
        return shadow.runDetails(frames, table, conversations);
    }

    /** The details of the frames that follow {@code previous}'s, its flows' state handed over as in {@link #after}. */
    static TcpAnalysisDetails detailsAfter(TcpAnalysisDetails previous, FrameStore frames, PacketTable table,
            ConversationIndex conversations) {
        TcpSequenceAnalysis shadow = new TcpSequenceAnalysis(table.size(), frames.firstIndex());
        shadow.replay = previous.replay.replay;
        previous.replay.replay = null;
        return shadow.runDetails(frames, table, conversations);
    }

    private TcpAnalysisDetails runDetails(FrameStore frames, PacketTable table, ConversationIndex conversations) {
        TcpAnalysisDetails details = new TcpAnalysisDetails(table.size(), this);
        replay.details = details;
        replay.run(frames, table, conversations, this, PassProgress.NONE);
        details.firstRtt = replay.firstRtt;
        return details;
    }

    /**
     * The analysis of the frames that follow {@code previous}'s in the capture (a file read a segment at a
     * time), as one pass over the whole capture would make it: {@code previous} hands over the state of
     * every flow (per-flow numbers and the unacknowledged segments, nothing per frame) and keeps its own
     * per-frame answers.
     */
    public static TcpSequenceAnalysis after(TcpSequenceAnalysis previous, FrameStore frames, PacketTable table,
            ConversationIndex conversations) {
        if (previous.replay == null) {
            throw new IllegalStateException("the flows' state was already handed over");
        }
        TcpSequenceAnalysis analysis = new TcpSequenceAnalysis(table.size(), frames.firstIndex());
        analysis.replay = previous.replay;
        previous.replay = null;
        analysis.replay.run(frames, table, conversations, analysis, PassProgress.NONE);
        return analysis;
    }

    /** The frame's {@link TcpExpert} bits as tshark prints them (empty when tshark prints no analysis). */
    public int expertBits(int i) {
        return expert[i] & 0x7fff;
    }

    public boolean has(int i, TcpExpert event) {
        return event.isIn(expert[i]);
    }

    /** True when tcp.flags.str shows the AccECN ACE counter (both SYNs set up AccECN). */
    public boolean usesAccurateEcnCounter(int i) {
        return (expert[i] & BIT_ACE) != 0;
    }

    /** {@code tcp.analysis.duplicate_ack_num}, or 0 when the frame is no duplicate ACK. */
    public int duplicateAckNumber(int i) {
        int k = Arrays.binarySearch(duplicateAckFrames, 0, duplicateAcks, i);
        return k >= 0 ? duplicateAckNumbers[k] : 0;
    }

    /**
     * {@code tcp.window_size}: the window field shifted by the sender's scale once both SYNs agreed on
     * one; SYNs are never scaled, and neither is a segment whose length is unknown.
     */
    public long scaledWindow(PacketTable table, int i) {
        int shift = windowScale[i];
        boolean scaled = shift >= 0 && (table.tcpFlags(i) & Tcp.SYN) == 0
                && !table.hasStatus(i, PacketTable.STATUS_MALFORMED);
        return scaled ? (long) table.window(i) << shift : table.window(i);
    }

    /**
     * The sender's window scaling as the frame found it (tshark's win_scale): the shift count, -1 when
     * unknown (no SYN seen), -2 when the handshake did not agree on scaling, {@link #NO_STREAM} outside
     * a TCP stream.
     */
    public int windowScaleState(int i) {
        return windowScale[i];
    }

    /**
     * {@code tcp.analysis.acks_frame} as a 0-based index in the capture (the frame number minus one, which
     * is the index in {@code frames} unless they are a later part of the file): the oldest unacknowledged
     * segment whose end this frame's acknowledgement number equals exactly, or -1.
     */
    public int ackedFrameIndex(int i) {
        return ackedFrame[i] - 1;
    }

    /**
     * The time of the segment frame {@code i} ACKs ({@link #ackedFrameIndex}), which may lie in an earlier
     * part of the file than {@code frames} (this analysis' frames); -1 when the frame ACKs none.
     */
    public long ackedTimestampNanos(FrameStore frames, int i) {
        int acked = ackedFrame[i] - 1;
        if (acked < 0) {
            return -1;
        }
        if (acked >= firstIndex) {
            return frames.timestampNanos(acked - firstIndex);
        }
        return earlierAckTimes[Arrays.binarySearch(earlierAckFrames, 0, earlierAcks, i)];
    }

    /** The expert messages of frame {@code i} in the order tshark lists them in {@code _ws.expert.message}. */
    public List<String> expertMessages(int i) {
        int bits = expertBits(i);
        List<String> messages = new ArrayList<>();
        add(messages, bits, TcpExpert.REUSED_PORTS);
        add(messages, bits, TcpExpert.RETRANSMISSION);
        if (TcpExpert.FAST_RETRANSMISSION.isIn(bits)) {
            messages.add(TcpExpert.FAST_RETRANSMISSION.message());
            messages.add(TcpExpert.RETRANSMISSION.message());
        }
        if (TcpExpert.SPURIOUS_RETRANSMISSION.isIn(bits)) {
            messages.add(TcpExpert.SPURIOUS_RETRANSMISSION.message());
            messages.add(TcpExpert.RETRANSMISSION.message());
        }
        add(messages, bits, TcpExpert.OUT_OF_ORDER);
        add(messages, bits, TcpExpert.LOST_SEGMENT);
        add(messages, bits, TcpExpert.ACK_LOST_SEGMENT);
        add(messages, bits, TcpExpert.WINDOW_UPDATE);
        add(messages, bits, TcpExpert.WINDOW_FULL);
        add(messages, bits, TcpExpert.KEEP_ALIVE);
        add(messages, bits, TcpExpert.KEEP_ALIVE_ACK);
        if (TcpExpert.DUPLICATE_ACK.isIn(bits)) {
            messages.add("Duplicate ACK (#" + duplicateAckNumber(i) + ")");
        }
        add(messages, bits, TcpExpert.ZERO_WINDOW_PROBE);
        add(messages, bits, TcpExpert.ZERO_WINDOW);
        add(messages, bits, TcpExpert.ZERO_WINDOW_PROBE_ACK);
        return messages;
    }

    private static void add(List<String> messages, int bits, TcpExpert event) {
        if (event.isIn(bits)) {
            messages.add(event.message());
        }
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        return 2L * expert.length + windowScale.length + 4L * ackedFrame.length + 8L * duplicateAckFrames.length
                + 12L * earlierAckFrames.length;
    }

    private void recordEarlierAck(int i, long time) {
        if (earlierAcks == earlierAckFrames.length) {
            earlierAckFrames = Arrays.copyOf(earlierAckFrames, Math.max(16, 2 * earlierAcks));
            earlierAckTimes = Arrays.copyOf(earlierAckTimes, Math.max(16, 2 * earlierAcks));
        }
        earlierAckFrames[earlierAcks] = i;
        earlierAckTimes[earlierAcks++] = time;
    }

    private void recordDuplicateAck(int i, int number) {
        if (duplicateAcks == duplicateAckFrames.length) {
            duplicateAckFrames = Arrays.copyOf(duplicateAckFrames, 2 * duplicateAcks);
            duplicateAckNumbers = Arrays.copyOf(duplicateAckNumbers, 2 * duplicateAcks);
        }
        duplicateAckFrames[duplicateAcks] = i;
        duplicateAckNumbers[duplicateAcks++] = number;
    }

    /** GT_SEQ, LT_SEQ, LE_SEQ of packet-tcp.h: comparisons in 32-bit sequence space. */
    private static boolean after(int x, int y) {
        return y - x < 0;
    }

    private static boolean before(int x, int y) {
        return x - y < 0;
    }

    private static boolean atOrBefore(int x, int y) {
        return x - y <= 0;
    }

    /**
     * The single pass; its fields mirror tcp_analysis and tcp_flow_t (flow = stream * 2 + direction). It
     * runs over a whole capture, or over its parts in turn, the flows' state carried from one to the next.
     */
    private static final class Replay {
        private FrameStore frames;
        private PacketTable table;
        private ConversationIndex conversations;
        private TcpSequenceAnalysis out;
        /** Where the further numbers go, or null when only the flags are wanted. */
        private TcpAnalysisDetails details;
        private int flows;
        // per flow
        private int[] nextSeq = new int[0];
        private long[] nextSeqTime = new long[0];
        private int[] maxSeqToBeAcked = new int[0];
        private int[] lastAck = new int[0];
        private long[] lastAckTime = new long[0];
        private int[] window = new int[0];
        private byte[] winScale = new byte[0];
        private int[] dupAckNum = new int[0];
        private int[] lastSegmentFlags = new int[0];
        private boolean[] isFirstAck = new boolean[0];
        private int[] unackedHead = new int[0];
        private int[] unackedCount = new int[0];
        private int[] lastNonDuplicateAck = new int[0];  // capture's index
        private int[] nextSeqFrame = new int[0];         // capture's index
        private boolean[] validBytesInFlight = new boolean[0];
        private int[] pushBytesSent = new int[0];
        private boolean[] pushSetLast = new boolean[0];
        private boolean[] closingInitiator = new boolean[0];
        private int[] sackedBytes = new int[0];     // what the flow's last SACK option reported received
        // per stream
        private long[] mostRecentSynTime = new long[0];
        private long[] firstRtt = new long[0];
        private boolean[] accEcnSyn = new boolean[0];
        private boolean[] accEcnSynAck = new boolean[0];
        private byte[] completeness = new byte[0];
        private boolean[] seen = new boolean[0];
        // unacknowledged segments of all flows: singly linked lists of their next sequence numbers
        private int[] nodeNext = new int[64];
        private int[] nodeStart = new int[64];
        private int[] nodeEnd = new int[64];
        private int[] nodeFrame = new int[64];  // the capture's index
        private long[] nodeTime = new long[64];
        private int acked;                     // set by removeAcked: index + 1 of the segment ACKed exactly
        private long ackedTime;
        private boolean analysisItem;          // set by analyze: tshark shows the frame's SEQ/ACK analysis
        private int nodesUsed;
        private int freeNode = -1;

        void run(FrameStore frames, PacketTable table, ConversationIndex conversations, TcpSequenceAnalysis out,
                PassProgress progress) {
            this.frames = frames;
            this.table = table;
            this.conversations = conversations;
            this.out = out;
            for (int i = 0; i < table.size(); i++) {
                progress.at(i, table.size());
                int stream = conversations.tcpStream(i);
                if (stream != ConversationIndex.NONE) {
                    frame(i, stream);
                }
            }
        }

        private void frame(int i, int stream) {
            ensureStream(stream);
            int forward = 2 * stream + conversations.direction(i);
            int reverse = forward ^ 1;
            int flags = table.tcpFlags(i);
            long now = frames.timestampNanos(i);
            int ta = conversations.reusedPorts(i) ? TcpExpert.REUSED_PORTS.bit() : 0;
            if (conversations.synWithSameInitialSequence(i)) {
                // packet-tcp.c (issue 17616): a repeated SYN restores the side's next sequence number.
                nextSeq[forward] = maxSeqToBeAcked[forward];
            }
            if ((flags & (Tcp.SYN | Tcp.ACK)) == Tcp.SYN) {
                accEcnSyn[stream] = (flags & (Tcp.AE | Tcp.CWR | Tcp.ECE))
                        == (Tcp.AE | Tcp.CWR | Tcp.ECE);
            } else if ((flags & (Tcp.SYN | Tcp.ACK)) == (Tcp.SYN | Tcp.ACK)) {
                accEcnSynAck[stream] = (flags & (Tcp.AE | Tcp.CWR)) == Tcp.CWR
                        || (flags & (Tcp.AE | Tcp.ECE)) == Tcp.AE;
            }
            out.windowScale[i] = winScale[forward];
            acked = 0;
            analysisItem = false;
            if (details != null) {
                noteCompleteness(i, stream, flags);
                noteSack(i, forward);
            }
            if (TcpReach.hasSegmentLength(frames, table, i)) {
                ta = analyze(i, stream, forward, reverse, flags, now, ta);
            }
            if (!TcpReach.hasValidHeaderLength(frames, table, i)) {
                return;
            }
            if (details != null && (flags & Tcp.FIN) != 0) {
                // The first side to send a FIN closes actively (packet-tcp.c's closing_initiator).
                if (!closingInitiator[reverse]) {
                    closingInitiator[forward] = true;
                    details.notes[i] |= TcpAnalysisDetails.FIN_ACTIVE;
                } else {
                    details.notes[i] |= TcpAnalysisDetails.FIN_PASSIVE;
                }
            }
            boolean pureAck = (flags & (Tcp.SYN | Tcp.ACK)) == Tcp.ACK;
            if ((flags & Tcp.SYN) != 0) {
                if ((flags & Tcp.ACK) == 0) {
                    mostRecentSynTime[stream] = now;
                }
                isFirstAck[forward] = true;
            }
            if (pureAck && mostRecentSynTime[stream] != 0 && firstRtt[stream] == 0) {
                firstRtt[stream] = now - mostRecentSynTime[stream];
            }
            if (pureAck) {
                // Issue 14690: the first ACK ends the window-scale side effect of the handshake.
                isFirstAck[forward] = false;
            }
            int bits = ta;
            if ((flags & Tcp.SYN) == 0 && accEcnSyn[stream] && accEcnSynAck[stream]) {
                bits |= BIT_ACE;
            }
            if (table.windowScale(i) >= 0 && TcpReach.capturedTcpBytes(frames, table, i) >= 20) {
                // RFC 7323 section 2.3: a shift above 14 is used as 14.
                winScale[forward] = (byte) Math.min(14, table.windowScale(i));
            }
            if (!TcpReach.hasWholeHeader(frames, table, i)) {
                out.expert[i] = (short) (bits & BIT_ACE);
                return;
            }
            out.expert[i] = (short) bits;
            out.ackedFrame[i] = acked;
            if (details != null && ((bits & ~BIT_ACE) != 0 || acked != 0 || analysisItem)) {
                details.notes[i] |= TcpAnalysisDetails.HAS_ANALYSIS;
                if (firstRtt[stream] != 0) {
                    details.notes[i] |= TcpAnalysisDetails.INITIAL_RTT;
                }
            }
            if (acked != 0 && acked - 1 < out.firstIndex) {
                out.recordEarlierAck(i, ackedTime);
            }
            if ((flags & Tcp.SYN) != 0) {
                verifyWindowScaling(forward, reverse, (flags & Tcp.ACK) != 0);
            }
        }

        /** verify_tcp_window_scaling: scaling is used only when both SYNs carried the option. */
        private void verifyWindowScaling(int forward, int reverse, boolean synAck) {
            if (winScale[forward] == -1) {
                winScale[forward] = -2;
                winScale[reverse] = -2;
            } else if (synAck && winScale[reverse] == -2) {
                winScale[forward] = -2;
            }
        }

        /** tcp_analyze_sequence_number, step by step; returns the frame's flags. */
        private int analyze(int i, int stream, int forward, int reverse, int flags, long now, int ta) {
            int seq = table.sequence(i);
            int ack = table.acknowledgement(i);
            int seglen = table.payloadLength(i);
            int win = table.window(i);
            boolean synFinRst = (flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) != 0;
            if ((flags & Tcp.ACK) != 0) {
                validBytesInFlight[reverse] = true;
            }
            analysis:
            {
                if (seglen == 1 && seq == nextSeq[forward] && window[reverse] == 0) {
                    ta |= TcpExpert.ZERO_WINDOW_PROBE.bit();
                    break analysis;
                }
                if (win == 0 && !synFinRst) {
                    ta |= TcpExpert.ZERO_WINDOW.bit();
                }
                if (nextSeq[forward] != 0 && after(seq, nextSeq[forward]) && (flags & Tcp.RST) == 0) {
                    ta |= TcpExpert.LOST_SEGMENT.bit();
                    // Bytes in flight are not counted again until the other side acknowledges something.
                    validBytesInFlight[forward] = false;
                }
                if ((seglen == 0 || seglen == 1) && seq == nextSeq[forward] - 1 && !synFinRst) {
                    ta |= TcpExpert.KEEP_ALIVE.bit();
                }
                boolean repeatsLast = seglen == 0 && seq == nextSeq[forward] && ack == lastAck[forward] && !synFinRst;
                if (repeatsLast && win != 0 && win != window[forward]) {
                    ta |= TcpExpert.WINDOW_UPDATE.bit();
                }
                if (seglen > 0 && winScale[reverse] != -1 && !synFinRst) {
                    int shift = isFirstAck[reverse] || winScale[reverse] == -2 ? 0 : winScale[reverse];
                    if (seq + seglen == lastAck[reverse] + (window[reverse] << shift)) {
                        ta |= TcpExpert.WINDOW_FULL.bit();
                    }
                }
                if (repeatsLast && win != 0 && win == window[forward]
                        && (lastSegmentFlags[reverse] & TcpExpert.KEEP_ALIVE.bit()) != 0) {
                    ta |= TcpExpert.KEEP_ALIVE_ACK.bit();
                    break analysis;
                }
                if (repeatsLast && win == 0 && win == window[forward]
                        && (lastSegmentFlags[reverse] & TcpExpert.ZERO_WINDOW_PROBE.bit()) != 0) {
                    ta |= TcpExpert.ZERO_WINDOW_PROBE_ACK.bit();
                    break analysis;
                }
                if (repeatsLast && win != 0 && win == window[forward]) {
                    // A -1 left by an ACKed-unseen-segment restarts the count at 1.
                    dupAckNum[forward] = dupAckNum[forward] == -1 ? 1 : dupAckNum[forward] + 1;
                    ta |= TcpExpert.DUPLICATE_ACK.bit();
                    out.recordDuplicateAck(i, dupAckNum[forward]);
                    if (details != null) {
                        details.duplicateAck(i, lastNonDuplicateAck[forward]);
                    }
                }
            }
            if (ack != lastAck[forward]) {
                dupAckNum[forward] = 0;
                lastNonDuplicateAck[forward] = out.firstIndex + i;
            }
            if (maxSeqToBeAcked[reverse] != 0 && after(ack, maxSeqToBeAcked[reverse]) && (flags & Tcp.ACK) != 0) {
                if (before(maxSeqToBeAcked[reverse], nextSeq[reverse])) {
                    maxSeqToBeAcked[reverse] = nextSeq[reverse];
                    ta |= TcpExpert.ACK_LOST_SEGMENT.bit();
                } else {
                    // Only the first of a run of ACKs for the same unseen segment is flagged, though each has
                    // its analysis item (packet-tcp.c makes its tcp_acked before testing).
                    analysisItem = true;
                    if (dupAckNum[reverse] == 0) {
                        ta |= TcpExpert.ACK_LOST_SEGMENT.bit();
                    }
                    dupAckNum[reverse] = -1;
                }
            }
            int synFin = (flags & (Tcp.SYN | Tcp.FIN)) != 0 ? 1 : 0;
            if ((seglen > 0 || synFin == 1) && (ta & TcpExpert.KEEP_ALIVE.bit()) == 0) {
                int kind = retransmissionKind(stream, forward, reverse, seq, seglen, synFin, now);
                if (details != null && kind == TcpExpert.RETRANSMISSION.bit()) {
                    noteRto(i, forward, now);
                }
                ta |= kind;
            }
            int nextseq = seq + seglen;
            if ((seglen > 0 || synFin == 1) && unackedCount[forward] < MAX_UNACKED_SEGMENTS) {
                // Only a segment that enters the unacked list counts its SYN or FIN (as in tshark).
                nextseq += synFin;
                pushUnacked(forward, seq, nextseq, out.firstIndex + i, now);
            }
            boolean probe = (ta & TcpExpert.ZERO_WINDOW_PROBE.bit()) != 0;
            if ((after(nextseq, nextSeq[forward]) || nextSeq[forward] == 0) && !probe) {
                nextSeq[forward] = nextseq;
                nextSeqTime[forward] = now;
                nextSeqFrame[forward] = out.firstIndex + i;
            }
            if ((seq == maxSeqToBeAcked[forward] || maxSeqToBeAcked[forward] == 0) && !probe) {
                maxSeqToBeAcked[forward] = nextSeq[forward];
            }
            window[forward] = win;
            lastAck[forward] = ack;
            lastAckTime[forward] = now;
            lastSegmentFlags[forward] = ta;
            removeAcked(reverse, ack);
            if (details != null && seglen != 0 && unackedHead[forward] >= 0 && validBytesInFlight[forward]) {
                countInFlight(i, forward, flags, seglen);
            }
            return ta;
        }

        /**
         * The RTO of a retransmission, as tshark 4.0 shows it: the time since the oldest segment still
         * unacknowledged was sent or, when all were acknowledged, since the segment that last advanced the
         * next sequence number.
         */
        private void noteRto(int i, int forward, long now) {
            int from = nextSeqFrame[forward];
            long sent = nextSeqTime[forward];
            for (int node = unackedHead[forward]; node >= 0; node = nodeNext[node]) {
                from = nodeFrame[node];
                sent = nodeTime[node];
            }
            if (now != sent) {
                details.retransmission(i, now - sent, from);
            }
        }

        /**
         * Bytes in flight: from the lowest start to the highest end of the sender's unacknowledged segments,
         * measured from its first sequence number, less what the receiver's last SACK holds; and the bytes
         * sent since the last PSH (packet-tcp.c).
         */
        private void countInFlight(int i, int forward, int flags, int seglen) {
            analysisItem = true;
            int base = table.sequence(i) - conversations.relativeSequence(i);
            int node = unackedHead[forward];
            int first = nodeStart[node] - base;
            int last = nodeEnd[node] - base;
            for (; node >= 0; node = nodeNext[node]) {
                last = Integer.compareUnsigned(nodeEnd[node] - base, last) > 0 ? nodeEnd[node] - base : last;
                first = Integer.compareUnsigned(nodeStart[node] - base, first) < 0 ? nodeStart[node] - base : first;
            }
            int inFlight = last - first - sackedBytes[forward ^ 1];
            if (inFlight != 0 && Integer.compareUnsigned(inFlight, 2_000_000_000) < 0) {
                // A SYN's or FIN's sequence number is no byte in flight.
                details.bytesInFlight[i] = (flags & (Tcp.SYN | Tcp.FIN)) != 0 ? inFlight - 1 : inFlight;
            }
            boolean push = (flags & Tcp.PSH) != 0;
            if (push == pushSetLast[forward]) {
                pushBytesSent[forward] = push ? seglen : pushBytesSent[forward] + seglen;
            } else {
                pushBytesSent[forward] = push ? pushBytesSent[forward] + seglen : seglen;
            }
            pushSetLast[forward] = push;
            details.pushBytesSent[i] = pushBytesSent[forward];
        }

        /**
         * The bytes the SACK blocks of frame {@code i} report received, kept for the other flow's bytes in
         * flight until the flow's next segment; packet-tcp.c keeps at most three blocks.
         */
        private void noteSack(int i, int forward) {
            if (!TcpReach.hasWholeHeader(frames, table, i)) {
                return;
            }
            sackedBytes[forward] = 0;
            byte[] b = frames.buffer(i);
            int header = frames.offset(i) + table.transportOffset(i);
            int end = header + table.tcpHeaderLength(i);
            for (int at = header + Tcp.MIN_HEADER_LENGTH; at < end; ) {
                int length = Tcp.optionLength(b, at, end);
                if (length < 0 || b[at] == Tcp.OPTION_EOL) {
                    return;
                }
                if (b[at] == Tcp.OPTION_SACK) {
                    int sacked = 0;
                    int blocks = Math.min(3, (length - 2) / 8);
                    for (int k = 0; k < blocks; k++) {
                        int edge = at + 2 + 8 * k;
                        sacked += Bytes.u32(b, edge + 4) - Bytes.u32(b, edge);
                    }
                    sackedBytes[forward] = sacked;
                }
                at += length;
            }
        }

        /**
         * tcp.completeness as the frame finds it, then what the frame adds: the first frame of a stream adds
         * something only when it is a SYN, a later SYN adds nothing, and an acknowledgment counts when it
         * carries no data (as tshark 4.0 shows it).
         */
        private void noteCompleteness(int i, int stream, int flags) {
            // A SYN that reuses the ports starts its conversation before tshark shows it: it shows its own SYN.
            boolean reused = conversations.reusedPorts(i);
            if (!reused) {
                details.completeness[i] = completeness[stream];
            }
            boolean first = !seen[stream];
            seen[stream] = true;
            boolean syn = (flags & (Tcp.SYN | Tcp.ACK)) == Tcp.SYN;
            if (first == syn) {
                boolean data = TcpReach.hasSegmentLength(frames, table, i) && table.payloadLength(i) > 0;
                int bits = 0;
                if ((flags & Tcp.SYN) != 0) {
                    bits |= (flags & Tcp.ACK) != 0 ? 2 : 1;
                } else if ((flags & Tcp.ACK) != 0 && !data) {
                    bits |= 4;
                }
                if (data) {
                    bits |= 8;
                }
                if ((flags & Tcp.FIN) != 0) {
                    bits |= 16;
                }
                if ((flags & Tcp.RST) != 0) {
                    bits |= 32;
                }
                completeness[stream] |= (byte) bits;
            }
            if (reused) {
                details.completeness[i] = completeness[stream];
            }
        }

        /** Spurious, fast, out-of-order or plain retransmission of a segment that does not advance. */
        private int retransmissionKind(int stream, int forward, int reverse, int seq, int seglen, int synFin,
                long now) {
            boolean notAdvanced = nextSeq[forward] != 0 && before(seq, nextSeq[forward]);
            if (seglen > 1 && nextSeq[forward] - 1 == seq) {
                // One byte before the next sequence number: new data after a zero window probe.
                notAdvanced = false;
            }
            if (seglen > 0 && lastAck[reverse] != 0 && atOrBefore(seq + seglen, lastAck[reverse])) {
                return TcpExpert.SPURIOUS_RETRANSMISSION.bit();
            }
            // dupacknum is a guint32 in packet-tcp.h: the -1 left by an ACKed unseen segment counts as >= 2.
            if (notAdvanced && Integer.compareUnsigned(dupAckNum[reverse], 2) >= 0 && lastAck[reverse] == seq
                    && Long.compareUnsigned(now - lastAckTime[reverse], FAST_RETRANSMISSION_WINDOW_NANOS) < 0) {
                return TcpExpert.FAST_RETRANSMISSION.bit();
            }
            long threshold = firstRtt[stream] == 0 ? DEFAULT_OUT_OF_ORDER_NANOS : firstRtt[stream];
            if (notAdvanced && Long.compareUnsigned(now - nextSeqTime[forward], threshold) < 0
                    && nextSeq[forward] != seq + seglen + synFin) {
                return TcpExpert.OUT_OF_ORDER.bit();
            }
            return notAdvanced ? TcpExpert.RETRANSMISSION.bit() : 0;
        }

        private void pushUnacked(int flow, int start, int end, int frame, long time) {
            int node;
            if (freeNode >= 0) {
                node = freeNode;
                freeNode = nodeNext[node];
            } else {
                if (nodesUsed == nodeNext.length) {
                    nodeNext = Arrays.copyOf(nodeNext, 2 * nodesUsed);
                    nodeStart = Arrays.copyOf(nodeStart, 2 * nodesUsed);
                    nodeEnd = Arrays.copyOf(nodeEnd, 2 * nodesUsed);
                    nodeFrame = Arrays.copyOf(nodeFrame, 2 * nodesUsed);
                    nodeTime = Arrays.copyOf(nodeTime, 2 * nodesUsed);
                }
                node = nodesUsed++;
            }
            nodeStart[node] = start;
            nodeEnd[node] = end;
            nodeFrame[node] = frame;
            nodeTime[node] = time;
            nodeNext[node] = unackedHead[flow];
            unackedHead[flow] = node;
            unackedCount[flow]++;
        }

        /**
         * Drops the segments {@code ack} covers: those whose end is not after it in sequence space. The
         * list runs newest first, so the segment it ACKs exactly is the oldest one ending at {@code ack}.
         */
        private void removeAcked(int flow, int ack) {
            int previous = -1;
            int node = unackedHead[flow];
            while (node >= 0) {
                int next = nodeNext[node];
                if (after(nodeEnd[node], ack)) {
                    if (after(ack, nodeStart[node])) {
                        // Partly acknowledged: what remains in flight starts at the acknowledgment.
                        nodeStart[node] = ack;
                    }
                    previous = node;
                } else {
                    if (nodeEnd[node] == ack) {
                        acked = nodeFrame[node] + 1;
                        ackedTime = nodeTime[node];
                    }
                    if (previous < 0) {
                        unackedHead[flow] = next;
                    } else {
                        nodeNext[previous] = next;
                    }
                    nodeNext[node] = freeNode;
                    freeNode = node;
                    unackedCount[flow]--;
                }
                node = next;
            }
        }

        private void ensureStream(int stream) {
            if (stream < flows / 2) {
                return;
            }
            int streams = Math.max(stream + 1, flows);
            int n = 2 * streams;
            nextSeq = Arrays.copyOf(nextSeq, n);
            nextSeqTime = Arrays.copyOf(nextSeqTime, n);
            maxSeqToBeAcked = Arrays.copyOf(maxSeqToBeAcked, n);
            lastAck = Arrays.copyOf(lastAck, n);
            lastAckTime = Arrays.copyOf(lastAckTime, n);
            window = Arrays.copyOf(window, n);
            winScale = Arrays.copyOf(winScale, n);
            dupAckNum = Arrays.copyOf(dupAckNum, n);
            lastSegmentFlags = Arrays.copyOf(lastSegmentFlags, n);
            isFirstAck = Arrays.copyOf(isFirstAck, n);
            unackedHead = Arrays.copyOf(unackedHead, n);
            unackedCount = Arrays.copyOf(unackedCount, n);
            lastNonDuplicateAck = Arrays.copyOf(lastNonDuplicateAck, n);
            nextSeqFrame = Arrays.copyOf(nextSeqFrame, n);
            validBytesInFlight = Arrays.copyOf(validBytesInFlight, n);
            pushBytesSent = Arrays.copyOf(pushBytesSent, n);
            pushSetLast = Arrays.copyOf(pushSetLast, n);
            closingInitiator = Arrays.copyOf(closingInitiator, n);
            sackedBytes = Arrays.copyOf(sackedBytes, n);
            for (int f = flows; f < n; f++) {
                window[f] = -1;        // G_MAXUINT32: no window seen yet
                winScale[f] = -1;      // unknown until a SYN says
                unackedHead[f] = -1;
                validBytesInFlight[f] = true;
            }
            mostRecentSynTime = Arrays.copyOf(mostRecentSynTime, streams);
            firstRtt = Arrays.copyOf(firstRtt, streams);
            accEcnSyn = Arrays.copyOf(accEcnSyn, streams);
            accEcnSynAck = Arrays.copyOf(accEcnSynAck, streams);
            completeness = Arrays.copyOf(completeness, streams);
            seen = Arrays.copyOf(seen, streams);
            flows = n;
        }
    }
}
