package org.wirelab.core.stats;

import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.Endpoint;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.frame.FrameStore;

/**
 * The conversation statistics of an analysed capture, counted as tshark's conversation taps count
 * them, and their text: what {@code wirelab conversations FILE} prints.
 */
public final class CaptureConversations {
    private static final IntPredicate ALL = frame -> true;

    private CaptureConversations() {
    }

    /**
     * TCP streams. tshark's TCP tap fires at the end of the header's dissection, so a frame whose
     * options were cut by the snapshot length is not counted (zeek's truncated-header.pcap, frame 1).
     */
    public static ConversationStatistics tcp(CaptureAnalysis analysis) {
        return tcp(analysis, ALL);
    }

    /** TCP streams, counting only the frames (by index) that {@code counted} accepts. */
    public static ConversationStatistics tcp(CaptureAnalysis analysis, IntPredicate counted) {
        FrameStore frames = analysis.frames();
        ConversationIndex index = analysis.conversations();
        ConversationStatistics statistics = new ConversationStatistics(firstTimestamp(frames));
        for (int i = 0; i < analysis.size(); i++) {
            int stream = index.tcpStream(i);
            if (stream != ConversationIndex.NONE && TcpReach.hasWholeHeader(frames, analysis.packets(), i)
                    && counted.test(i)) {
                statistics.add(stream, index.direction(i), frames.timestampNanos(i), frames.originalLength(i));
            }
        }
        return statistics;
    }

    /** UDP flows. */
    public static ConversationStatistics udp(CaptureAnalysis analysis) {
        return udp(analysis, ALL);
    }

    /** UDP flows, counting only the frames (by index) that {@code counted} accepts. */
    public static ConversationStatistics udp(CaptureAnalysis analysis, IntPredicate counted) {
        FrameStore frames = analysis.frames();
        ConversationIndex index = analysis.conversations();
        ConversationStatistics statistics = new ConversationStatistics(firstTimestamp(frames));
        for (int i = 0; i < analysis.size(); i++) {
            int stream = index.udpStream(i);
            if (stream != ConversationIndex.NONE && counted.test(i)) {
                statistics.add(stream, index.direction(i), frames.timestampNanos(i), frames.originalLength(i));
            }
        }
        return statistics;
    }

    /** The text of {@code tshark -q -z conv,tcp -z conv,udp}: the UDP table, then the TCP table. */
    public static String text(CaptureAnalysis analysis) {
        return text(analysis, null, ALL);
    }

    /**
     * The text of {@code tshark -q -z conv,tcp,FILTER -z conv,udp,FILTER}: the tables of the frames
     * {@code counted} accepts, headed by {@code filter}, the display filter that chose them. Times stay
     * relative to the capture's first frame, counted or not, as tshark's are.
     */
    public static String text(CaptureAnalysis analysis, String filter, IntPredicate counted) {
        ConversationIndex index = analysis.conversations();
        return ConversationTableText.render("UDP", filter, udp(analysis, counted).conversations(),
                        (stream, side) -> socket(index.udpConversation(stream), side))
                + ConversationTableText.render("TCP", filter, tcp(analysis, counted).conversations(),
                        (stream, side) -> socket(index.tcpConversation(stream), side));
    }


    /** "address:port" without brackets, as tshark's conversation table names IPv6 endpoints too. */
    private static String socket(Conversation conversation, int side) {
        Endpoint endpoint = side == 0 ? conversation.a() : conversation.b();
        return endpoint.addressText() + ":" + endpoint.port();
    }

    private static long firstTimestamp(FrameStore frames) {
        return frames.size() == 0 ? 0 : frames.timestampNanos(0);
    }
}
