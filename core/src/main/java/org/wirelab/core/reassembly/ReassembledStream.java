package org.wirelab.core.reassembly;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What both sides of one conversation delivered to their applications, in the order tshark's
 * "Follow Stream" shows it. {@code node0Direction} is the caller's direction number (0 or 1) of node 0,
 * the side that sent the first segment. {@code unplaced} holds out-of-order data that never joined
 * the stream (the bytes before it were neither captured nor acknowledged).
 */
public record ReassembledStream(int node0Direction, List<StreamPiece> pieces, List<StreamPiece.Data> unplaced) {

    public ReassembledStream {
        pieces = List.copyOf(pieces);
        unplaced = List.copyOf(unplaced);
    }

    /** The bytes {@code node} delivered, gaps left out (see {@link #gaps(int)}). */
    public byte[] bytes(int node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StreamPiece piece : pieces) {
            if (piece.node() == node && piece instanceof StreamPiece.Data data) {
                out.writeBytes(data.bytes());
            }
        }
        return out.toByteArray();
    }

    /** The missing byte ranges of {@code node}'s stream, in order. */
    public List<StreamPiece.Gap> gaps(int node) {
        List<StreamPiece.Gap> gaps = new ArrayList<>();
        for (StreamPiece piece : pieces) {
            if (piece.node() == node && piece instanceof StreamPiece.Gap gap) {
                gaps.add(gap);
            }
        }
        return gaps;
    }
}
