package org.wirelab.core.reassembly;

import java.io.IOException;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

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
        return text(content, conversation, stream, udp);
    }

    /**
     * What following one stream through a file read in segments found: the stream's content and
     * conversation (null when the file has no such stream), and how many streams of that kind it has.
     */
    public record Followed(ReassembledStream content, Conversation conversation, int streams) {
    }

    /**
     * Follows TCP stream or UDP flow {@code stream} through a file read a segment at a time: only the
     * conversations and this stream's content are kept from one segment to the next, as tshark does.
     */
    public static Followed follow(CaptureSegments segments, int stream, boolean udp) throws IOException {
        SummaryDecoder decoder = new SummaryDecoder();
        TcpStreamReassembler reassembler = new TcpStreamReassembler();
        UdpFlowCollector collector = new UdpFlowCollector();
        ConversationIndex index = null;
        for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
            PacketTable table = decoder.decode(frames);
            index = index == null ? ConversationIndex.build(frames, table) : ConversationIndex.after(index, frames, table);
            ConversationIndex current = index;
            if (udp) {
                StreamFollower.udp(collector, frames, table, stream,
                        (i, s) -> current.udpStream(i) == s ? current.direction(i) : -1, segments.firstIndex());
            } else {
                StreamFollower.tcp(reassembler, frames, table, stream,
                        (i, s) -> current.tcpStream(i) == s ? current.direction(i) : -1, segments.firstIndex());
            }
        }
        int streams = index == null ? 0 : udp ? index.udpStreamCount() : index.tcpStreamCount();
        Conversation conversation = stream < 0 || stream >= streams ? null
                : udp ? index.udpConversation(stream) : index.tcpConversation(stream);
        return new Followed(udp ? collector.result() : reassembler.result(), conversation, streams);
    }

    /** tshark's follow text of what {@link #follow} found; the stream must exist. */
    public static String text(Followed followed, int stream, boolean udp) {
        if (followed.conversation() == null) {
            check(stream, followed.streams(), udp ? "UDP" : "TCP");
        }
        return text(followed.content(), followed.conversation(), stream, udp);
    }

    private static String text(ReassembledStream content, Conversation conversation, int stream, boolean udp) {
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
