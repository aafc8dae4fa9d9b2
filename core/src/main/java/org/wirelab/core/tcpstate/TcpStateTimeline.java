package org.wirelab.core.tcpstate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TCP state of both endpoints of each frame's stream after every frame of a capture, stored as
 * two bytes per frame, plus the list of state changes (usually fewer than ten per stream). The frame's
 * stream number is not kept: the conversation index has it.
 * Frames are addressed by 0-based index; endpoints are 0 and 1 within a stream, as the builder's
 * caller numbered them (the analysis uses 0 for the client).
 *
 * <p>Build it with {@link Builder}, feeding every frame in capture order.
 */
public final class TcpStateTimeline {
    private static final byte NOT_TCP = -1;

    private final byte[] endpoint0;
    private final byte[] endpoint1;
    private final int[] changeFrames;      // frame index of each change, ascending
    private final int[] changeStreams;
    private final int[] changeCodes;       // endpoint << 16 | from << 8 | to
    private final TcpState[][] initialStates;

    private TcpStateTimeline(Builder b) {
        endpoint0 = Arrays.copyOf(b.endpoint0, b.size);
        endpoint1 = Arrays.copyOf(b.endpoint1, b.size);
        changeFrames = Arrays.copyOf(b.changeFrames, b.changeCount);
        changeStreams = Arrays.copyOf(b.changeStreams, b.changeCount);
        changeCodes = Arrays.copyOf(b.changeCodes, b.changeCount);
        initialStates = new TcpState[b.trackers.size()][];
        for (int s = 0; s < initialStates.length; s++) {
            TcpConnectionTracker t = b.trackers.get(s);
            initialStates[s] = t == null ? null : new TcpState[] {t.initialState(0), t.initialState(1)};
        }
    }

    public int frameCount() {
        return endpoint0.length;
    }

    /** Whether frame {@code index} was fed as a TCP segment. */
    public boolean isTcp(int index) {
        return endpoint0[index] != NOT_TCP;
    }

    /** The state of {@code endpoint} of frame {@code index}'s stream after that frame, or null if not TCP. */
    public TcpState stateAfter(int index, int endpoint) {
        byte code = endpoint == 0 ? endpoint0[index] : endpoint1[index];
        return code == NOT_TCP ? null : TcpState.ofCode(code);
    }

    /** The state assumed for {@code endpoint} of {@code stream} before its first frame, or null. */
    public TcpState initialState(int stream, int endpoint) {
        return stream < 0 || stream >= initialStates.length || initialStates[stream] == null
                ? null : initialStates[stream][endpoint];
    }

    /** The state changes frame {@code index} caused, endpoint 0's first. */
    public List<StateChange> changes(int index) {
        int at = Arrays.binarySearch(changeFrames, index);
        if (at < 0) {
            return List.of();
        }
        while (at > 0 && changeFrames[at - 1] == index) {
            at--;
        }
        List<StateChange> result = new ArrayList<>(2);
        for (; at < changeFrames.length && changeFrames[at] == index; at++) {
            result.add(change(at));
        }
        return result;
    }

    /** Every state change of the capture, in frame order. */
    public List<StateChange> allChanges() {
        List<StateChange> result = new ArrayList<>(changeFrames.length);
        for (int i = 0; i < changeFrames.length; i++) {
            result.add(change(i));
        }
        return result;
    }

    private StateChange change(int i) {
        int code = changeCodes[i];
        return new StateChange(changeFrames[i] + 1, changeStreams[i], code >>> 16,
                TcpState.ofCode((code >>> 8) & 0xff), TcpState.ofCode(code & 0xff));
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        return 2L * endpoint0.length + 12L * changeFrames.length;
    }

    /** Feeds frames in capture order; one {@link TcpConnectionTracker} per stream. */
    public static final class Builder {
        private byte[] endpoint0;
        private byte[] endpoint1;
        private int size;
        private int[] changeFrames = new int[64];
        private int[] changeStreams = new int[64];
        private int[] changeCodes = new int[64];
        private int changeCount;
        private final List<TcpConnectionTracker> trackers = new ArrayList<>();

        public Builder(int expectedFrames) {
            int n = Math.max(16, expectedFrames);
            endpoint0 = new byte[n];
            endpoint1 = new byte[n];
        }

        /** Records a frame that is not a TCP segment (or whose TCP header could not be read). */
        public void skip() {
            int i = nextRow();
            endpoint0[i] = NOT_TCP;
            endpoint1[i] = NOT_TCP;
        }

        /**
         * Records a TCP segment of {@code stream} sent by {@code sender} (0 or 1), with the header's
         * flags, raw sequence and acknowledgement numbers and tcp.len.
         */
        public void segment(int stream, int sender, int flags, int sequence, int acknowledgement, int payloadLength) {
            segment(stream, sender, flags, sequence, acknowledgement, payloadLength, true);
        }

        /** A segment that may have been lost on the way ({@code delivered} false): only its sender's state moves. */
        public void segment(int stream, int sender, int flags, int sequence, int acknowledgement, int payloadLength,
                boolean delivered) {
            int i = nextRow();
            TcpConnectionTracker tracker = tracker(stream);
            TcpState before0 = tracker.state(0);
            TcpState before1 = tracker.state(1);
            tracker.observe(sender, flags, sequence, acknowledgement, payloadLength, delivered);
            if (before0 == null) {
                before0 = tracker.initialState(0);
                before1 = tracker.initialState(1);
            }
            TcpState after0 = tracker.state(0);
            TcpState after1 = tracker.state(1);
            endpoint0[i] = after0.code();
            endpoint1[i] = after1.code();
            if (before0 != after0) {
                addChange(i, stream, 0, before0, after0);
            }
            if (before1 != after1) {
                addChange(i, stream, 1, before1, after1);
            }
        }

        public TcpStateTimeline build() {
            return new TcpStateTimeline(this);
        }

        private TcpConnectionTracker tracker(int stream) {
            while (trackers.size() <= stream) {
                trackers.add(null);
            }
            TcpConnectionTracker t = trackers.get(stream);
            if (t == null) {
                t = new TcpConnectionTracker();
                trackers.set(stream, t);
            }
            return t;
        }

        private int nextRow() {
            if (size == endpoint0.length) {
                int n = size + (size >> 1);
                endpoint0 = Arrays.copyOf(endpoint0, n);
                endpoint1 = Arrays.copyOf(endpoint1, n);
            }
            return size++;
        }

        private void addChange(int frameIndex, int stream, int endpoint, TcpState from, TcpState to) {
            if (changeCount == changeFrames.length) {
                changeFrames = Arrays.copyOf(changeFrames, changeCount * 2);
                changeStreams = Arrays.copyOf(changeStreams, changeCount * 2);
                changeCodes = Arrays.copyOf(changeCodes, changeCount * 2);
            }
            changeFrames[changeCount] = frameIndex;
            changeStreams[changeCount] = stream;
            changeCodes[changeCount] = endpoint << 16 | from.ordinal() << 8 | to.ordinal();
            changeCount++;
        }
    }
}
