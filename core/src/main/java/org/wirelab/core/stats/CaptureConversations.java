package org.wirelab.core.stats;

import java.io.IOException;
import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.Endpoint;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

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
        ConversationStatistics statistics = new ConversationStatistics(firstTimestamp(analysis.frames()));
        countTcp(analysis.frames(), analysis.packets(), analysis.conversations(), counted, statistics);
        return statistics;
    }

    /** UDP flows. */
    public static ConversationStatistics udp(CaptureAnalysis analysis) {
        return udp(analysis, ALL);
    }

    /** UDP flows, counting only the frames (by index) that {@code counted} accepts. */
    public static ConversationStatistics udp(CaptureAnalysis analysis, IntPredicate counted) {
        ConversationStatistics statistics = new ConversationStatistics(firstTimestamp(analysis.frames()));
        countUdp(analysis.frames(), analysis.conversations(), counted, statistics);
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
        return render(analysis.conversations(), filter, tcp(analysis, counted), udp(analysis, counted));
    }

    /**
     * The text of every frame's tables, from a file read a segment at a time: only the conversations
     * are kept from one segment to the next, so the memory needed grows with them, not with the frames
     * (as tshark's).
     */
    public static String text(CaptureSegments segments) throws IOException {
        SummaryDecoder decoder = new SummaryDecoder();
        ConversationIndex index = null;
        ConversationStatistics tcp = new ConversationStatistics(0);
        ConversationStatistics udp = tcp;
        for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
            PacketTable table = decoder.decode(frames);
            if (index == null) {
                index = ConversationIndex.build(frames, table);
                tcp = new ConversationStatistics(frames.timestampNanos(0));
                udp = new ConversationStatistics(frames.timestampNanos(0));
            } else {
                index = ConversationIndex.after(index, frames, table);
            }
            countTcp(frames, table, index, ALL, tcp);
            countUdp(frames, index, ALL, udp);
        }
        return render(index, null, tcp, udp);
    }

    private static String render(ConversationIndex index, String filter, ConversationStatistics tcp,
            ConversationStatistics udp) {
        return ConversationTableText.render("UDP", filter, udp.conversations(),
                        (stream, side) -> socket(index.udpConversation(stream), side))
                + ConversationTableText.render("TCP", filter, tcp.conversations(),
                        (stream, side) -> socket(index.tcpConversation(stream), side));
    }

    private static void countTcp(FrameStore frames, PacketTable table, ConversationIndex index, IntPredicate counted,
            ConversationStatistics statistics) {
        for (int i = 0; i < frames.size(); i++) {
            int stream = index.tcpStream(i);
            if (stream != ConversationIndex.NONE && TcpReach.hasWholeHeader(frames, table, i) && counted.test(i)) {
                statistics.add(stream, index.direction(i), frames.timestampNanos(i), frames.originalLength(i));
            }
        }
    }

    private static void countUdp(FrameStore frames, ConversationIndex index, IntPredicate counted,
            ConversationStatistics statistics) {
        for (int i = 0; i < frames.size(); i++) {
            int stream = index.udpStream(i);
            if (stream != ConversationIndex.NONE && counted.test(i)) {
                statistics.add(stream, index.direction(i), frames.timestampNanos(i), frames.originalLength(i));
            }
        }
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
