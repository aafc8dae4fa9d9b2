package org.wirelab.core.explain;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.analysis.TcpSequenceAnalysis;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.tcpstate.StateChange;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.core.tcpstate.TcpStateTimeline;

/**
 * What a TCP segment does, from the analysis rather than from the segment alone: tshark's expert
 * events (retransmission, duplicate ACK, zero window...) sharpened by what the capture proves of their
 * cause. A segment sent again is told apart as a timeout (nothing came back), a fast retransmission
 * (duplicate ACKs), a loss deduced from SACK blocks (RACK), a spurious one (the receiver had it), a
 * late original (its timestamp is older than what came before: reordering) or a copy the network made
 * (same IP identification and timestamp as the first copy). ACKs say what their SACK and D-SACK blocks
 * mean; states come from the state timeline, so the sentences agree with the ladder.
 */
final class TcpSentences {
    /** How far back the first copy of a segment, or the last ACK of the peer, is looked for. */
    private static final int LOOKBACK = 4096;

    private final CaptureAnalysis analysis;
    private final PacketTable packets;
    private final ConversationIndex conversations;
    private final TcpSequenceAnalysis tcp;
    private final TcpStateTimeline states;

    TcpSentences(CaptureAnalysis analysis, TcpStateTimeline states) {
        this.analysis = analysis;
        this.packets = analysis.packets();
        this.conversations = analysis.conversations();
        this.tcp = analysis.tcp();
        this.states = states;
    }

    /** The sentences of segment {@code i}, sent by {@code sender} to {@code receiver}; data's application sentence is added by the caller. */
    List<Sentence> of(int i, Role sender, Role receiver) {
        int flags = packets.tcpFlags(i);
        int length = packets.payloadLength(i);
        long seq = Integer.toUnsignedLong(conversations.relativeSequence(i));
        long ack = Integer.toUnsignedLong(conversations.relativeAcknowledgement(i));
        List<Sentence> said = new ArrayList<>();
        if (has(flags, Tcp.RST)) {
            said.add(reset(i, sender));
            return said;
        }
        if (has(flags, Tcp.SYN)) {
            long seqRaw = Integer.toUnsignedLong(packets.sequence(i));
            if (!has(flags, Tcp.ACK)) {
                said.add(Sentence.of(retransmitted(i) ? "tcp.syn.again" : "tcp.syn", sender, receiver,
                        text(seqRaw), text(seqRaw + 1)));
            } else {
                long ackRaw = Integer.toUnsignedLong(packets.acknowledgement(i));
                said.add(Sentence.of(retransmitted(i) ? "tcp.synack.again" : "tcp.synack", sender, text(ackRaw),
                        text(seqRaw), text(seqRaw + 1)));
            }
            return said;
        }
        takenEarlier(i, said);
        if (length > 0 || has(flags, Tcp.FIN)) {
            segment(i, sender, seq, length, flags, said);
        } else {
            acknowledgement(i, sender, ack, said);
        }
        boolean windowSaid = said.stream().anyMatch(s -> s.key().startsWith("tcp.probe") || s.key().equals("tcp.ack.zero"));
        if (tcp.has(i, TcpExpert.ZERO_WINDOW) && !windowSaid) {
            said.add(Sentence.of("tcp.window.zero", sender));
        }
        return said;
    }

    /** Data or FIN: first copy, copy sent again (and why), out of order, after a gap, filling the window. */
    private void segment(int i, Role sender, long seq, int length, int flags, List<Sentence> said) {
        boolean fin = has(flags, Tcp.FIN);
        // tshark calls a copy sent again within one RTT "out-of-order": its first copy in the capture says otherwise.
        if (retransmitted(i) || tcp.has(i, TcpExpert.OUT_OF_ORDER) && firstCopy(i) >= 0) {
            said.add(resent(i, sender, seq, length, fin));
            return;
        }
        if (tcp.has(i, TcpExpert.ZERO_WINDOW_PROBE)) {
            said.add(Sentence.of("tcp.probe.zerowindow", sender, count(length), text(seq)));
            return;
        }
        if (tcp.has(i, TcpExpert.OUT_OF_ORDER)) {
            said.add(Sentence.of("tcp.outoforder", sender, text(seq), count(length)));
        } else if (length > 0) {
            said.add(data(i, sender, seq, length));
        }
        if (tcp.has(i, TcpExpert.WINDOW_FULL)) {
            said.add(Sentence.of("tcp.window.full"));
        }
        if (fin) {
            said.add(finSentence(i, sender, seq + length + 1));
        }
        if (tcp.has(i, TcpExpert.LOST_SEGMENT)) {
            long expected = highestEndBefore(i);
            if (expected >= 0 && expected < seq) {
                said.add(Sentence.of("tcp.gap", text(expected), text(seq - 1), text(expected)));
            }
        }
    }

    /**
     * New data: to a receiver that has sent its FIN, it is either still read (the receiver only shut down
     * its sending direction) or answered by a reset (it closed its socket), as the receiver's next segment shows.
     */
    private Sentence data(int i, Role sender, long seq, int length) {
        TcpState receiver = stateBefore(i, 1 - endpoint(i));
        if (receiver == TcpState.FIN_WAIT_1 || receiver == TcpState.FIN_WAIT_2) {
            int answer = nextFromPeer(i);
            if (answer >= 0 && (packets.tcpFlags(answer) & Tcp.RST) != 0) {
                return Sentence.of("tcp.data.closedpeer", sender, count(length), text(seq), frameNumber(answer));
            }
            if (answer >= 0) {
                return Sentence.of("tcp.data.halfclosed", sender, count(length), text(seq), text(seq + length));
            }
        }
        return Sentence.of("tcp.data", sender, count(length), text(seq), text(seq + length));
    }

    private Sentence resent(int i, Role sender, long seq, int length, boolean fin) {
        int first = firstCopy(i);
        SegmentOptions now = options(i);
        if (first >= 0) {
            SegmentOptions then = options(first);
            if (now.identification() >= 0 && now.identification() == then.identification()
                    && now.hasTimestamp() && now.timestamp() == then.timestamp()) {
                return Sentence.of("tcp.copy.network", sender, frameNumber(first));
            }
        }
        if (olderThanWhatCameBefore(i, now)) {
            return Sentence.of("tcp.late", sender, count(length), text(seq));
        }
        if (fin && length == 0) {
            return Sentence.of("tcp.fin.again", sender, text(millisSince(first, i)));
        }
        if (tcp.has(i, TcpExpert.SPURIOUS_RETRANSMISSION)) {
            return Sentence.of("tcp.retransmission.spurious", sender, text(seq), count(length));
        }
        if (tcp.has(i, TcpExpert.FAST_RETRANSMISSION)) {
            return Sentence.of("tcp.retransmission.fast", sender, text(seq), count(length),
                    count(lastDuplicateAckCount(i)));
        }
        if (first < 0) {
            return Sentence.of("tcp.retransmission.firstlost", sender, text(seq), count(length));
        }
        if (peerSackedBeyond(i)) {
            return Sentence.of("tcp.retransmission.sack", sender, text(seq), count(length), text(millisSince(first, i)));
        }
        return Sentence.of("tcp.retransmission.timeout", sender, text(seq), count(length), text(millisSince(first, i)),
                frameNumber(first));
    }

    /** A segment without data or FIN: a probe, its answer, a keep-alive, a duplicate ACK, a window update... */
    private void acknowledgement(int i, Role sender, long ack, List<Sentence> said) {
        SegmentOptions options = options(i);
        int rawAck = packets.acknowledgement(i);
        long base = Integer.toUnsignedLong(packets.acknowledgement(i)) - ack;
        if (tcp.has(i, TcpExpert.KEEP_ALIVE) || tcp.has(i, TcpExpert.ZERO_WINDOW_PROBE)) {
            int peer = lastFromPeer(i);
            boolean zeroWindow = peer >= 0 && packets.window(peer) == 0;
            long seq = Integer.toUnsignedLong(conversations.relativeSequence(i));
            said.add(zeroWindow ? Sentence.of("tcp.probe.zerowindow", sender, count(packets.payloadLength(i)), text(seq))
                    : Sentence.of("tcp.keepalive", sender, text(seq), text(millisSince(lastOfStream(i), i))));
            return;
        }
        int peer = lastFromPeer(i);
        if (peer >= 0 && peer == lastOfStream(i)
                && (tcp.has(peer, TcpExpert.KEEP_ALIVE) || tcp.has(peer, TcpExpert.ZERO_WINDOW_PROBE))) {
            long window = tcp.scaledWindow(packets, i);
            if (lastOwnWindow(i) > 0 && window > 0) {
                // The window never closed: the probe was a keep-alive, and this is the proof of life.
                said.add(Sentence.of("tcp.keepalive.answer", sender, text(ack)));
            } else {
                said.add(window == 0 ? Sentence.of("tcp.probe.answer.zero", sender, text(ack))
                        : Sentence.of("tcp.probe.answer.open", sender, count(window)));
            }
            return;
        }
        if (answersFinSentAgainInTimeWait(i, peer)) {
            said.add(Sentence.of("tcp.ack.timewait", sender, frameNumber(peer)));
            return;
        }
        boolean duplicate = tcp.has(i, TcpExpert.DUPLICATE_ACK);
        boolean dsack = options.firstBlockIsDuplicate(rawAck);
        boolean sackAbove = options.sackBlocks() > (dsack ? 1 : 0);
        // The peer's segment just before was a copy of one this side had already acknowledged.
        int copy = peer >= 0 && retransmitted(peer) && lastOwnAckCovers(i, endOf(peer)) ? peer : -1;
        if ((dsack || copy >= 0) && !sackAbove) {
            // Nothing is missing: the ACK repeats itself because a segment came twice.
            said.add(copy >= 0 ? Sentence.of("tcp.ack.copy", sender, text(ack), frameNumber(copy))
                    : Sentence.of("tcp.ack.twice", sender, text(ack)));
        } else if (duplicate || sackAbove) {
            said.add(duplicate ? Sentence.of("tcp.dupack", sender, text(tcp.duplicateAckNumber(i)), text(ack))
                    : Sentence.of("tcp.ack.hole", sender, text(ack)));
            if (sackAbove) {
                said.add(Sentence.of("tcp.sack", blocks(options, dsack ? 1 : 0, base), text(ack)));
            }
        }
        if (dsack) {
            said.add(Sentence.of("tcp.dsack", text(Integer.toUnsignedLong(options.sackLeft()[0]) - base),
                    text(Integer.toUnsignedLong(options.sackRight()[0]) - base - 1)));
        }
        if (duplicate || sackAbove || dsack || copy >= 0) {
            return;
        }
        if (tcp.has(i, TcpExpert.WINDOW_UPDATE)) {
            boolean wasZero = lastOwnWindow(i) == 0;
            said.add(Sentence.of(wasZero ? "tcp.window.open" : "tcp.window.update", sender,
                    count(tcp.scaledWindow(packets, i))));
            return;
        }
        if (tcp.has(i, TcpExpert.ZERO_WINDOW)) {
            said.add(Sentence.of("tcp.ack.zero", sender, text(ack)));
            return;
        }
        if (completesHandshake(i)) {
            said.add(Sentence.of("tcp.handshake.complete", sender, text(ack)));
            return;
        }
        if (receiverLeaves(i, TcpState.CLOSING)) {
            said.add(Sentence.of("tcp.ack.closing", sender, text(ack)));
            return;
        }
        if (!said.isEmpty()) {
            return;     // what it proves was said; the bare acknowledgement adds nothing
        }
        if (closesAfterLastAck(i)) {
            int finAgain = peerFinSentAgainAfter(i);
            said.add(finAgain >= 0 ? Sentence.of("tcp.ack.last.lost", sender, text(ack), frameNumber(finAgain))
                    : Sentence.of("tcp.ack.last", sender, text(ack)));
            return;
        }
        TcpState own = stateBefore(i, endpoint(i));
        if ((own == TcpState.FIN_WAIT_1 || own == TcpState.FIN_WAIT_2) && peer >= 0 && packets.payloadLength(peer) > 0) {
            said.add(Sentence.of("tcp.ack.halfclosed", sender, text(ack), count(tcp.scaledWindow(packets, i))));
            return;
        }
        said.add(Sentence.of("tcp.ack", sender, text(ack), count(tcp.scaledWindow(packets, i))));
    }

    /** The peer's next segment after {@code i} in the stream, or -1. */
    private int nextFromPeer(int i) {
        for (int j = i + 1; j < Math.min(packets.size(), i + LOOKBACK); j++) {
            if (peerOf(i, j)) {
                return j;
            }
        }
        return -1;
    }

    /** A FIN the peer sends again after {@code i} (the ACK {@code i} was lost on the way), or -1. */
    private int peerFinSentAgainAfter(int i) {
        for (int j = i + 1; j < Math.min(packets.size(), i + LOOKBACK); j++) {
            if (peerOf(i, j) && (packets.tcpFlags(j) & Tcp.FIN) != 0 && retransmitted(j)) {
                return j;
            }
            if (sameFlow(i, j)) {
                return -1;
            }
        }
        return -1;
    }

    /** The FIN: a half close, the answer to the peer's FIN, FINs that cross, or a close. */
    private Sentence finSentence(int i, Role sender, long next) {
        int endpoint = endpoint(i);
        for (StateChange change : states.changes(i)) {
            if (change.endpoint() == endpoint && change.to() == TcpState.LAST_ACK) {
                return Sentence.of("tcp.fin.second", sender, text(next));
            }
        }
        int peerFin = peerFinBefore(i);
        if (peerFin >= 0 && states.stateAfter(i, endpoint) == TcpState.FIN_WAIT_1) {
            return Sentence.of("tcp.fin.crossing", sender, text(next), frameNumber(peerFin));
        }
        if (keepsReceivingAfter(i)) {
            return Sentence.of("tcp.fin.shutdown", sender, text(next));
        }
        return Sentence.of("tcp.fin", sender, text(next));
    }

    private Sentence reset(int i, Role sender) {
        int stream = conversations.tcpStream(i);
        int endpoint = endpoint(i);
        boolean answersSyn = states.initialState(stream, endpoint) == TcpState.CLOSED && endpoint == 1
                && (packets.tcpFlags(i) & Tcp.ACK) != 0 && states.arrivalIndex(conversations.tcpConversation(stream)
                        .firstFrameIndex() - analysis.frames().firstIndex()) == i;
        if (answersSyn) {
            return Sentence.of("tcp.rst.refused", sender, text(conversations.tcpConversation(stream).server().port()));
        }
        int peer = lastFromPeer(i);
        TcpState before = i > 0 ? stateBefore(i, endpoint) : null;
        boolean closed = before == TcpState.FIN_WAIT_1 || before == TcpState.FIN_WAIT_2
                || before == TcpState.TIME_WAIT || before == TcpState.CLOSED;
        if (closed && peer >= 0 && packets.payloadLength(peer) > 0) {
            return Sentence.of("tcp.rst.afterclose", sender, frameNumber(peer));
        }
        return Sentence.of("tcp.rst", sender);
    }

    /** Receiver changes shown here for a FIN the peer sent earlier: what this segment proves its sender took. */
    private void takenEarlier(int i, List<Sentence> said) {
        int endpoint = endpoint(i);
        List<StateChange> changes = states.changes(i);
        for (StateChange change : changes) {
            int cause = change.causeFrameNumber() - 1;
            if (change.endpoint() != endpoint || cause == i || endpoint(cause) == endpoint
                    || (packets.tcpFlags(cause) & Tcp.FIN) == 0) {
                continue;
            }
            if (finSentAgainBetween(cause, i)) {
                continue;   // this answers the FIN sent again: the TIME-WAIT sentence says what it proves
            }
            boolean afterHole = tcp.has(cause, TcpExpert.LOST_SEGMENT) || resentBetween(cause, i);
            if (!afterHole && change.to() != TcpState.CLOSING && cause == lastOfStream(i)) {
                continue;   // taken as soon as it came: the sentence of the segment says enough
            }
            // The endpoint's whole path at this frame, as the ladder writes it: "FIN-WAIT-1 → CLOSING → TIME-WAIT".
            StringBuilder path = new StringBuilder(change.from().text(change.fromInferred()));
            for (StateChange step : changes) {
                if (step.endpoint() == endpoint && changes.indexOf(step) >= changes.indexOf(change)
                        && step.from() != TcpState.CLOSE_WAIT) {
                    path.append(" → ").append(step.to().text(step.toInferred()));
                }
            }
            said.add(Sentence.of(afterHole ? "tcp.took.fin.hole" : "tcp.took.fin", text(change.causeFrameNumber()),
                    path.toString()));
            return;
        }
    }

    /** Whether the receiver of {@code i} leaves {@code state} on taking it. */
    private boolean receiverLeaves(int i, TcpState state) {
        int receiver = 1 - endpoint(i);
        for (StateChange change : states.changes(i)) {
            if (change.endpoint() == receiver && change.from() == state) {
                return true;
            }
        }
        return false;
    }

    /** Whether the last acknowledgement {@code i}'s sender sent before it covered {@code end} (raw). */
    private boolean lastOwnAckCovers(int i, int end) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (sameFlow(i, j) && (packets.tcpFlags(j) & Tcp.ACK) != 0) {
                return packets.acknowledgement(j) - end >= 0;
            }
        }
        return false;
    }

    /** The raw sequence number after segment {@code j}: its data, SYN and FIN. */
    private int endOf(int j) {
        int flags = packets.tcpFlags(j);
        return packets.sequence(j) + packets.payloadLength(j) + ((flags & Tcp.SYN) != 0 ? 1 : 0)
                + ((flags & Tcp.FIN) != 0 ? 1 : 0);
    }

    // --- what the capture shows around the segment ---

    private boolean retransmitted(int i) {
        return tcp.has(i, TcpExpert.RETRANSMISSION) || tcp.has(i, TcpExpert.FAST_RETRANSMISSION)
                || tcp.has(i, TcpExpert.SPURIOUS_RETRANSMISSION);
    }

    private int endpoint(int i) {
        return conversations.fromClient(i) ? 0 : 1;
    }

    private boolean sameFlow(int i, int j) {
        return conversations.tcpStream(j) == conversations.tcpStream(i) && conversations.direction(j) == conversations.direction(i);
    }

    private boolean peerOf(int i, int j) {
        return conversations.tcpStream(j) == conversations.tcpStream(i) && conversations.direction(j) != conversations.direction(i);
    }

    /** The first earlier frame of the same flow that carried the same first byte (the first copy), or -1. */
    private int firstCopy(int i) {
        int found = -1;
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (sameFlow(i, j) && packets.sequence(j) == packets.sequence(i)
                    && (packets.payloadLength(j) > 0 || (packets.tcpFlags(j) & (Tcp.FIN | Tcp.SYN)) != 0)) {
                found = j;
            }
        }
        return found;
    }

    /**
     * Whether segment {@code i} was sent before the previous segment of its flow: its timestamp is older,
     * or the same (Linux's clock ticks every millisecond) with an older IP identification (Linux counts
     * them per connection, one per packet).
     */
    private boolean olderThanWhatCameBefore(int i, SegmentOptions now) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (sameFlow(i, j)) {
                SegmentOptions before = options(j);
                if (now.hasTimestamp() && before.hasTimestamp() && now.timestamp() != before.timestamp()) {
                    return (int) (now.timestamp() - before.timestamp()) < 0;
                }
                return now.identification() >= 0 && before.identification() >= 0
                        && (short) (now.identification() - before.identification()) < 0;
            }
        }
        return false;
    }

    private int lastFromPeer(int i) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (peerOf(i, j)) {
                return j;
            }
        }
        return -1;
    }

    private int lastOfStream(int i) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (conversations.tcpStream(j) == conversations.tcpStream(i)) {
                return j;
            }
        }
        return -1;
    }

    private long lastOwnWindow(int i) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (sameFlow(i, j)) {
                return tcp.scaledWindow(packets, j);
            }
        }
        return -1;
    }

    /** The duplicate-ACK number of the peer's last duplicate ACK before {@code i}. */
    private long lastDuplicateAckCount(int i) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (peerOf(i, j) && tcp.has(j, TcpExpert.DUPLICATE_ACK)) {
                return tcp.duplicateAckNumber(j);
            }
        }
        return 0;
    }

    /** Whether the peer's last ACK before {@code i} had a SACK block beyond this segment's first byte. */
    private boolean peerSackedBeyond(int i) {
        int peer = lastFromPeer(i);
        if (peer < 0) {
            return false;
        }
        SegmentOptions options = options(peer);
        for (int k = 0; k < options.sackBlocks(); k++) {
            if (options.sackLeft()[k] - packets.sequence(i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The relative sequence number after the highest byte the flow sent before {@code i}, or -1. */
    private long highestEndBefore(int i) {
        long base = Integer.toUnsignedLong(packets.sequence(i)) - Integer.toUnsignedLong(conversations.relativeSequence(i));
        long highest = -1;
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (sameFlow(i, j)) {
                int flags = packets.tcpFlags(j);
                long end = Integer.toUnsignedLong(packets.sequence(j)) - base + packets.payloadLength(j)
                        + ((flags & (Tcp.SYN | Tcp.FIN)) != 0 ? 1 : 0);
                highest = Math.max(highest, end & 0xffff_ffffL);
            }
        }
        return highest;
    }

    private long millisSince(int first, int i) {
        if (first < 0) {
            return 0;
        }
        return Math.round((analysis.frames().timestampNanos(i) - analysis.frames().timestampNanos(first)) / 1e6);
    }

    private boolean resentBetween(int from, int to) {
        for (int j = from + 1; j < to; j++) {
            if (sameFlow(from, j) && retransmitted(j)) {
                return true;
            }
        }
        return false;
    }

    private boolean finSentAgainBetween(int fin, int to) {
        for (int j = fin + 1; j < to; j++) {
            if (sameFlow(fin, j) && (packets.tcpFlags(j) & Tcp.FIN) != 0 && retransmitted(j)) {
                return true;
            }
        }
        return false;
    }

    private int peerFinBefore(int i) {
        for (int j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
            if (peerOf(i, j) && (packets.tcpFlags(j) & Tcp.FIN) != 0) {
                return j;
            }
        }
        return -1;
    }

    /** After its FIN, the sender acknowledges new data from the peer: it shut down its sending side only. */
    private boolean keepsReceivingAfter(int i) {
        int stream = conversations.tcpStream(i);
        boolean peerSentData = false;
        for (int j = i + 1; j < Math.min(packets.size(), i + LOOKBACK); j++) {
            if (conversations.tcpStream(j) != stream) {
                continue;
            }
            if (peerOf(i, j) && packets.payloadLength(j) > 0) {
                peerSentData = true;
            } else if (sameFlow(i, j) && peerSentData) {
                return (packets.tcpFlags(j) & Tcp.RST) == 0;
            }
        }
        return false;
    }

    private boolean answersFinSentAgainInTimeWait(int i, int peer) {
        return peer >= 0 && (packets.tcpFlags(peer) & Tcp.FIN) != 0 && retransmitted(peer)
                && states.stateAfter(i, endpoint(i)) == TcpState.TIME_WAIT;
    }

    private boolean completesHandshake(int i) {
        for (StateChange change : states.changes(i)) {
            if (change.from() == TcpState.SYN_RECEIVED && change.to() == TcpState.ESTABLISHED) {
                return true;
            }
        }
        return false;
    }

    private boolean closesAfterLastAck(int i) {
        for (StateChange change : states.changes(i)) {
            if (change.to() == TcpState.TIME_WAIT || change.from() == TcpState.LAST_ACK) {
                return true;
            }
        }
        return false;
    }

    private TcpState stateBefore(int i, int endpoint) {
        return states.stateBefore(i, conversations.tcpStream(i), endpoint);
    }

    private SegmentOptions options(int i) {
        return SegmentOptions.of(analysis.frames(), packets, i);
    }

    /** "5793-7240, 8689-10136" in relative numbers (last byte included), from block {@code from} on. */
    private static String blocks(SegmentOptions options, int from, long base) {
        StringBuilder text = new StringBuilder();
        for (int k = from; k < options.sackBlocks(); k++) {
            if (text.length() > 0) {
                text.append(", ");
            }
            long left = (Integer.toUnsignedLong(options.sackLeft()[k]) - base) & 0xffff_ffffL;
            long right = (Integer.toUnsignedLong(options.sackRight()[k]) - base - 1) & 0xffff_ffffL;
            text.append(left).append('-').append(right);
        }
        return text.toString();
    }

    private static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /** The number of the frame at index {@code i}, in the file (the analysis may be of a part of it). */
    private String frameNumber(int i) {
        return text(analysis.frames().firstIndex() + i + 1L);
    }

    private static String text(long number) {
        return Long.toString(number);
    }

    /** A count that decides a plural ("1 byte", "0 octet"): a number for the bundle's choice format. */
    private static Long count(long number) {
        return number;
    }
}
