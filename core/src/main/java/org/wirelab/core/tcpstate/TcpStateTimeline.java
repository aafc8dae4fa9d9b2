package org.wirelab.core.tcpstate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirelab.core.frame.PassProgress;

/**
 * The TCP state of both endpoints of each frame's stream after every frame of a capture, as each
 * endpoint itself would tell it: a segment changes its sender's state at its frame, and its receiver's
 * state only at the frame where the capture proves the receiver took it ({@link TcpArrivals}), or never.
 * Stored as two bytes per frame, plus the list of state changes (usually fewer than ten per stream) and
 * the few frames that arrived later than they were captured or never. The frame's stream number is not
 * kept: the conversation index has it. Frames are addressed by 0-based index; endpoints are 0 and 1
 * within a stream, as the builder's caller numbered them (the analysis uses 0 for the client).
 *
 * <p>Build it with {@link Builder}, feeding every frame in capture order.
 */
public final class TcpStateTimeline {
    static final byte NOT_TCP = -1;
    private static final int INFERRED = TcpConnectionTracker.INFERRED;

    private final byte[] endpoint0;
    private final byte[] endpoint1;
    private final int[] changeFrames;      // frame index of each change, ascending
    private final int[] changeStreams;
    private final int[] changeCauses;      // frame index of the segment that caused it
    private final int[] changeCodes;       // endpoint << 16 | from << 8 | to, each state with its INFERRED bit
    private final int[] lateFrames;        // frames taken later than their own index, or never, ascending
    private final int[] lateArrivals;      // the index each was taken at, or -1
    private final TcpState[][] initialStates;
    private final boolean[][] initialInferred;
    // The changes of each stream: changesOfStream[streamStarts[s] .. streamStarts[s + 1]) index them, in frame order.
    private final int[] streamStarts;
    private final int[] changesOfStream;

    /**
     * The timeline of a part of a file ({@link TcpStatesInParts}): indices count in the part; a change's cause
     * may be negative (a segment of an earlier part) and a late frame's arrival beyond the part.
     */
    static TcpStateTimeline ofPart(byte[] endpoint0, byte[] endpoint1, Changes changes, int[] lateFrames,
            int[] lateArrivals, TcpState[][] initialStates, boolean[][] initialInferred) {
        return new TcpStateTimeline(endpoint0, endpoint1, changes, lateFrames, lateArrivals, initialStates,
                initialInferred);
    }

    private TcpStateTimeline(byte[] endpoint0, byte[] endpoint1, Changes changes, int[] lateFrames,
            int[] lateArrivals, TcpState[][] initialStates, boolean[][] initialInferred) {
        this.endpoint0 = endpoint0;
        this.endpoint1 = endpoint1;
        this.changeFrames = Arrays.copyOf(changes.frames, changes.count);
        this.changeStreams = Arrays.copyOf(changes.streams, changes.count);
        this.changeCauses = Arrays.copyOf(changes.causes, changes.count);
        this.changeCodes = Arrays.copyOf(changes.codes, changes.count);
        this.lateFrames = lateFrames;
        this.lateArrivals = lateArrivals;
        this.initialStates = initialStates;
        this.initialInferred = initialInferred;
        this.streamStarts = new int[initialStates.length + 1];
        this.changesOfStream = new int[changeStreams.length];
        for (int stream : changeStreams) {
            streamStarts[stream + 1]++;
        }
        for (int s = 0; s < initialStates.length; s++) {
            streamStarts[s + 1] += streamStarts[s];
        }
        int[] filled = Arrays.copyOf(streamStarts, initialStates.length);
        for (int k = 0; k < changeStreams.length; k++) {
            changesOfStream[filled[changeStreams[k]]++] = k;
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
        return code == NOT_TCP ? null : TcpState.ofCode(code & ~INFERRED);
    }

    /** Whether {@link #stateAfter} is an inference rather than proven by the capture. */
    public boolean inferredAfter(int index, int endpoint) {
        byte code = endpoint == 0 ? endpoint0[index] : endpoint1[index];
        return code != NOT_TCP && (code & INFERRED) != 0;
    }

    /**
     * The state of {@code endpoint} of {@code stream} just before frame {@code index}: where its last
     * change before that frame left it, or its initial state. Looks only at that stream's changes (a
     * few), however many frames of other streams came between: the explanation of every frame of a
     * capture with thousands of connections stays linear.
     */
    public TcpState stateBefore(int index, int stream, int endpoint) {
        if (stream < 0 || stream >= initialStates.length) {
            return null;
        }
        for (int k = streamStarts[stream + 1] - 1; k >= streamStarts[stream]; k--) {
            int change = changesOfStream[k];
            if (changeFrames[change] < index && changeCodes[change] >>> 16 == endpoint) {
                return TcpState.ofCode((changeCodes[change] & 0xff) & ~INFERRED);
            }
        }
        return initialState(stream, endpoint);
    }

    /** The state assumed for {@code endpoint} of {@code stream} before its first frame, or null. */
    public TcpState initialState(int stream, int endpoint) {
        return stream < 0 || stream >= initialStates.length || initialStates[stream] == null
                ? null : initialStates[stream][endpoint];
    }

    /** Whether {@link #initialState} is an inference (the capture started after the handshake). */
    public boolean initialInferred(int stream, int endpoint) {
        return initialState(stream, endpoint) != null && initialInferred[stream][endpoint];
    }

    /**
     * The index of the frame at which the receiver of TCP segment {@code index} is shown to have taken
     * it: {@code index} itself for most segments, the receiver's acknowledging frame for a SYN or FIN,
     * -1 when the capture shows it never arrived (lost, or never acknowledged).
     */
    public int arrivalIndex(int index) {
        int at = Arrays.binarySearch(lateFrames, index);
        return at >= 0 ? lateArrivals[at] : index;
    }

    /** The frames that are taken after their own row, ascending (what a drawing slants). */
    public int[] lateFrames() {
        return lateFrames.clone();
    }

    /** The state changes shown at frame {@code index}, in the order they happened. */
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
    /** The 0-based indices of the frames at which a state changed, ascending, each once (no change made whole). */
    public int[] changedFrames() {
        int[] frames = new int[changeFrames.length];
        int count = 0;
        for (int frame : changeFrames) {
            if (count == 0 || frames[count - 1] != frame) {
                frames[count++] = frame;
            }
        }
        return Arrays.copyOf(frames, count);
    }

    public List<StateChange> allChanges() {
        List<StateChange> result = new ArrayList<>(changeFrames.length);
        for (int i = 0; i < changeFrames.length; i++) {
            result.add(change(i));
        }
        return result;
    }

    private StateChange change(int i) {
        int code = changeCodes[i];
        int from = (code >>> 8) & 0xff;
        int to = code & 0xff;
        return new StateChange(changeFrames[i] + 1, changeStreams[i], code >>> 16,
                TcpState.ofCode(from & ~INFERRED), TcpState.ofCode(to & ~INFERRED), changeCauses[i] + 1,
                (from & INFERRED) != 0, (to & INFERRED) != 0);
    }

    /** Heap bytes held, for the memory benchmark. */
    public long retainedBytes() {
        return 2L * endpoint0.length + 20L * changeFrames.length + 4L * streamStarts.length + 8L * lateFrames.length;
    }

    /** The changes in the order they are found: frames ascending. */
    static final class Changes {
        int[] frames = new int[64];
        int[] streams = new int[64];
        int[] causes = new int[64];
        int[] codes = new int[64];
        int count;

        void add(int frame, int stream, int cause, int endpoint, int from, int to) {
            if (count == frames.length) {
                frames = Arrays.copyOf(frames, 2 * count);
                streams = Arrays.copyOf(streams, 2 * count);
                causes = Arrays.copyOf(causes, 2 * count);
                codes = Arrays.copyOf(codes, 2 * count);
            }
            frames[count] = frame;
            streams[count] = stream;
            causes[count] = cause;
            codes[count++] = endpoint << 16 | from << 8 | to;
        }
    }

    /**
     * Takes the frames in capture order, then replays them: at each frame, first the segments its sender
     * is shown to have taken just before it, then the frame's own sending, then its own arrival when it
     * needs no later proof.
     */
    public static final class Builder {
        private int size;
        private int streams;
        private int[] stream;
        private byte[] sender;
        private short[] flags;
        private int[] sequence;
        private int[] acknowledgement;
        private int[] length;
        private boolean[] delivered;

        public Builder(int expectedFrames) {
            int n = Math.max(16, expectedFrames);
            stream = new int[n];
            sender = new byte[n];
            flags = new short[n];
            sequence = new int[n];
            acknowledgement = new int[n];
            length = new int[n];
            delivered = new boolean[n];
        }

        /** Records a frame that is not a TCP segment (or whose TCP header could not be read). */
        public void skip() {
            stream[nextRow()] = -1;
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
            this.stream[i] = stream;
            this.sender[i] = (byte) sender;
            this.flags[i] = (short) flags;
            this.sequence[i] = sequence;
            this.acknowledgement[i] = acknowledgement;
            this.length[i] = payloadLength;
            this.delivered[i] = delivered;
            streams = Math.max(streams, stream + 1);
        }

        public TcpStateTimeline build() {
            return build(PassProgress.NONE);
        }

        /** {@link #build()}, telling {@code progress} how far its two passes have gone, as one of twice the frames. */
        public TcpStateTimeline build(PassProgress progress) {
            TcpArrivals arrivals = TcpArrivals.of(size, streams, stream, sender, flags, sequence, acknowledgement,
                    length, delivered, progress);
            PassProgress replay = progress.within(size, 2 * size);
            TcpConnectionTracker[] trackers = new TcpConnectionTracker[streams];
            TcpState[][] initial = new TcpState[streams][];
            boolean[][] initialInferred = new boolean[streams][];
            for (int s = 0; s < streams; s++) {
                initial[s] = new TcpState[] {arrivals.initialState(s, 0), arrivals.initialState(s, 1)};
                initialInferred[s] = new boolean[] {arrivals.initialInferred(s, 0), arrivals.initialInferred(s, 1)};
            }
            // The late arrivals, ordered by the frame they are shown at, then by their own order.
            int late = 0;
            for (int i = 0; i < size; i++) {
                if (stream[i] >= 0 && arrivals.arrival(i) != i) {
                    late++;
                }
            }
            int[] lateFrames = new int[late];
            int[] lateArrivals = new int[late];
            long[] deferred = new long[late];
            int deferredCount = 0;
            for (int i = 0, k = 0; i < size; i++) {
                if (stream[i] >= 0 && arrivals.arrival(i) != i) {
                    lateFrames[k] = i;
                    lateArrivals[k++] = arrivals.arrival(i);
                    if (arrivals.arrival(i) != TcpArrivals.NEVER) {
                        deferred[deferredCount++] = (long) arrivals.arrival(i) << 32 | i;
                    }
                }
            }
            Arrays.sort(deferred, 0, deferredCount);
            byte[] endpoint0 = new byte[size];
            byte[] endpoint1 = new byte[size];
            Changes changes = new Changes();
            int next = 0;
            for (int i = 0; i < size; i++) {
                replay.at(i, size);
                int s = stream[i];
                if (s < 0) {
                    endpoint0[i] = NOT_TCP;
                    endpoint1[i] = NOT_TCP;
                    continue;
                }
                TcpConnectionTracker tracker = trackers[s];
                if (tracker == null) {
                    // Made at the stream's first frame: an analysis of a part of a file numbers streams in
                    // the file, most of which have no frame in the part.
                    tracker = new TcpConnectionTracker(arrivals.initialState(s, 0), arrivals.initialInferred(s, 0),
                            arrivals.initialState(s, 1), arrivals.initialInferred(s, 1));
                    trackers[s] = tracker;
                }
                for (; next < deferredCount && (int) (deferred[next] >>> 32) == i; next++) {
                    int cause = (int) deferred[next];
                    apply(tracker, changes, i, cause, 1 - sender[cause], false);
                }
                apply(tracker, changes, i, i, sender[i], true);
                if (arrivals.arrival(i) == i) {
                    apply(tracker, changes, i, i, 1 - sender[i], false);
                }
                endpoint0[i] = code(tracker, 0);
                endpoint1[i] = code(tracker, 1);
            }
            return new TcpStateTimeline(endpoint0, endpoint1, changes, lateFrames, lateArrivals, initial,
                    initialInferred);
        }

        private void apply(TcpConnectionTracker tracker, Changes changes, int at, int cause, int endpoint,
                boolean sending) {
            if (sending) {
                tracker.sent(endpoint, flags[cause], sequence[cause], acknowledgement[cause], length[cause]);
            } else {
                tracker.received(endpoint, flags[cause], sequence[cause], acknowledgement[cause], length[cause]);
            }
            for (int step : tracker.drainSteps()) {
                changes.add(at, stream[cause], cause, endpoint, step >>> 8, step & 0xff);
            }
        }

        private static byte code(TcpConnectionTracker tracker, int endpoint) {
            return (byte) tracker.code(endpoint);
        }

        private int nextRow() {
            if (size == stream.length) {
                int n = size + (size >> 1);
                stream = Arrays.copyOf(stream, n);
                sender = Arrays.copyOf(sender, n);
                flags = Arrays.copyOf(flags, n);
                sequence = Arrays.copyOf(sequence, n);
                acknowledgement = Arrays.copyOf(acknowledgement, n);
                length = Arrays.copyOf(length, n);
                delivered = Arrays.copyOf(delivered, n);
            }
            return size++;
        }
    }
}
