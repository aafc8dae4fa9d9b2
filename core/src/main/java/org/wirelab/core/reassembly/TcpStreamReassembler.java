package org.wirelab.core.reassembly;

import org.wirelab.core.protocol.tcp.Tcp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the segments of one TCP stream back in order, as Wireshark's Follow TCP Stream does
 * (packet-tcp.c, follow_tcp_tap_listener and check_follow_fragments, 4.0):
 * <ul>
 *   <li>bytes already delivered win: a retransmission or an overlap adds only its new tail;</li>
 *   <li>a segment beyond the next expected sequence number waits until the bytes before it arrive, or
 *       until the peer acknowledges past it, which proves the missing bytes existed: they become a
 *       {@link StreamPiece.Cause#NOT_CAPTURED} gap;</li>
 *   <li>payload cut by the snapshot length is delivered as far as it was captured, the rest is a
 *       {@link StreamPiece.Cause#TRUNCATED} gap, and the stream continues after the whole segment;
 *       a segment with no captured payload at all is ignored, as tshark ignores it.</li>
 * </ul>
 * Sequence arithmetic is modulo 2^32 (RFC 9293 section 3.4). Feed segments in capture order.
 */
public final class TcpStreamReassembler {

    private int node0Direction = -1;
    private final boolean[] started = new boolean[2];
    private final int[] base = new int[2];          // first sequence number of each node's data
    private final int[] next = new int[2];          // next expected sequence number
    private final List<List<Pending>> outOfOrder = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<StreamPiece> pieces = new ArrayList<>();

    /** A segment waiting for the bytes before it. */
    private record Pending(int frameNumber, int sequence, byte[] bytes) {
    }

    /**
     * Adds one segment: {@code direction} is the caller's 0/1 numbering of the stream's sides; the
     * payload is {@code capturedLength} bytes of {@code buffer} from {@code payloadOffset}, of a segment
     * whose tcp.len is {@code segmentLength}.
     */
    public void segment(int frameNumber, int direction, int flags, int sequence, int acknowledgement,
            int segmentLength, byte[] buffer, int payloadOffset, int capturedLength) {
        if (node0Direction < 0) {
            node0Direction = direction;
        }
        int node = direction == node0Direction ? 0 : 1;
        int seq = (flags & Tcp.SYN) != 0 ? sequence + 1 : sequence;   // the SYN occupies one number
        int length = segmentLength;
        int dataOffset = 0;
        int dataLength = Math.max(0, Math.min(capturedLength, segmentLength));

        // This segment's acknowledgement may prove that segments of the other side were lost.
        while (placePending(1 - node, acknowledgement, frameNumber, true)) {
            // keep placing
        }
        if (!started[node]) {
            started[node] = true;
            base[node] = seq;
            next[node] = seq;
        }
        if (seq - next[node] < 0) {
            int end = seq + length;
            if (end - next[node] > 0) {
                // A retransmission carrying more than was seen: keep only the new tail.
                dataOffset = next[node] - seq;
                dataLength = dataLength <= dataOffset ? 0 : dataLength - dataOffset;
                seq = next[node];
                length = end - next[node];
            }
        }
        if (dataLength == 0 || seq - next[node] < 0) {
            return;
        }
        byte[] bytes = Arrays.copyOfRange(buffer, payloadOffset + dataOffset, payloadOffset + dataOffset + dataLength);
        if (seq == next[node]) {
            pieces.add(new StreamPiece.Data(node, frameNumber, offset(node, seq), bytes));
            if (length > dataLength) {
                pieces.add(new StreamPiece.Gap(node, frameNumber, offset(node, seq + dataLength),
                        length - dataLength, StreamPiece.Cause.TRUNCATED));
            }
            next[node] += length;
            while (placePending(node, 0, frameNumber, false)) {
                // keep placing
            }
        } else {
            outOfOrder.get(node).add(new Pending(frameNumber, seq, bytes));
        }
    }

    /** The pieces so far; the reassembler may go on receiving segments. */
    public ReassembledStream result() {
        List<StreamPiece.Data> unplaced = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            for (Pending p : outOfOrder.get(node)) {
                unplaced.add(new StreamPiece.Data(node, p.frameNumber(), offset(node, p.sequence()), p.bytes()));
            }
        }
        return new ReassembledStream(Math.max(node0Direction, 0), pieces, unplaced);
    }

    /**
     * check_follow_fragments: places one waiting segment of {@code node} that now fits (or whose new
     * tail does), or, when {@code useAck} and the peer acknowledged past the lowest waiting segment,
     * marks the bytes before it as not captured. Returns whether it changed anything.
     */
    private boolean placePending(int node, int acknowledgement, int frameNumber, boolean useAck) {
        List<Pending> pending = outOfOrder.get(node);
        if (pending.isEmpty()) {
            return false;
        }
        int lowest = pending.get(0).sequence();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (lowest - p.sequence() > 0) {
                lowest = p.sequence();
            }
            if (p.sequence() - next[node] < 0) {
                int end = p.sequence() + p.bytes().length;
                if (end - next[node] > 0) {
                    int newPart = next[node] - p.sequence();
                    pieces.add(new StreamPiece.Data(node, p.frameNumber(), offset(node, next[node]),
                            Arrays.copyOfRange(p.bytes(), newPart, p.bytes().length)));
                    next[node] += p.bytes().length - newPart;
                }
                pending.remove(i);
                return true;
            }
            if (p.sequence() == next[node]) {
                pieces.add(new StreamPiece.Data(node, p.frameNumber(), offset(node, p.sequence()), p.bytes()));
                next[node] += p.bytes().length;
                pending.remove(i);
                return true;
            }
        }
        if (useAck && acknowledgement - lowest > 0) {
            pieces.add(new StreamPiece.Gap(node, frameNumber, offset(node, next[node]),
                    Integer.toUnsignedLong(lowest - next[node]), StreamPiece.Cause.NOT_CAPTURED));
            next[node] = lowest;
            return true;
        }
        return false;
    }

    private long offset(int node, int sequence) {
        return Integer.toUnsignedLong(sequence - base[node]);
    }

    /** The text tshark puts in place of bytes that were not captured, NUL included, as its follow shows. */
    static byte[] notCapturedText(long length) {
        return ("[" + (int) length + " bytes missing in capture file]\0").getBytes(StandardCharsets.US_ASCII);
    }
}
