package org.wirelab.core.ladder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ladder diagram as plain text, what {@code wirelab show FILE} prints: a title per lane (tag, socket,
 * role), then one line per frame with its time relative to the first frame, an arrow from the sender's
 * lane to the receiver's, the frame's label, the TCP state changes it caused ("A: CLOSED -> SYN-SENT")
 * and expert notes ("! Retransmission"). Characters are 7-bit ASCII so any terminal shows them.
 *
 * <p>{@link #write} streams: each line is written as soon as it is made, from one reused line buffer, so
 * the memory it takes does not grow with the number of frames (a ladder of many lanes is bounded first
 * with {@link GroupedLadder}).
 */
public final class LadderTextRenderer {
    private static final int MINIMUM_LANE_GAP = 20;
    private static final int TITLE_PADDING = 3;
    private static final String TIME_HEADER = "Time";
    private static final int TIME_WIDTH = 12;
    private static final byte[] LABEL_GAP = {' ', ' '};
    /** Lines made at once by one thread. */
    private static final int BLOCK = 4096;
    private static final int BLOCK_BYTES = 1 << 20;

    private LadderTextRenderer() {
    }

    /** The whole diagram as one string: for small ladders (tests, a scenario's few frames). */
    public static String render(Ladder ladder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(ladder, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream never throws
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Writes the diagram to {@code out} line by line (for a terminal, {@link #write(Ladder, OutputStream)} is faster). */
    public static void write(Ladder ladder, Writer out) throws IOException {
        write(ladder, new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(new String(b, off, len, StandardCharsets.US_ASCII));
            }
        });
    }

    /**
     * Writes the diagram to {@code out}, in ASCII, line by line. The lines are made by blocks on every core
     * and written in frame order; a few blocks at most are in memory at once.
     */
    public static void write(Ladder ladder, OutputStream out) throws IOException {
        LadderLayout.Lanes layout = writeTitles(ladder.lanes(), out);
        int[] slanted = ladder.slantedArrows();
        writeRows(new Rows(ladder, layout, slanted, Arrays.stream(slanted).map(ladder::arrivalIndex).toArray(),
                Arrays.stream(slanted).map(ladder::fromLane).toArray(),
                Arrays.stream(slanted).map(ladder::toLane).toArray()), ladder.size(), out);
    }

    /** Writes the lanes' titles and roles, and returns their layout. */
    private static LadderLayout.Lanes writeTitles(List<Lane> lanes, OutputStream out) throws IOException {
        LadderLayout.Lanes layout = LadderLayout.lanes(lanes, String::length, MINIMUM_LANE_GAP, TITLE_PADDING);
        String[] titles = new String[lanes.size()];
        String[] roles = new String[lanes.size()];
        for (Lane lane : lanes) {
            titles[lane.index()] = LadderLayout.title(lane);
            roles[lane.index()] = "(" + lane.role() + ")";
        }
        out.write((pad(TIME_HEADER, TIME_WIDTH) + centred(titles, layout).stripTrailing() + '\n')
                .getBytes(StandardCharsets.US_ASCII));
        out.write((pad("", TIME_WIDTH) + centred(roles, layout).stripTrailing() + '\n')
                .getBytes(StandardCharsets.US_ASCII));
        return layout;
    }

    private static void writeRows(Rows rows, int count, OutputStream out) throws IOException {
        if (count <= BLOCK) {
            // Grown as needed: a part of a few rows takes a few hundred bytes, not the megabyte of a full block.
            AsciiLine block = new AsciiLine(Math.min(BLOCK_BYTES, 256 * (count + 1)));
            rows.make(0, count, block);
            out.write(block.bytes, 0, block.length);
            return;
        }
        writeInParallel(rows, count, out);
    }

    /**
     * Starts a diagram of {@code lanes} whose rows come a part at a time ({@link InParts#rows}): writes the
     * titles now. What it prints is what {@link #write} prints of the ladder of all the parts' rows.
     */
    public static InParts inParts(List<Lane> lanes, OutputStream out) throws IOException {
        return new InParts(writeTitles(lanes, out), out);
    }

    /**
     * A diagram written a part of its rows at a time: it carries from part to part only the slanted arrows
     * still on their way, so its memory does not grow with the rows.
     */
    public static final class InParts {
        private final LadderLayout.Lanes layout;
        private final OutputStream out;
        private int rowsWritten;
        // The slanted arrows sent in earlier parts that reach a row not yet written: rows counted from the first.
        private int[] sent = new int[0];
        private int[] arrivals = new int[0];
        private int[] from = new int[0];
        private int[] to = new int[0];

        private InParts(LadderLayout.Lanes layout, OutputStream out) {
            this.layout = layout;
            this.out = out;
        }

        /**
         * Writes the rows of {@code part}, the next rows of the diagram, its lanes the diagram's. Its arrows drawn
         * slanting are {@code slanted} (ascending), each reaching row {@code arrivals[k]} of the part (perhaps
         * beyond its last row, in a later part); {@code part.arrivalIndex} is not asked.
         */
        public void rows(Ladder part, int[] slanted, int[] arrivals) throws IOException {
            int carried = this.sent.length;
            int count = carried + slanted.length;
            int[] allSent = Arrays.copyOf(this.sent, count);
            int[] allArrivals = Arrays.copyOf(this.arrivals, count);
            int[] allFrom = Arrays.copyOf(this.from, count);
            int[] allTo = Arrays.copyOf(this.to, count);
            for (int k = 0; k < carried; k++) {
                allSent[k] -= rowsWritten;
                allArrivals[k] -= rowsWritten;
            }
            for (int k = 0; k < slanted.length; k++) {
                allSent[carried + k] = slanted[k];
                allArrivals[carried + k] = arrivals[k];
                allFrom[carried + k] = part.fromLane(slanted[k]);
                allTo[carried + k] = part.toLane(slanted[k]);
            }
            writeRows(new Rows(part, layout, allSent, allArrivals, allFrom, allTo), part.size(), out);
            // Keep those that reach a row of a later part, counted from the diagram's first row again.
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (allArrivals[k] > part.size()) {
                    allSent[kept] = allSent[k] + rowsWritten;
                    allArrivals[kept] = allArrivals[k] + rowsWritten;
                    allFrom[kept] = allFrom[k];
                    allTo[kept++] = allTo[k];
                }
            }
            this.sent = Arrays.copyOf(allSent, kept);
            this.arrivals = Arrays.copyOf(allArrivals, kept);
            this.from = Arrays.copyOf(allFrom, kept);
            this.to = Arrays.copyOf(allTo, kept);
            rowsWritten += part.size();
        }
    }

    /** Blocks of {@link #BLOCK} lines made by a pool of threads, written in order as each is ready. */
    private static void writeInParallel(Rows rows, int count, OutputStream out) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ladder-text");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<AsciiLine>> pending = new ArrayDeque<>();
            // Blocks already written, reused for the next ones: a megabyte each, a new one per block would
            // have the threads clear and the collector copy as many bytes as the diagram has.
            Queue<AsciiLine> written = new ConcurrentLinkedQueue<>();
            int next = 0;
            while (next < count || !pending.isEmpty()) {
                // Two blocks in flight per thread keep every core busy while the oldest is written.
                while (next < count && pending.size() < 2 * threads) {
                    int from = next;
                    int to = Math.min(count, from + BLOCK);
                    pending.add(pool.submit(() -> {
                        AsciiLine block = written.poll();
                        if (block == null) {
                            block = new AsciiLine(BLOCK_BYTES);
                        }
                        rows.make(from, to, block);
                        return block;
                    }));
                    next = to;
                }
                AsciiLine block = await(pending.poll());
                out.write(block.bytes, 0, block.length);
                block.length = 0;
                written.add(block);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static AsciiLine await(Future<AsciiLine> block) throws IOException {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the ladder");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What every line shares: the ladder, its layout and the bare lanes each row starts from. */
    private static final class Rows {
        /** Up to this many lanes, each (sender, receiver) pair's drawing is made once and copied. */
        private static final int DRAWINGS_CACHED_UP_TO_LANES = 32;

        private final Ladder ladder;
        private final LadderLayout.Lanes layout;
        private final byte[] lanesOnly;
        /** The arrows drawn slanting (FINs that crossed): the row each is sent at and reaches, and its lanes. */
        private final int[] slanted;
        private final int[] slantedArrivals;
        private final int[] slantedFrom;
        private final int[] slantedTo;
        /** The most rows a slanted arrow spans: the arrows sent longer ago than that span no row from here. */
        private final int longestSpan;

        /**
         * The rows of {@code ladder}; its slanted arrows given apart, in its rows (ascending; a part of a diagram
         * has those of earlier parts before its first row, and arrows reaching rows after its last).
         */
        Rows(Ladder ladder, LadderLayout.Lanes layout, int[] slanted, int[] slantedArrivals, int[] slantedFrom,
                int[] slantedTo) {
            this.ladder = ladder;
            this.layout = layout;
            this.slanted = slanted;
            this.slantedArrivals = slantedArrivals;
            this.slantedFrom = slantedFrom;
            this.slantedTo = slantedTo;
            int longest = 1;
            for (int k = 0; k < slanted.length; k++) {
                longest = Math.max(longest, slantedArrivals[k] - slanted[k]);
            }
            longestSpan = longest;
            lanesOnly = new byte[layout.width()];
            Arrays.fill(lanesOnly, (byte) ' ');
            for (int center : layout.centers()) {
                lanesOnly[center] = '|';
            }
        }

        /** The row arrow {@code i} reaches: its own unless it is one of the slanted ones. */
        private int arrivalIndex(int i) {
            int k = Arrays.binarySearch(slanted, i);
            return k >= 0 ? slantedArrivals[k] : i;
        }

        /**
         * Appends the lines of arrows {@code from} (inclusive) to {@code to} to {@code out}: the ladder writes
         * each label and its notes straight into the line (state changes first, then expert notes, joined by
         * "; " after three spaces), so that no arrow is made.
         */
        void make(int from, int to, AsciiLine out) {
            ArrowText text = new ArrowText(out, layout.count());
            int lanes = layout.count();
            // The lanes with the arrow of each (from, to) pair drawn, at from * lanes + to, made when first met
            // by this block (blocks are made on several threads at once).
            byte[][] drawings = lanes <= DRAWINGS_CACHED_UP_TO_LANES ? new byte[lanes * lanes][] : null;
            for (int i = from; i < to; i++) {
                int lineStart = out.length;
                out.seconds(ladder.relativeTimeNanos(i), TIME_WIDTH);
                int rowStart = out.length;
                int fromLane = ladder.fromLane(i);
                int toLane = ladder.toLane(i);
                boolean whole = slanted.length == 0 || arrivalIndex(i) <= i + 1;
                out.append(whole ? drawing(drawings, fromLane, toLane) : lanesOnly);
                if (slanted.length > 0 && spanned(i)) {
                    boolean drawable = fromLane >= 0 && toLane >= 0;
                    drawSlantedParts(this, i, whole && drawable ? Integer.signum(toLane - fromLane) : 0, out.bytes,
                            rowStart);
                }
                out.append(LABEL_GAP);
                text.start();
                ladder.writeText(i, text);
                out.stripTrailing(lineStart);
                out.append((byte) '\n');
            }
        }

        /** The first slanted arrow that may span {@code row} (ascending, as {@link Ladder#slantedArrows}). */
        int firstSpanning(int row) {
            int k = Arrays.binarySearch(slanted, row - longestSpan + 1);
            return k >= 0 ? k : -k - 1;
        }

        /** Whether a slanted arrow sent before {@code row} is still on its way there. */
        private boolean spanned(int row) {
            for (int k = firstSpanning(row); k < slanted.length && slanted[k] <= row; k++) {
                if (slantedArrivals[k] > row) {
                    return true;
                }
            }
            return false;
        }

        /** The lanes with an arrow from lane {@code fromLane} to {@code toLane}, or without when either is -1. */
        private byte[] drawing(byte[][] drawings, int fromLane, int toLane) {
            if (fromLane < 0 || toLane < 0) {
                return lanesOnly;
            }
            if (drawings == null) {
                return drawn(fromLane, toLane);
            }
            int at = fromLane * layout.count() + toLane;
            byte[] drawing = drawings[at];
            if (drawing == null) {
                drawing = drawn(fromLane, toLane);
                drawings[at] = drawing;
            }
            return drawing;
        }

        private byte[] drawn(int fromLane, int toLane) {
            byte[] row = lanesOnly.clone();
            drawArrow(row, 0, layout.center(fromLane), layout.center(toLane), row.length);
            return row;
        }
    }

    /**
     * The part on row {@code row} of each slanted arrow that spans it. An arrow sent at row s and taken at
     * row a covers its lanes' distance over rows s to a - 1, a share on each (a = s + 1: the whole arrow on
     * its row). Where its share runs over another arrow, one 'X' marks where they cross: two FINs that
     * crossed on the way are drawn crossing, as on the canvas and in RFC 9293 figure 13.
     */
    private static void drawSlantedParts(Rows rows, int row, int wholeDirection, byte[] bytes, int start) {
        // Which way the arrow drawn at each column goes (+1 right, -1 left, 0 none): only arrows going
        // opposite ways cross; one running over another the same way is not a crossing.
        byte[] directions = new byte[rows.lanesOnly.length];
        for (int column = 0; column < directions.length; column++) {
            byte there = bytes[start + column];
            directions[column] = (byte) (there == '-' || there == '<' || there == '>' ? wholeDirection : 0);
        }
        for (int k = rows.firstSpanning(row); k < rows.slanted.length && rows.slanted[k] <= row; k++) {
            int sent = rows.slanted[k];
            int arrival = rows.slantedArrivals[k];
            int fromLane = rows.slantedFrom[k];
            int toLane = rows.slantedTo[k];
            if (row >= arrival || arrival == sent + 1 || fromLane < 0 || toLane < 0 || fromLane == toLane) {
                continue;   // taken at the next row: drawn whole on its own
            }
            int from = rows.layout.center(fromLane);
            int direction = Integer.signum(rows.layout.center(toLane) - from);
            int distance = Math.abs(rows.layout.center(toLane) - from) - 1;
            int span = arrival - sent;
            int step = row - sent;
            // The columns between the two lanes, split evenly over the rows from the one it was sent at.
            int first = from + direction * (1 + distance * step / span);
            int last = from + direction * (distance * (step + 1) / span);
            int crossedFrom = -1;
            int crossedTo = -1;
            for (int column = first; direction > 0 ? column <= last : column >= last; column += direction) {
                if (directions[column] == 0) {
                    bytes[start + column] = '-';
                    directions[column] = (byte) direction;
                } else if (directions[column] != direction) {
                    crossedFrom = crossedFrom < 0 ? column : crossedFrom;
                    crossedTo = column;
                }
            }
            if (step == span - 1) {
                bytes[start + last] = (byte) (direction > 0 ? '>' : '<');
            }
            if (crossedFrom >= 0) {
                bytes[start + (crossedFrom + crossedTo) / 2] = 'X';
            }
        }
    }

    /** Draws an arrow from lane centre {@code from} to {@code to} into the row at {@code start}. */
    private static void drawArrow(byte[] row, int start, int from, int to, int width) {
        if (from == to) {
            // sender and receiver on one lane (e.g. a frame a host sends to itself)
            if (from + 3 < width) {
                row[start + from + 1] = '-';
                row[start + from + 2] = '-';
                row[start + from + 3] = '+';
            }
            return;
        }
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        Arrays.fill(row, start + low + 1, start + high, (byte) '-');
        if (to > from) {
            row[start + high - 1] = '>';
        } else {
            row[start + low + 1] = '<';
        }
    }

    /** Each text centred on its lane, on one line. */
    private static String centred(String[] texts, LadderLayout.Lanes layout) {
        char[] line = new char[layout.width() + 1];
        Arrays.fill(line, ' ');
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            int start = Math.max(0, layout.center(i) - text.length() / 2);
            for (int k = 0; k < text.length() && start + k < line.length; k++) {
                line[start + k] = text.charAt(k);
            }
        }
        return new String(line);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    /** Seconds with six decimals, as tshark's flow diagram prints times ("%.6f", microseconds rounded half up). */
    static String seconds(long nanos) {
        AsciiLine line = new AsciiLine(24);
        line.seconds(nanos, 0);
        return line.toString().strip();
    }
}
