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
 * earlier frames may lie in an earlier part, and what is carried from one part to the next is two times
 * per stream (its first and last frames'), not per frame. Per frame of the part it keeps the time of the
 * stream's previous frame.
 */
public final class FrameTimes {
    private final FrameStore frames;
    private final ConversationIndex conversations;
    private final boolean firstPart;
    private final long previousFrame;       // the last frame of the earlier parts; unused for the first part
    private final long[] previousInStream;  // per frame: the time of its stream's previous frame (its own for the first)
    private final StreamClock clock;        // per stream, shared with the parts before and after

    /** The times of each stream's first and last frames so far, grown as streams appear: one per stream, not per frame. */
    private static final class StreamClock {
        long captureStart;
        long lastFrame;
        int tcpStreams;             // streams that had frames in the parts so far
        int udpStreams;
        long[] tcpFirst = new long[16];
        long[] tcpLast = new long[16];
        long[] udpFirst = new long[16];
        long[] udpLast = new long[16];

        void makeRoom(int tcpStreams, int udpStreams) {
            if (tcpStreams > tcpFirst.length) {
                int size = Math.max(tcpStreams, 2 * tcpFirst.length);
                tcpFirst = Arrays.copyOf(tcpFirst, size);
                tcpLast = Arrays.copyOf(tcpLast, size);
            }
            if (udpStreams > udpFirst.length) {
                int size = Math.max(udpStreams, 2 * udpFirst.length);
                udpFirst = Arrays.copyOf(udpFirst, size);
                udpLast = Arrays.copyOf(udpLast, size);
            }
        }
    }

    private FrameTimes(FrameStore frames, ConversationIndex conversations, FrameTimes before) {
        this.frames = frames;
        this.conversations = conversations;
        firstPart = before == null;
        clock = firstPart ? new StreamClock() : before.clock;
        if (firstPart) {
            clock.captureStart = frames.size() == 0 ? 0 : frames.timestampNanos(0);
        }
        previousFrame = clock.lastFrame;
        // Streams numbered below these had frames in the earlier parts (the conversations' count has grown since).
        int tcpBefore = clock.tcpStreams;
        int udpBefore = clock.udpStreams;
        clock.makeRoom(conversations.tcpStreamCount(), conversations.udpStreamCount());
        previousInStream = new long[frames.size()];
        boolean[] tcpSeen = new boolean[conversations.tcpStreamCount()];
        boolean[] udpSeen = new boolean[conversations.udpStreamCount()];
        for (int i = 0; i < frames.size(); i++) {
            int tcpStream = conversations.tcpStream(i);
            int udpStream = conversations.udpStream(i);
            boolean tcp = tcpStream != ConversationIndex.NONE;
            if (!tcp && udpStream == ConversationIndex.NONE) {
                continue;
            }
            int stream = tcp ? tcpStream : udpStream;
            boolean[] seen = tcp ? tcpSeen : udpSeen;
            long[] first = tcp ? clock.tcpFirst : clock.udpFirst;
            long[] last = tcp ? clock.tcpLast : clock.udpLast;
            long now = frames.timestampNanos(i);
            if (!seen[stream] && stream >= (tcp ? tcpBefore : udpBefore)) {
                first[stream] = now;       // the stream's first frame
                previousInStream[i] = now;
            } else {
                previousInStream[i] = last[stream];
            }
            seen[stream] = true;
            last[stream] = now;
        }
        if (frames.size() > 0) {
            clock.lastFrame = frames.timestampNanos(frames.size() - 1);
        }
        clock.tcpStreams = conversations.tcpStreamCount();
        clock.udpStreams = conversations.udpStreamCount();
    }

    /** The times of a whole capture, or of the first part of one. */
    public static FrameTimes of(FrameStore frames, ConversationIndex conversations) {
        return new FrameTimes(frames, conversations, null);
    }

    /**
     * The times of the part of the capture that follows {@code previous}'s ({@code conversations} continues
     * its index); {@code previous} keeps its answers.
     */
    public static FrameTimes after(FrameTimes previous, FrameStore frames, ConversationIndex conversations) {
        return new FrameTimes(frames, conversations, previous);
    }

    /** The time of the capture's first frame. */
    public long captureStartNanos() {
        return clock.captureStart;
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
            return clock.tcpFirst[tcpStream];
        }
        int udpStream = conversations.udpStream(i);
        return udpStream == ConversationIndex.NONE ? -1 : clock.udpFirst[udpStream];
    }

    /** The time of the previous frame of frame {@code i}'s stream (frame {@code i}'s own for the first); -1 when it has none. */
    public long previousInStreamNanos(int i) {
        boolean inStream = conversations.tcpStream(i) != ConversationIndex.NONE
                || conversations.udpStream(i) != ConversationIndex.NONE;
        return inStream ? previousInStream[i] : -1;
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        return 8L * previousInStream.length
                + 16L * (clock.tcpFirst.length + clock.udpFirst.length);
    }
}
