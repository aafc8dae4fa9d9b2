package org.wirelab.core.reassembly;

import java.nio.charset.StandardCharsets;

/**
 * The text of {@code tshark -q -z follow,tcp,ascii,N} (and {@code follow,udp,ascii,N}), byte for byte
 * (ui/cli/tap-follow.c, Wireshark 4.0): a header naming the two nodes, then every piece as its length
 * and its bytes with the unprintable ones shown as '.', node 1's lengths indented by a tab.
 * Bytes are decoded as ISO-8859-1 so the text keeps one character per byte.
 */
public final class FollowText {
    private static final String SEPARATOR = "===================================================================\n";

    private FollowText() {
    }

    /**
     * {@code protocol} is "tcp" or "udp"; {@code node0} and {@code node1} name the nodes as tshark does
     * ("10.1.1.2:44644", "[::1]:8080"); {@code node1} is the destination of node 0's first segment.
     */
    public static String render(String protocol, int stream, String node0, String node1, ReassembledStream content) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(SEPARATOR);
        out.append("Follow: ").append(protocol).append(",ascii\n");
        out.append("Filter: ").append(protocol).append(".stream eq ").append(stream).append('\n');
        out.append("Node 0: ").append(node0).append('\n');
        out.append("Node 1: ").append(node1).append('\n');
        for (StreamPiece piece : content.pieces()) {
            byte[] bytes;
            if (piece instanceof StreamPiece.Data data) {
                bytes = data.bytes();
            } else if (piece instanceof StreamPiece.Gap gap && gap.cause() == StreamPiece.Cause.NOT_CAPTURED) {
                bytes = TcpStreamReassembler.notCapturedText(gap.length());
            } else {
                continue;   // a truncated tail: tshark shows the captured part only
            }
            out.append(piece.node() == 1 ? "\t" : "").append(bytes.length).append('\n');
            out.append(printable(bytes)).append('\n');
        }
        out.append(SEPARATOR);
        return out.toString();
    }

    /** CR and LF as they are, other bytes outside printable ASCII as '.' (g_ascii_isprint). */
    static String printable(byte[] bytes) {
        byte[] shown = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            shown[i] = b == '\r' || b == '\n' || (b >= 0x20 && b < 0x7f) ? (byte) b : (byte) '.';
        }
        return new String(shown, StandardCharsets.ISO_8859_1);
    }
}
