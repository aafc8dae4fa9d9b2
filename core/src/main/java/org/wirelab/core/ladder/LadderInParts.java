package org.wirelab.core.ladder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.FileReading;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStatesInParts;

/**
 * The text ladder of a capture file ({@link LadderTextRenderer}) read a part at a time, byte for byte what the
 * whole file's {@link CaptureLadder} gives, focused on a TCP stream or on the frames a display filter selects
 * as {@link FocusedLadder} does and grouped to a number of lanes as {@link GroupedLadder} does, in memory that
 * grows with the conversations and lanes, not with the frames: a file larger than the heap is drawn whole.
 *
 * <p>The file is read twice. The first reading ({@link #plan}) finds the lanes (their titles come first, and
 * which are grouped depends on how many arrows each has), how many TCP streams there are, and what the TCP
 * states need from later frames ({@link TcpStatesInParts.Outline}). The second ({@link Plan#write}) analyses
 * each part after the ones before it ({@link CaptureAnalysis#after}) and writes its rows as they are made.
 */
public final class LadderInParts {
    private LadderInParts() {
    }

    /**
     * Reads {@code file} once, {@code partFrames} frames at a time: the diagram's lanes, at most {@code maxLanes}
     * of them (at least 2), for TCP stream {@code stream} only (or null for every frame), and of those the frames
     * {@code filter} selects (or null).
     */
    public static Plan plan(Path file, int partFrames, Integer stream, DisplayFilter filter, int maxLanes)
            throws IOException {
        Plan plan = new Plan(file, partFrames, stream, filter);
        plan.read(maxLanes);
        return plan;
    }

    /** What the first reading found, and the second reading that writes the diagram. */
    public static final class Plan {
        private final Path file;
        private final int partFrames;
        private final Integer stream;
        private final DisplayFilter filter;
        private final TcpStatesInParts.Outline tcp = new TcpStatesInParts.Outline();
        private int tcpStreams;
        private FileReading reading;
        /** The lanes of the focused diagram before grouping. */
        private int focusedLanes;
        private GroupedLadder.Grouping grouping;
        /** The diagram's lane of each lane name of {@link LaneNames} (-1 for a name no arrow shown uses). */
        private int[] shownLane;
        /** The diagram's row of each frame at which a SYN or FIN was taken ({@link TcpStatesInParts.Outline#arrivalFrame}), -1 when not shown. */
        private int[] arrivalRows = new int[64];

        private Plan(Path file, int partFrames, Integer stream, DisplayFilter filter) {
            this.file = file;
            this.partFrames = partFrames;
            this.stream = stream;
            this.filter = filter;
        }

        private void read(int maxLanes) throws IOException {
            LaneNames names = new LaneNames();
            Selection selection = new Selection(stream, filter);
            // Base lanes in order of creation, as CaptureLadder makes them: a conversation's (2 * stream, + 1 for
            // UDP) at its first frame, an address (-1 - name) at its first host frame.
            int[] creations = new int[64];
            int creationCount = 0;
            boolean[] hostMade = new boolean[64];
            int[] focusOrder = new int[64];
            int focusCount = 0;
            boolean[] used = new boolean[64];
            long[] ends = new long[64];
            int selectedRows = 0;
            ConversationIndex last = null;
            try (CaptureSegments segments = CaptureSegments.open(file, partFrames)) {
                CaptureAnalysis analysis = null;
                for (FrameStore part = segments.next(); part != null; part = segments.next()) {
                    // A filter may read the TCP analysis and the trees; the lanes and states need only the summaries.
                    analysis = filter != null ? (analysis == null ? CaptureAnalysis.of(part)
                            : CaptureAnalysis.after(analysis, part)) : CaptureAnalysis.summariesAfter(analysis, part);
                    int arrivalsBefore = tcp.arrivalFrameCount();
                    tcp.part(analysis);
                    boolean[] selected = selection.select(analysis);
                    int[] rows = new int[analysis.size()];
                    for (int i = 0; i < analysis.size(); i++) {
                        names.next(analysis, i);
                        int grown = Math.max(names.count(), 1);
                        if (grown > hostMade.length) {
                            int n = Math.max(2 * hostMade.length, grown);
                            hostMade = Arrays.copyOf(hostMade, n);
                            used = Arrays.copyOf(used, n);
                            ends = Arrays.copyOf(ends, n);
                        }
                        if (names.newConversation >= 0) {
                            creations = add(creations, creationCount++, names.newConversation);
                        } else if (names.hosts) {
                            if (!hostMade[names.from]) {
                                hostMade[names.from] = true;
                                creations = add(creations, creationCount++, -1 - names.from);
                            }
                            if (!hostMade[names.to]) {
                                hostMade[names.to] = true;
                                creations = add(creations, creationCount++, -1 - names.to);
                            }
                        }
                        rows[i] = selectedRows;
                        if (selected != null && !selected[i]) {
                            continue;
                        }
                        selectedRows++;
                        if (names.from >= 0) {
                            ends[names.from]++;
                        }
                        if (names.to >= 0 && names.to != names.from) {
                            ends[names.to]++;
                        }
                        if (names.from >= 0 && !used[names.from]) {
                            used[names.from] = true;
                            focusOrder = add(focusOrder, focusCount++, names.from);
                        }
                        if (names.to >= 0 && !used[names.to]) {
                            used[names.to] = true;
                            focusOrder = add(focusOrder, focusCount++, names.to);
                        }
                    }
                    // The rows of the frames at which a SYN or FIN was taken: where a slanted arrow ends.
                    int first = part.firstIndex();
                    for (int k = arrivalsBefore; k < tcp.arrivalFrameCount(); k++) {
                        int i = tcp.arrivalFrame(k) - first;
                        arrivalRows = add(arrivalRows, k, selected == null || selected[i] ? rows[i] : -1);
                    }
                    last = analysis.conversations();
                }
                tcp.finish();
                reading = segments.reading();
            }
            tcpStreams = last == null ? 0 : last.tcpStreamCount();
            // The base ladder's lanes, in CaptureLadder's order, each with its role: a conversation's client first.
            int[] baseIndex = new int[names.count()];
            Arrays.fill(baseIndex, -1);
            List<Lane> base = new ArrayList<>();
            for (int k = 0; k < creationCount; k++) {
                int creation = creations[k];
                if (creation < 0) {
                    addLane(base, baseIndex, names, -1 - creation, "host");
                    continue;
                }
                int s = creation >> 1;
                Conversation conversation = (creation & 1) == 0 ? last.tcpConversation(s) : last.udpConversation(s);
                int a = names.sideA(creation);
                int b = names.sideB(creation);
                addLane(base, baseIndex, names, conversation.clientIsA() ? a : b, "client");
                addLane(base, baseIndex, names, conversation.clientIsA() ? b : a, "server");
            }
            // Focused on some frames, the lanes they use in order of first use (FocusedLadder); else the base's.
            boolean focused = stream != null || filter != null;
            int[] order = focused ? Arrays.copyOf(focusOrder, focusCount) : new int[base.size()];
            if (!focused) {
                for (Lane lane : base) {
                    order[lane.index()] = names.idOf(lane.name());
                }
            }
            List<Lane> lanes = new ArrayList<>(order.length);
            long[] laneEnds = new long[order.length];
            int[] focusIndex = new int[names.count()];
            Arrays.fill(focusIndex, -1);
            for (int k = 0; k < order.length; k++) {
                lanes.add(new Lane(k, names.name(order[k]), base.get(baseIndex[order[k]]).role()));
                laneEnds[k] = ends[order[k]];
                focusIndex[order[k]] = k;
            }
            focusedLanes = lanes.size();
            grouping = GroupedLadder.Grouping.of(lanes, laneEnds, maxLanes);
            shownLane = new int[names.count()];
            for (int id = 0; id < shownLane.length; id++) {
                shownLane[id] = focusIndex[id] < 0 ? -1 : grouping.laneMap()[focusIndex[id]];
            }
        }

        private static void addLane(List<Lane> base, int[] baseIndex, LaneNames names, int id, String role) {
            if (baseIndex[id] < 0) {
                baseIndex[id] = base.size();
                base.add(new Lane(base.size(), names.name(id), role));
            }
        }

        /** TCP streams in the file. */
        public int tcpStreamCount() {
            return tcpStreams;
        }

        /** What the first reading found of the whole file: its frames, its damage, its format. */
        public FileReading reading() {
            return reading;
        }

        /** The diagram's lanes, grouped. */
        public List<Lane> lanes() {
            return grouping.lanes();
        }

        /** How many lanes the diagram has before grouping. */
        public int laneCount() {
            return focusedLanes;
        }

        /** How many lanes share the last one (0 when none were grouped). */
        public int groupedLanes() {
            return grouping.grouped();
        }

        /** Reads the file again, a part at a time, and writes the diagram to {@code out} as each part's rows are made. */
        public void write(OutputStream out) throws IOException {
            LadderTextRenderer.InParts diagram = LadderTextRenderer.inParts(lanes(), out);
            TcpStatesInParts.Replay replay = new TcpStatesInParts.Replay(tcp);
            LaneNames names = new LaneNames();
            Selection selection = new Selection(stream, filter);
            int rowsWritten = 0;
            try (CaptureSegments segments = CaptureSegments.open(file, partFrames)) {
                CaptureAnalysis analysis = null;
                while (segments.framesRead() < reading.frames()) {
                    FrameStore part = segments.next(Math.min(partFrames, reading.frames() - segments.framesRead()));
                    if (part == null) {
                        throw new IOException(file + " changed while it was read");
                    }
                    analysis = analysis == null ? CaptureAnalysis.of(part) : CaptureAnalysis.after(analysis, part);
                    TcpStateTimeline states = replay.part(analysis);
                    boolean[] selected = selection.select(analysis);
                    PartRows rows = new PartRows(CaptureLadder.of(analysis, states), lanes(), names, shownLane,
                            selected);
                    int[] slantedFrames = replay.slantedFrames();
                    int[] slantedArrivals = replay.slantedArrivals();
                    int[] slanted = new int[slantedFrames.length];
                    int[] reached = new int[slantedFrames.length];
                    int count = 0;
                    for (int k = 0; k < slantedFrames.length; k++) {
                        int row = rows.rowOf(slantedFrames[k]);
                        int arrivalRow = arrivalRow(part.firstIndex() + slantedArrivals[k]);
                        // Focused, an arrow slants only when the row it reaches is shown too (FocusedLadder).
                        if (row >= 0 && arrivalRow > rowsWritten + row) {
                            slanted[count] = row;
                            reached[count++] = arrivalRow - rowsWritten;
                        }
                    }
                    diagram.rows(rows, Arrays.copyOf(slanted, count), Arrays.copyOf(reached, count));
                    rowsWritten += rows.size();
                }
            }
            out.flush();
        }

        /** The diagram's row of file frame {@code frame}, at which a SYN or FIN was taken, or -1 when it is not shown. */
        private int arrivalRow(int frame) {
            int lo = 0;
            int hi = tcp.arrivalFrameCount() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int at = tcp.arrivalFrame(mid);
                if (at < frame) {
                    lo = mid + 1;
                } else if (at > frame) {
                    hi = mid - 1;
                } else {
                    return arrivalRows[mid];
                }
            }
            return -1;
        }
    }

    /** The frames of each part a TCP stream and a display filter select, each reading with its own fields. */
    private static final class Selection {
        private final Integer stream;
        private final DisplayFilter filter;
        private final boolean readsTrees;
        private CaptureFields fields;

        Selection(Integer stream, DisplayFilter filter) {
            this.stream = stream;
            this.filter = filter;
            readsTrees = filter != null && CaptureFields.readsTrees(filter.fieldNames());
        }

        /** Which frames of {@code part} are shown (null: all). */
        boolean[] select(CaptureAnalysis part) {
            if (stream == null && filter == null) {
                return null;
            }
            boolean[] selected = new boolean[part.size()];
            DisplayFilter.Matcher matcher = null;
            if (filter != null) {
                fields = fields != null && readsTrees ? CaptureFields.after(fields, part) : new CaptureFields(part);
                matcher = filter.matcher(fields);
            }
            ConversationIndex conversations = part.conversations();
            for (int i = 0; i < selected.length; i++) {
                selected[i] = (stream == null || conversations.tcpStream(i) == stream)
                        && (matcher == null || matcher.matches(i));
            }
            return selected;
        }
    }

    /** One part's rows: the arrows of the frames shown, on the diagram's lanes. */
    private static final class PartRows implements Ladder {
        private final CaptureLadder part;
        private final List<Lane> lanes;
        private final int[] frames;
        private final int[] rowOfFrame;
        private final int[] from;
        private final int[] to;
        /** The diagram's lane of each lane of the part's own ladder, for its state notes. */
        private final int[] partLanes;

        PartRows(CaptureLadder part, List<Lane> lanes, LaneNames names, int[] shownLane, boolean[] selected) {
            this.part = part;
            this.lanes = lanes;
            int size = part.size();
            int[] shown = new int[size];
            rowOfFrame = new int[size];
            int[] fromLanes = new int[size];
            int[] toLanes = new int[size];
            int count = 0;
            CaptureAnalysis analysis = part.analysis();
            for (int i = 0; i < size; i++) {
                names.next(analysis, i);
                if (selected != null && !selected[i]) {
                    rowOfFrame[i] = -1;
                    continue;
                }
                rowOfFrame[i] = count;
                shown[count] = i;
                fromLanes[count] = names.from < 0 ? -1 : shownLane[names.from];
                toLanes[count++] = names.to < 0 ? -1 : shownLane[names.to];
            }
            frames = Arrays.copyOf(shown, count);
            from = Arrays.copyOf(fromLanes, count);
            to = Arrays.copyOf(toLanes, count);
            // A lane of the part's own ladder is the diagram's lane of the frames it draws there. Its TCP state notes
            // are on a TCP frame's own lanes, which are the same sockets in both: no name is looked up.
            partLanes = new int[part.lanes().size()];
            for (int row = 0; row < count; row++) {
                int i = shown[row];
                if (part.fromLane(i) >= 0 && from[row] >= 0) {
                    partLanes[part.fromLane(i)] = from[row];
                }
                if (part.toLane(i) >= 0 && to[row] >= 0) {
                    partLanes[part.toLane(i)] = to[row];
                }
            }
        }

        /** The row of the part's frame {@code i}, or -1 when it is not shown. */
        int rowOf(int i) {
            return rowOfFrame[i];
        }

        @Override
        public List<Lane> lanes() {
            return lanes;
        }

        @Override
        public int size() {
            return frames.length;
        }

        @Override
        public int fromLane(int index) {
            return from[index];
        }

        @Override
        public int toLane(int index) {
            return to[index];
        }

        @Override
        public int frameNumber(int index) {
            return part.frameNumber(frames[index]);
        }

        @Override
        public long relativeTimeNanos(int index) {
            return part.relativeTimeNanos(frames[index]);
        }

        @Override
        public void writeText(int index, ArrowText text) {
            part.writeText(frames[index], text.through(partLanes));
        }

        @Override
        public Arrow arrow(int index) {
            Arrow a = part.arrow(frames[index]);
            List<LaneNote> notes = new ArrayList<>(a.notes().size());
            for (LaneNote note : a.notes()) {
                notes.add(new LaneNote(note.lane() < 0 ? note.lane() : partLanes[note.lane()], note.kind(), note.text()));
            }
            return new Arrow(a.frameNumber(), from[index], to[index], a.relativeTimeNanos(), a.label(), notes, a.tcp());
        }
    }

    private static int[] add(int[] array, int at, int value) {
        int[] grown = at < array.length ? array : Arrays.copyOf(array, Math.max(2 * array.length, at + 1));
        grown[at] = value;
        return grown;
    }
}
