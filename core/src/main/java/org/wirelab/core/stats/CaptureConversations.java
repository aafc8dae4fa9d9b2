package org.wirelab.core.stats;

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
    private CaptureConversations() {
    }

    /**
     * TCP streams. tshark's TCP tap fires at the end of the header's dissection, so a frame whose
     * options were cut by the snapshot length is not counted (zeek's truncated-header.pcap, frame 1).
     */
    public static ConversationStatistics tcp(CaptureAnalysis analysis) {
        FrameStore frames = analysis.frames();
        ConversationIndex index = analysis.conversations();
        ConversationStatistics statistics = new ConversationStatistics(firstTimestamp(frames));
        for (int i = 0; i < analysis.size(); i++) {
            int stream = index.tcpStream(i);
            if (stream != ConversationIndex.NONE && TcpReach.hasWholeHeader(frames, analysis.packets(), i)) {
                statistics.add(stream, index.direction(i), frames.timestampNanos(i), frames.originalLength(i));
            }
        }
        return statistics;
    }

    /** UDP flows. */
    public static ConversationStatistics udp(CaptureAnalysis analysis) {
        FrameStore frames = analysis.frames();
        ConversationIndex index = analysis.conversations();
        ConversationStatistics statistics = new ConversationStatistics(firstTimestamp(frames));
        for (int i = 0; i < analysis.size(); i++) {
            int stream = index.udpStream(i);
            if (stream != ConversationIndex.NONE) {
                statistics.add(stream, index.direction(i), frames.timestampNanos(i), frames.originalLength(i));
            }
        }
        return statistics;
    }

    /** The text of {@code tshark -q -z conv,tcp -z conv,udp}: the UDP table, then the TCP table. */
    public static String text(CaptureAnalysis analysis) {
        ConversationIndex index = analysis.conversations();
        return ConversationTableText.render("UDP", udp(analysis).conversations(),
                        (stream, side) -> socket(index.udpConversation(stream), side))
                + ConversationTableText.render("TCP", tcp(analysis).conversations(),
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
