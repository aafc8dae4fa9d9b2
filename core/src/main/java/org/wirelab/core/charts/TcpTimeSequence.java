package org.wirelab.core.charts;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.summary.PacketTable;

/**
 * The data of a TCP time-sequence graph (Stevens, as tcptrace and Wireshark draw it) for one direction
 * of one stream: each segment the sender sent as its relative sequence range at its time, retransmissions
 * marked; each acknowledgement the receiver returned, and the edge of the window it offered (ack +
 * scaled window), in the same relative numbers. Times are seconds since the capture's first frame
 * (frame.time_relative). Segments are those that use sequence space: data, SYN or FIN.
 *
 * <p>{@code analysis} is a whole capture or a part of it that holds the stream whole ({@code FileWindow}):
 * frame numbers and times count in the file either way.
 */
public record TcpTimeSequence(Conversation conversation, boolean fromClient, List<Segment> segments, List<Ack> acks) {

    /** A segment: {@code sequence} (tcp.seq) up to {@code end} (tcp.seq + tcp.len). */
    public record Segment(int frameNumber, double time, long sequence, long end, boolean retransmission) {
    }

    /** An acknowledgement: tcp.ack, and tcp.ack + tcp.window_size, the highest sequence the sender may send. */
    public record Ack(int frameNumber, double time, long acknowledgement, long windowEdge) {
    }

    public TcpTimeSequence {
        segments = List.copyOf(segments);
        acks = List.copyOf(acks);
    }

    /** The direction of {@code stream} that sent more payload bytes (the client's on a tie). */
    public static TcpTimeSequence of(CaptureAnalysis analysis, int stream) {
        Conversation conversation = analysis.conversations().tcpConversation(stream);
        long[] bytes = new long[2];
        ConversationIndex index = analysis.conversations();
        int first = analysis.frames().firstIndex();
        for (int i = conversation.firstFrameIndex() - first; i <= conversation.lastFrameIndex() - first; i++) {
            if (index.tcpStream(i) == stream) {
                bytes[index.fromClient(i) ? 0 : 1] += analysis.packets().payloadLength(i);
            }
        }
        return of(analysis, stream, bytes[0] >= bytes[1]);
    }

    /** The segments {@code stream}'s client sent ({@code fromClient}) or its server sent, and the other side's ACKs. */
    public static TcpTimeSequence of(CaptureAnalysis analysis, int stream, boolean fromClient) {
        ConversationIndex index = analysis.conversations();
        Conversation conversation = index.tcpConversation(stream);
        FrameStore frames = analysis.frames();
        PacketTable table = analysis.packets();
        long start = analysis.times().captureStartNanos();
        int first = frames.firstIndex();
        List<Segment> segments = new ArrayList<>();
        List<Ack> acks = new ArrayList<>();
        for (int i = conversation.firstFrameIndex() - first; i <= conversation.lastFrameIndex() - first; i++) {
            if (index.tcpStream(i) != stream) {
                continue;
            }
            double time = (frames.timestampNanos(i) - start) / 1e9;
            int flags = table.tcpFlags(i);
            if (index.fromClient(i) == fromClient) {
                int length = table.payloadLength(i);
                if (length > 0 || (flags & (Tcp.SYN | Tcp.FIN)) != 0) {
                    long sequence = Integer.toUnsignedLong(index.relativeSequence(i));
                    segments.add(new Segment(first + i + 1, time, sequence, sequence + length,
                            RetransmissionMark.isRetransmission(analysis.tcp().expertBits(i))));
                }
            } else if ((flags & Tcp.ACK) != 0) {
                long ack = Integer.toUnsignedLong(index.relativeAcknowledgement(i));
                acks.add(new Ack(first + i + 1, time, ack, ack + analysis.tcp().scaledWindow(table, i)));
            }
        }
        return new TcpTimeSequence(conversation, fromClient, segments, acks);
    }
}
