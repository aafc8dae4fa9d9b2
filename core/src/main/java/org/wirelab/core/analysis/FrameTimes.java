package org.wirelab.core.analysis;

import java.util.Arrays;
import org.wirelab.core.frame.FrameStore;

/**
 * The earlier times each frame's time fields count from: the capture's first frame
 * ({@code frame.time_relative}), the previous frame ({@code frame.time_delta}), the first and the
 * previous frame of its TCP stream or UDP flow ({@code tcp.time_relative}, {@code tcp.time_delta}, as
 * packet-tcp.c and packet-udp.c keep ts_first and ts_prev per conversation).
 *
 * <p>Made for a whole capture, or for its parts in turn (a file read a segment at a time): then those
 * earlier frames may lie in an earlier part, and what is carried from one part to the next is one time
 * per stream, not per frame. Per frame of the part it keeps only where the stream's previous frame is.
 */
public final class FrameTimes {
    private static final int BEFORE = -1;   // the stream's previous frame lies in an earlier part

    private final FrameStore frames;
    private final ConversationIndex conversations;
    private final long captureStart;
    private final boolean firstPart;
    private final long previousFrame;       // the last frame of the earlier parts; unused for the first part
    private final long[] tcpFirst;          // per stream, shared by every part (it only grows)
    private final long[] udpFirst;
    private final long[] tcpLastBefore;     // per stream: its last frame in the earlier parts
    private final long[] udpLastBefore;
    private final int[] previousInStream;   // per frame: the stream's previous frame here, itself, or BEFORE
    private final Carried carried;          // what the next part starts from

    /** Per-stream times handed from one part of the file to the next. */
    private record Carried(long captureStart, long lastFrame, long[] tcpFirst, long[] udpFirst, long[] tcpLast,
            long[] udpLast) {
    }

    private FrameTimes(FrameStore frames, ConversationIndex conversations, Carried before) {
        this.frames = frames;
        this.conversations = conversations;
        int tcpStreams = conversations.tcpStreamCount();
        int udpStreams = conversations.udpStreamCount();
        boolean first = before == null;
        firstPart = first;
        captureStart = first ? (frames.size() == 0 ? 0 : frames.timestampNanos(0)) : before.captureStart();
        previousFrame = first ? 0 : before.lastFrame();
        tcpFirst = first ? new long[tcpStreams] : Arrays.copyOf(before.tcpFirst(), tcpStreams);
        udpFirst = first ? new long[udpStreams] : Arrays.copyOf(before.udpFirst(), udpStreams);
        int tcpBefore = first ? 0 : before.tcpLast().length;
        int udpBefore = first ? 0 : before.udpLast().length;
        tcpLastBefore = first ? new long[0] : before.tcpLast();
        udpLastBefore = first ? new long[0] : before.udpLast();
        long[] tcpLast = Arrays.copyOf(tcpLastBefore, tcpStreams);
        long[] udpLast = Arrays.copyOf(udpLastBefore, udpStreams);
        int[] lastTcp = new int[tcpStreams];
        int[] lastUdp = new int[udpStreams];
        Arrays.fill(lastTcp, BEFORE);
        Arrays.fill(lastUdp, BEFORE);
        previousInStream = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            int tcpStream = conversations.tcpStream(i);
            int udpStream = conversations.udpStream(i);
            boolean tcp = tcpStream != ConversationIndex.NONE;
            if (!tcp && udpStream == ConversationIndex.NONE) {
                continue;
            }
            int stream = tcp ? tcpStream : udpStream;
            int[] last = tcp ? lastTcp : lastUdp;
            boolean seenBefore = stream < (tcp ? tcpBefore : udpBefore);
            long now = frames.timestampNanos(i);
            if (last[stream] == BEFORE && !seenBefore) {
                previousInStream[i] = i;      // the stream's first frame
                (tcp ? tcpFirst : udpFirst)[stream] = now;
            } else {
                previousInStream[i] = last[stream];
            }
            last[stream] = i;
            (tcp ? tcpLast : udpLast)[stream] = now;
        }
        long lastFrame = frames.size() == 0 ? previousFrame : frames.timestampNanos(frames.size() - 1);
        carried = new Carried(captureStart, lastFrame, tcpFirst, udpFirst, tcpLast, udpLast);
    }

    /** The times of a whole capture, or of the first part of one. */
    public static FrameTimes of(FrameStore frames, ConversationIndex conversations) {
        return new FrameTimes(frames, conversations, null);
    }

    /** The times of the part of the capture that follows {@code previous}'s ({@code conversations} continues its index). */
    public static FrameTimes after(FrameTimes previous, FrameStore frames, ConversationIndex conversations) {
        return new FrameTimes(frames, conversations, previous.carried);
    }

    /** The time of the capture's first frame. */
    public long captureStartNanos() {
        return captureStart;
    }

    /** The time of the frame before frame {@code i}, or frame {@code i}'s own for the capture's first. */
    public long previousFrameNanos(int i) {
        if (i > 0) {
            return frames.timestampNanos(i - 1);
        }
        return firstPart ? frames.timestampNanos(0) : previousFrame;
    }

    /** The time of the first frame of frame {@code i}'s TCP stream or UDP flow; -1 when it has none. */
    public long streamStartNanos(int i) {
        int tcpStream = conversations.tcpStream(i);
        if (tcpStream != ConversationIndex.NONE) {
            return tcpFirst[tcpStream];
        }
        int udpStream = conversations.udpStream(i);
        return udpStream == ConversationIndex.NONE ? -1 : udpFirst[udpStream];
    }

    /** The time of the previous frame of frame {@code i}'s stream (frame {@code i}'s own for the first); -1 when it has none. */
    public long previousInStreamNanos(int i) {
        int tcpStream = conversations.tcpStream(i);
        int udpStream = conversations.udpStream(i);
        if (tcpStream == ConversationIndex.NONE && udpStream == ConversationIndex.NONE) {
            return -1;
        }
        int previous = previousInStream[i];
        if (previous != BEFORE) {
            return frames.timestampNanos(previous);
        }
        return tcpStream != ConversationIndex.NONE ? tcpLastBefore[tcpStream] : udpLastBefore[udpStream];
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        return 4L * previousInStream.length + 8L * (tcpFirst.length + udpFirst.length + tcpLastBefore.length
                + udpLastBefore.length);
    }
}
