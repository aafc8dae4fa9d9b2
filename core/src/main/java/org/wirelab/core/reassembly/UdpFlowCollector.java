package org.wirelab.core.reassembly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The datagrams of one UDP flow in capture order, as Wireshark's Follow UDP Stream lists them
 * (packet-udp.c, follow_udp_tap_listener): every datagram is one piece, empty ones included, with the
 * payload as far as it was captured. Node 0 sent the first datagram.
 */
public final class UdpFlowCollector {
    private int node0Direction = -1;
    private final long[] delivered = new long[2];
    private final List<StreamPiece> pieces = new ArrayList<>();

    /** Adds one datagram whose payload is {@code capturedLength} bytes of {@code buffer} from {@code payloadOffset}. */
    public void datagram(int frameNumber, int direction, byte[] buffer, int payloadOffset, int capturedLength) {
        if (node0Direction < 0) {
            node0Direction = direction;
        }
        int node = direction == node0Direction ? 0 : 1;
        int length = Math.max(0, capturedLength);
        pieces.add(new StreamPiece.Data(node, frameNumber, delivered[node],
                Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + length)));
        delivered[node] += length;
    }

    public ReassembledStream result() {
        return new ReassembledStream(Math.max(node0Direction, 0), pieces, List.of());
    }
}
