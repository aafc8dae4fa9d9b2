package org.wirelab.core.tcpstate;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * The TCP state timeline of a file read a part at a time, each part's {@link TcpStateTimeline} the one the
 * whole file's ({@link TcpStates#of}) gives its frames, in memory that grows with the streams, not the frames.
 *
 * <p>When a SYN or FIN arrived is proven by a later acknowledgement, perhaps parts later, and whether an ACK
 * arrived by a FIN its peer may send again later ({@link TcpArrivals}): so the file is read twice. The first
 * reading ({@link Outline}) keeps, per flow, what {@link TcpArrivals}'s first pass keeps, and, per SYN and FIN,
 * when it was taken; the second ({@link Replay}) gives every other segment its arrival in its sender's order
 * and replays the trackers, carrying them and the receptions still to come from part to part.
 */
public final class TcpStatesInParts {
    static final int NEVER = TcpArrivals.NEVER;

    private TcpStatesInParts() {
    }

    /** The first reading: each SYN's and FIN's arrival, each flow's last FIN, each stream's first states. */
    public static final class Outline {
        // Per flow (2 * stream + sender, the client sending 0), grown as streams appear.
        private int[][] pending = new int[64][];
        private int[] pendingCount = new int[64];
        private int[] lastFinFrame = filled(64, -1);
        private int[] finEnd = new int[64];
        private int[] highestAck = new int[64];
        private boolean[] acked = new boolean[64];
        // Per stream.
        private TcpState[][] initial = new TcpState[32][];
        private boolean[][] inferred = new boolean[32][];
        private int[] firstSyn = filled(32, -1);
        private int streams;
        // Each SYN and FIN (without RST), in frame order: its frame, flow, FIN flag and arrival.
        private int[] synFinFrames = new int[64];
        private int[] synFinFlows = new int[64];
        private boolean[] synFinIsFin = new boolean[64];
        private int[] synFinArrivals = new int[64];
        private int synFins;
        /** The frames at which a SYN or FIN was shown taken, ascending, each once. */
        private int[] arrivalFrames = new int[64];
        private int arrivalFrameCount;
        private boolean finished;
        // After finish: where a FIN crossed its peer's, each stream's frames from..to taken late are drawn slanting.
        private int[] crossingStreams = new int[0];
        private int[] crossingFrom = new int[0];
        private int[] crossingTo = new int[0];
        private int longestCrossing;
        /** Per stream, its last TCP segment's frame. */
        private int[] lastFrames = new int[32];

        /** Reads the TCP segments of the file's next part (its summaries and conversations suffice). */
        public void part(CaptureAnalysis part) {
            PacketTable table = part.packets();
            ConversationIndex conversations = part.conversations();
            int first = part.frames().firstIndex();
            for (int i = 0; i < table.size(); i++) {
                int stream = conversations.tcpStream(i);
                if (stream == ConversationIndex.NONE || !TcpReach.hasValidHeaderLength(part.frames(), table, i)) {
                    continue;
                }
                segment(first + i, stream, conversations.fromClient(i) ? 0 : 1, table.tcpFlags(i), table.sequence(i),
                        table.acknowledgement(i), table.payloadLength(i));
            }
        }

        /** {@link TcpArrivals}'s first pass for one segment, frame {@code frame} of the file. */
        private void segment(int frame, int s, int sender, int f, int sequence, int acknowledgement, int length) {
            grow(s);
            lastFrames[s] = frame;
            int flow = 2 * s + sender;
            int reverse = flow ^ 1;
            if (initial[s] == null) {
                initial[s] = TcpArrivals.firstStates(f, sender);
                inferred[s] = new boolean[] {initial[s][0] == TcpState.ESTABLISHED, initial[s][1] == TcpState.ESTABLISHED};
                if ((f & (Tcp.SYN | Tcp.ACK)) == Tcp.SYN) {
                    firstSyn[s] = sender;
                }
            } else if (firstSyn[s] >= 0 && sender != firstSyn[s]) {
                initial[s][sender] = (f & Tcp.SYN) != 0 ? ((f & Tcp.ACK) != 0 ? TcpState.LISTEN : TcpState.CLOSED)
                        : (f & Tcp.RST) != 0 ? TcpState.CLOSED : TcpState.UNKNOWN;
                firstSyn[s] = -1;
            }
            if ((f & Tcp.ACK) != 0) {
                if (!acked[flow] || acknowledgement - highestAck[flow] > 0) {
                    highestAck[flow] = acknowledgement;
                    acked[flow] = true;
                }
                int[] list = pending[reverse];
                int kept = 0;
                for (int k = 0; k < pendingCount[reverse]; k++) {
                    int r = list[k];
                    if (acknowledgement - synFinArrivals[r] >= 0) {     // the pending SYN or FIN's end
                        synFinArrivals[r] = frame;
                        if (arrivalFrameCount == 0 || arrivalFrames[arrivalFrameCount - 1] != frame) {
                            arrivalFrames = ensure(arrivalFrames, arrivalFrameCount);
                            arrivalFrames[arrivalFrameCount++] = frame;
                        }
                    } else {
                        list[kept++] = r;
                    }
                }
                pendingCount[reverse] = kept;
            }
            if ((f & (Tcp.SYN | Tcp.FIN)) != 0 && (f & Tcp.RST) == 0) {
                int end = sequence + length + ((f & Tcp.SYN) != 0 ? 1 : 0) + ((f & Tcp.FIN) != 0 ? 1 : 0);
                if ((f & Tcp.FIN) != 0) {
                    lastFinFrame[flow] = frame;
                    finEnd[flow] = end;
                }
                int r = synFins++;
                synFinFrames = ensure(synFinFrames, r);
                synFinFlows = ensure(synFinFlows, r);
                synFinArrivals = ensure(synFinArrivals, r);
                if (r == synFinIsFin.length) {
                    synFinIsFin = Arrays.copyOf(synFinIsFin, 2 * r);
                }
                synFinFrames[r] = frame;
                synFinFlows[r] = flow;
                synFinIsFin[r] = (f & Tcp.FIN) != 0;
                if (acked[reverse] && highestAck[reverse] - end >= 0) {
                    synFinArrivals[r] = frame;      // acknowledged before it was captured: changes nothing
                } else {
                    // Pending: its arrival field holds its end until an acknowledgement covers it.
                    synFinArrivals[r] = end;
                    if (pending[flow] == null) {
                        pending[flow] = new int[4];
                    } else if (pendingCount[flow] == pending[flow].length) {
                        pending[flow] = Arrays.copyOf(pending[flow], 2 * pendingCount[flow]);
                    }
                    pending[flow][pendingCount[flow]++] = r;
                }
            }
        }

        /**
         * Ends the first reading: a SYN or FIN nothing acknowledged never arrived, one acknowledged arrived no
         * earlier than the SYNs and FINs its sender sent before it; then the FINs that crossed.
         */
        public void finish() {
            for (int flow = 0; flow < 2 * streams; flow++) {
                for (int k = 0; k < pendingCount[flow]; k++) {
                    synFinArrivals[pending[flow][k]] = NEVER;
                }
                pending[flow] = null;
                pendingCount[flow] = 0;
            }
            int[] latest = filled(2 * streams, -1);
            for (int r = 0; r < synFins; r++) {
                int arrival = synFinArrivals[r];
                if (arrival != synFinFrames[r] && arrival != NEVER) {
                    arrival = Math.max(arrival, latest[synFinFlows[r]]);
                    synFinArrivals[r] = arrival;
                    latest[synFinFlows[r]] = arrival;
                }
            }
            findCrossingFins();
            finished = true;
        }

        /** As CaptureLadder does over the late frames: a FIN taken late and the peer's FIN sent before that. */
        private void findCrossingFins() {
            int[] streamsOf = new int[8];
            int[] from = new int[8];
            int[] to = new int[8];
            int count = 0;
            for (int k = 0; k < synFins; k++) {
                int i = synFinFrames[k];
                int arrival = synFinArrivals[k];
                if (!synFinIsFin[k] || arrival == i || arrival == NEVER) {
                    continue;
                }
                for (int m = k + 1; m < synFins && synFinFrames[m] < arrival; m++) {
                    int j = synFinFrames[m];
                    if (synFinIsFin[m] && synFinArrivals[m] > j && synFinFlows[m] == (synFinFlows[k] ^ 1)) {
                        if (count == from.length) {
                            streamsOf = Arrays.copyOf(streamsOf, 2 * count);
                            from = Arrays.copyOf(from, 2 * count);
                            to = Arrays.copyOf(to, 2 * count);
                        }
                        streamsOf[count] = synFinFlows[k] >> 1;
                        from[count] = i;
                        to[count++] = Math.max(arrival, synFinArrivals[m]);
                    }
                }
            }
            crossingStreams = Arrays.copyOf(streamsOf, count);
            crossingFrom = Arrays.copyOf(from, count);
            crossingTo = Arrays.copyOf(to, count);
            for (int k = 0; k < count; k++) {
                longestCrossing = Math.max(longestCrossing, crossingTo[k] - crossingFrom[k]);
            }
        }

        /** How many frames a SYN or FIN was shown taken at (file frames, ascending). */
        public int arrivalFrameCount() {
            return arrivalFrameCount;
        }

        /** The {@code k}th of them. */
        public int arrivalFrame(int k) {
            return arrivalFrames[k];
        }

        /**
         * Whether frame {@code frame} of {@code stream}, taken late, is drawn slanting: a FIN of its stream that
         * crossed the peer's was sent at or before it, and the crossing FINs were not both taken before it.
         */
        boolean slanted(int stream, int frame) {
            // The crossings are in order of their first FIN: only those that began at most the longest span before.
            int k = Arrays.binarySearch(crossingFrom, frame);
            k = k >= 0 ? k : -k - 2;
            while (k + 1 < crossingFrom.length && crossingFrom[k + 1] == frame) {
                k++;
            }
            for (; k >= 0 && frame - crossingFrom[k] < longestCrossing; k--) {
                if (crossingStreams[k] == stream && frame < crossingTo[k]) {
                    return true;
                }
            }
            return false;
        }

        /** The last frame of {@code stream} read as a TCP segment, after which its tracker is no longer needed. */
        int lastFrame(int stream) {
            return lastFrames[stream];
        }

        private void grow(int stream) {
            if (stream >= streams) {
                streams = stream + 1;
            }
            if (stream >= initial.length) {
                int n = Math.max(2 * initial.length, stream + 1);
                initial = Arrays.copyOf(initial, n);
                inferred = Arrays.copyOf(inferred, n);
                int old = firstSyn.length;
                firstSyn = Arrays.copyOf(firstSyn, n);
                Arrays.fill(firstSyn, old, n, -1);
                lastFrames = Arrays.copyOf(lastFrames, n);
            }
            if (2 * stream + 1 >= pendingCount.length) {
                int n = Math.max(2 * pendingCount.length, 2 * stream + 2);
                pending = Arrays.copyOf(pending, n);
                pendingCount = Arrays.copyOf(pendingCount, n);
                int old = lastFinFrame.length;
                lastFinFrame = Arrays.copyOf(lastFinFrame, n);
                Arrays.fill(lastFinFrame, old, n, -1);
                finEnd = Arrays.copyOf(finEnd, n);
                highestAck = Arrays.copyOf(highestAck, n);
                acked = Arrays.copyOf(acked, n);
            }
        }
    }

    /**
     * The second reading: each part's timeline, from the outline and what the parts before left (each flow's
     * latest arrival, each stream's tracker, the receptions shown in a later part).
     */
    public static final class Replay {
        private final Outline outline;
        private final TcpState[][] initial;
        private final boolean[][] initialInferred;
        private final int[] latest;
        private final TcpConnectionTracker[] trackers;
        /** The next SYN or FIN of the outline, in frame order. */
        private int nextSynFin;
        /** Segments whose receiver takes them at a later frame, by that frame, then by their own. */
        private final PriorityQueue<Reception> receptions = new PriorityQueue<>();
        /** The frames of the last part drawn slanting (late FINs that crossed and what they held back), ascending. */
        private int[] slantedFrames = new int[0];
        private int[] slantedArrivals = new int[0];

        public Replay(Outline outline) {
            if (!outline.finished) {
                throw new IllegalStateException("the outline is not finished");
            }
            this.outline = outline;
            int streams = outline.streams;
            initial = new TcpState[streams][];
            initialInferred = new boolean[streams][];
            for (int s = 0; s < streams; s++) {
                boolean seen = outline.initial[s] != null;
                initial[s] = seen ? outline.initial[s] : new TcpState[] {TcpState.UNKNOWN, TcpState.UNKNOWN};
                initialInferred[s] = seen ? outline.inferred[s] : new boolean[2];
            }
            latest = filled(2 * streams, -1);
            trackers = new TcpConnectionTracker[streams];
        }

        private record Reception(int arrival, int cause, int stream, int receiver, int flags, int sequence,
                int acknowledgement, int length) implements Comparable<Reception> {
            @Override
            public int compareTo(Reception other) {
                return arrival != other.arrival ? Integer.compare(arrival, other.arrival)
                        : Integer.compare(cause, other.cause);
            }
        }

        /** The timeline of the file's next part, its indices counting in the part. */
        public TcpStateTimeline part(CaptureAnalysis part) {
            PacketTable table = part.packets();
            ConversationIndex conversations = part.conversations();
            int first = part.frames().firstIndex();
            int size = table.size();
            byte[] endpoint0 = new byte[size];
            byte[] endpoint1 = new byte[size];
            TcpStateTimeline.Changes changes = new TcpStateTimeline.Changes();
            int[] lateFrames = new int[16];
            int[] lateArrivals = new int[16];
            int late = 0;
            int[] slanted = new int[4];
            int[] slantedTo = new int[4];
            int slantedCount = 0;
            for (int i = 0; i < size; i++) {
                int s = conversations.tcpStream(i);
                if (s == ConversationIndex.NONE || !TcpReach.hasValidHeaderLength(part.frames(), table, i)) {
                    endpoint0[i] = TcpStateTimeline.NOT_TCP;
                    endpoint1[i] = TcpStateTimeline.NOT_TCP;
                    continue;
                }
                int frame = first + i;
                int sender = conversations.fromClient(i) ? 0 : 1;
                int f = table.tcpFlags(i);
                int arrival = arrival(frame, 2 * s + sender, f, table.acknowledgement(i));
                TcpConnectionTracker tracker = trackers[s];
                if (tracker == null) {
                    tracker = new TcpConnectionTracker(initial[s][0], initialInferred[s][0], initial[s][1],
                            initialInferred[s][1]);
                    trackers[s] = tracker;
                }
                while (!receptions.isEmpty() && receptions.peek().arrival() == frame) {
                    Reception r = receptions.poll();
                    tracker = trackers[r.stream()];
                    tracker.received(r.receiver(), r.flags(), r.sequence(), r.acknowledgement(), r.length());
                    drain(tracker, changes, i, r.stream(), r.cause() - first, r.receiver());
                }
                tracker = trackers[s];
                tracker.sent(sender, f, table.sequence(i), table.acknowledgement(i), table.payloadLength(i));
                drain(tracker, changes, i, s, i, sender);
                if (arrival == frame) {
                    tracker.received(1 - sender, f, table.sequence(i), table.acknowledgement(i), table.payloadLength(i));
                    drain(tracker, changes, i, s, i, 1 - sender);
                } else {
                    if (late == lateFrames.length) {
                        lateFrames = Arrays.copyOf(lateFrames, 2 * late);
                        lateArrivals = Arrays.copyOf(lateArrivals, 2 * late);
                    }
                    lateFrames[late] = i;
                    lateArrivals[late++] = arrival == NEVER ? NEVER : arrival - first;
                    if (arrival != NEVER) {
                        receptions.add(new Reception(arrival, frame, s, 1 - sender, f, table.sequence(i),
                                table.acknowledgement(i), table.payloadLength(i)));
                        if (outline.slanted(s, frame)) {
                            if (slantedCount == slanted.length) {
                                slanted = Arrays.copyOf(slanted, 2 * slantedCount);
                                slantedTo = Arrays.copyOf(slantedTo, 2 * slantedCount);
                            }
                            slanted[slantedCount] = i;
                            slantedTo[slantedCount++] = arrival - first;
                        }
                    }
                }
                endpoint0[i] = (byte) tracker.code(0);
                endpoint1[i] = (byte) tracker.code(1);
                if (outline.lastFrame(s) == frame) {
                    trackers[s] = null;   // its last segment: every reception it waited for came at or before it
                }
            }
            slantedFrames = Arrays.copyOf(slanted, slantedCount);
            slantedArrivals = Arrays.copyOf(slantedTo, slantedCount);
            return TcpStateTimeline.ofPart(endpoint0, endpoint1, changes, Arrays.copyOf(lateFrames, late),
                    Arrays.copyOf(lateArrivals, late), initial, initialInferred);
        }

        /**
         * The frames of the last part drawn slanting (FINs that crossed, as {@code CaptureLadder} finds them in
         * a whole file), ascending, indices counting in the part.
         */
        public int[] slantedFrames() {
            return slantedFrames.clone();
        }

        /** The index (counting in the last part, perhaps beyond it) at which each of {@link #slantedFrames} was taken. */
        public int[] slantedArrivals() {
            return slantedArrivals.clone();
        }

        /** {@link TcpArrivals}: a SYN's or FIN's arrival from the outline, another segment's in its sender's order. */
        private int arrival(int frame, int flow, int f, int acknowledgement) {
            if ((f & (Tcp.SYN | Tcp.FIN)) != 0 && (f & Tcp.RST) == 0) {
                while (outline.synFinFrames[nextSynFin] < frame) {
                    nextSynFin++;
                }
                int arrival = outline.synFinArrivals[nextSynFin++];
                if (arrival != frame && arrival != NEVER) {
                    latest[flow] = arrival;
                }
                return arrival;
            }
            int reverse = flow ^ 1;
            boolean finSentAgainLater = (f & Tcp.ACK) != 0 && outline.lastFinFrame[reverse] > frame
                    && acknowledgement - outline.finEnd[reverse] >= 0;
            if (finSentAgainLater) {
                return NEVER;
            }
            latest[flow] = Math.max(frame, latest[flow]);
            return latest[flow];
        }

        private static void drain(TcpConnectionTracker tracker, TcpStateTimeline.Changes changes, int at, int stream,
                int cause, int endpoint) {
            for (int step : tracker.drainSteps()) {
                changes.add(at, stream, cause, endpoint, step >>> 8, step & 0xff);
            }
        }
    }

    private static int[] filled(int n, int value) {
        int[] array = new int[n];
        Arrays.fill(array, value);
        return array;
    }

    private static int[] ensure(int[] array, int count) {
        return count < array.length ? array : Arrays.copyOf(array, 2 * array.length);
    }
}
