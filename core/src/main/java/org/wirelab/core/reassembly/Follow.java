package org.wirelab.core.reassembly;

import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;

/**
 * Follow a TCP stream or UDP flow of an analysed capture: the reassembled content, and the text of
 * {@code tshark -q -z follow,tcp|udp,ascii,N}, what {@code wirelab follow FILE --stream N [--udp]} prints.
 */
public final class Follow {
    private Follow() {
    }

    /** TCP stream {@code stream} reassembled; throws {@link IllegalArgumentException} when there is no such stream. */
    public static ReassembledStream tcp(CaptureAnalysis analysis, int stream) {
        ConversationIndex index = analysis.conversations();
        check(stream, index.tcpStreamCount(), "TCP");
        return StreamFollower.tcp(analysis.frames(), analysis.packets(), stream,
                (i, s) -> index.tcpStream(i) == s ? index.direction(i) : -1);
    }

    /** The datagrams of UDP flow {@code stream}; throws {@link IllegalArgumentException} when there is no such flow. */
    public static ReassembledStream udp(CaptureAnalysis analysis, int stream) {
        ConversationIndex index = analysis.conversations();
        check(stream, index.udpStreamCount(), "UDP");
        return StreamFollower.udp(analysis.frames(), analysis.packets(), stream,
                (i, s) -> index.udpStream(i) == s ? index.direction(i) : -1);
    }

    /** tshark's follow text of TCP stream or UDP flow {@code stream}. */
    public static String text(CaptureAnalysis analysis, int stream, boolean udp) {
        ReassembledStream content = udp ? udp(analysis, stream) : tcp(analysis, stream);
        Conversation conversation = udp ? analysis.conversations().udpConversation(stream)
                : analysis.conversations().tcpConversation(stream);
        // Node 0 sent the first segment tshark's follow tap saw; direction 0 is endpoint A.
        boolean node0IsA = content.node0Direction() == 0;
        String node0 = (node0IsA ? conversation.a() : conversation.b()).toString();
        String node1 = (node0IsA ? conversation.b() : conversation.a()).toString();
        return FollowText.render(udp ? "udp" : "tcp", stream, node0, node1, content);
    }

    private static void check(int stream, int count, String protocol) {
        if (stream < 0 || stream >= count) {
            throw new IllegalArgumentException(count == 0 ? "the capture has no " + protocol + " stream"
                    : "no " + protocol + " stream " + stream + ": the capture has streams 0 to " + (count - 1));
        }
    }
}
