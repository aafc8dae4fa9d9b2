package org.wirelab.core.pcap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;

/** Reads a whole pcap or pcapng file into a {@link FrameStore}, and describes it in a sentence. */
public final class CaptureFiles {
    /** How often a long read tells how far it is, in frames. */
    public static final int COUNT_EVERY = 4096;
    /**
     * The first frames go into a small store; their bytes per frame, scaled to the file's length, then
     * size the store for the rest, so a million frames neither grow the arrays step by step nor leave
     * columns for frames that never come.
     */
    private static final int SAMPLE_FRAMES = 4096;
    private static final double ESTIMATE_MARGIN = 1.05;
    /** Frames are numbered with an int, as in Wireshark's frame.number. */
    private static final int MAX_FRAMES = Integer.MAX_VALUE - 16;
    /** Bytes a frame costs in the store's columns (offset, length, timestamp, original length, link type). */
    private static final int COLUMN_BYTES = 22;

    private CaptureFiles() {
    }

    /**
     * Told how far a long read has come, every {@value #COUNT_EVERY} frames and at the end, on the
     * reading thread: a viewer's count moves while a long file loads. It may throw an unchecked
     * exception to stop the reading.
     */
    @FunctionalInterface
    public interface Progress {
        /** {@code frames} read so far, reaching {@code fraction} (0 to 1) of the file's bytes. */
        void reached(int frames, double fraction);
    }

    /**
     * Every frame of {@code file}. Damage after a good header ends the frames early and is reported
     * in {@link CaptureFile#warnings()}; a file that is not a capture throws {@link CaptureFormatException}.
     * A regular file's frames stay in the file, memory-mapped ({@link FrameStore#mapped}), so a file
     * larger than the heap can be read.
     */
    public static CaptureFile read(Path file) throws IOException {
        return read(file, (frames, fraction) -> { });
    }

    /** As {@link #read(Path)}, telling {@code progress} how far it has come. */
    public static CaptureFile read(Path file, Progress progress) throws IOException {
        return read(FileChannel.open(file, StandardOpenOption.READ), progress);
    }

    /** Every frame of the capture in {@code channel} from its position on; closes the channel. */
    public static CaptureFile read(SeekableByteChannel channel) throws IOException {
        return read(channel, (frames, fraction) -> { });
    }

    /**
     * As {@link #read(SeekableByteChannel)}, telling {@code progress} how far it has come. The frames of
     * a {@link FileChannel} stay in the file, memory-mapped; those of any other channel are copied to
     * the heap.
     */
    public static CaptureFile read(SeekableByteChannel channel, Progress progress) throws IOException {
        long size;
        try {
            size = channel.size() - channel.position();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try (CaptureReader reader = CaptureReader.open(channel)) {
            FrameStore mapped = channel instanceof FileChannel file ? mapIfPossible(file) : null;
            FrameStore frames = mapped != null ? readMapped(reader, mapped, size, Integer.MAX_VALUE, progress)
                    : readOnHeap(reader, size, progress);
            return new CaptureFile(reader.info(), frames, reader.problems(), reader.readWhole());
        }
    }

    /**
     * The first {@code limit} frames of {@code file} (all of them when it has fewer), with the warnings
     * {@link #read(Path)} would give for them: what a viewer shows while it reads the rest. A file that
     * is not a capture throws {@link CaptureFormatException}.
     */
    public static CaptureFile readFirst(Path file, int limit) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try (CaptureReader reader = CaptureReader.open(channel)) {
            FrameStore mapped = mapIfPossible(channel);
            FrameStore frames;
            if (mapped != null) {
                frames = readMapped(reader, mapped, channel.size(), limit, (count, fraction) -> { });
            } else {
                frames = new FrameStore(1 << 16, Math.min(limit, SAMPLE_FRAMES));
                copy(reader, frames, limit, 0, (count, fraction) -> { }, 1);
            }
            return new CaptureFile(reader.info(), frames, reader.problems(), reader.readWhole());
        }
    }

    /**
     * A store over the file, or null when the file cannot be mapped (a device, a special file system).
     * Called once the reader is open, which reads no further than the file's length then: the mapping,
     * taken after, covers every frame the reader will find even when the file grows meanwhile (a
     * capture still being written).
     */
    static FrameStore mapIfPossible(FileChannel file) throws IOException {
        try {
            return FrameStore.mapped(file, SAMPLE_FRAMES);
        } catch (IOException | UnsupportedOperationException notMappable) {
            if (!file.isOpen()) {
                throw notMappable instanceof IOException e ? e : new IOException(notMappable);
            }
            return null;
        }
    }

    /**
     * Records where each frame is in the mapped file, up to {@code limit} frames. The columns are
     * resized to the count the bytes read so far predict for the whole file whenever they fill, so a
     * file of millions of frames copies them a few times at most.
     */
    private static FrameStore readMapped(CaptureReader reader, FrameStore frames, long size, int limit,
            Progress progress) throws IOException {
        int reserved = SAMPLE_FRAMES;
        while (frames.size() < limit && reader.next()) {
            int count = frames.appendInFile(reader.timestampNanos(), reader.linkType(), reader.frameFilePosition(),
                    reader.capturedLength(), reader.originalLength());
            if (count == reserved && limit > count) {
                double predicted = (double) count * size / Math.max(1, reader.position()) * ESTIMATE_MARGIN;
                reserved = (int) Math.min(Math.min(limit, MAX_FRAMES), Math.max(count + SAMPLE_FRAMES, (long) predicted));
                frames.reserve(reserved);
            }
            if (count % COUNT_EVERY == 0) {
                progress.reached(count, fraction(reader.position(), size));
            }
        }
        progress.reached(frames.size(), fraction(reader.position(), size));
        trimIfWasteful(frames, 0);
        return frames;
    }

    /** Copies the frames to the heap: a small store first, then one sized from it for the whole file. */
    private static FrameStore readOnHeap(CaptureReader reader, long size, Progress progress) throws IOException {
        FrameStore frames = new FrameStore(Math.min(size, 1 << 20), SAMPLE_FRAMES);
        long stored = copy(reader, frames, SAMPLE_FRAMES, 0, progress, size);
        if (frames.size() == SAMPLE_FRAMES) {
            FrameStore sample = frames;
            frames = presized(sample, stored, reader.position(), size);
            stored = copy(reader, frames, MAX_FRAMES, stored, progress, size);
        }
        trimIfWasteful(frames, stored);
        return frames;
    }

    private static double fraction(long position, long size) {
        return size <= 0 ? 1 : Math.min(1.0, (double) position / size);
    }

    /** Appends frames until {@code frames} holds {@code limit} or the file ends; returns the bytes stored. */
    private static long copy(CaptureReader reader, FrameStore frames, int limit, long stored, Progress progress,
            long size) throws IOException {
        while (frames.size() < limit && reader.next()) {
            stored += reader.capturedLength();
            int count = frames.append(reader.timestampNanos(), reader.linkType(), reader.buffer(), reader.offset(),
                    reader.capturedLength(), reader.originalLength());
            if (count % COUNT_EVERY == 0) {
                progress.reached(count, fraction(reader.position(), size));
            }
        }
        progress.reached(frames.size(), fraction(reader.position(), size));
        return stored;
    }

    /** A store sized for the whole file by extrapolating the sample, holding the sample's frames. */
    private static FrameStore presized(FrameStore sample, long sampleBytes, long consumed, long size) {
        double scale = (double) size / Math.max(1, consumed);
        long bytes = Math.min(size, (long) (sampleBytes * scale * ESTIMATE_MARGIN) + 65_536);
        long count = Math.min(MAX_FRAMES, (long) (sample.size() * scale * ESTIMATE_MARGIN) + 16);
        FrameStore frames = new FrameStore(bytes, (int) count);
        for (int i = 0; i < sample.size(); i++) {
            frames.append(sample.timestampNanos(i), sample.linkType(i), sample.buffer(i), sample.offset(i),
                    sample.capturedLength(i), sample.originalLength(i));
        }
        return frames;
    }

    /**
     * When the estimate left more than an eighth of the store spare (the file's first frames were not
     * like the rest), give it back: the frames stay in memory for the whole session and the heap
     * budget per frame is small (issue 2, section 8).
     */
    private static void trimIfWasteful(FrameStore frames, long frameBytes) {
        long needed = (frames.isMapped() ? 0 : frameBytes) + (long) COLUMN_BYTES * frames.size();
        if (frames.retainedBytes() - needed > frames.retainedBytes() / 8) {
            frames.trimToSize();
        }
    }

    /**
     * One paragraph for a person: "pcapng file (little-endian), 2 interfaces: Ethernet (nanoseconds,
     * snap length 262144), ...; 6 frames." followed by the warnings, if any.
     */
    public static String describe(CaptureFile capture) {
        return describe(capture.info(), capture.frames().size(), capture.warnings());
    }

    /** The same of a file read a part at a time: its header, how many frames it has and what was wrong in it. */
    public static String describe(CaptureInfo info, int frames, List<String> warnings) {
        List<CaptureInterface> interfaces = info.interfaces();
        String order = info.byteOrder().toString().equals("LITTLE_ENDIAN") ? "little-endian" : "big-endian";
        String described = interfaces.stream()
                .map(i -> LinkType.name(i.linkType()) + " (" + i.resolutionText()
                        + (i.snapLength() == 0 ? ", no snap length" : ", snap length " + i.snapLength()) + ")")
                .distinct()
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder();
        text.append(info.format()).append(" file (").append(order).append("), ")
                .append(interfaces.size()).append(interfaces.size() == 1 ? " interface: " : " interfaces: ")
                .append(described.isEmpty() ? "none" : described).append("; ")
                .append(frames).append(frames == 1 ? " frame." : " frames.");
        if (!warnings.isEmpty()) {
            text.append(" Warnings: ").append(String.join("; ", warnings)).append('.');
        }
        return text.toString();
    }
}
