package org.wirelab.core.pcap;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
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
    /** Bytes a frame costs in the store's columns (offset, timestamp, original length, link type). */
    private static final int COLUMN_BYTES = 18;

    private CaptureFiles() {
    }

    /**
     * Every frame of {@code file}. Damage after a good header ends the frames early and is reported
     * in {@link CaptureFile#warnings()}; a file that is not a capture throws {@link CaptureFormatException}.
     */
    public static CaptureFile read(Path file) throws IOException {
        return read(Files.newByteChannel(file));
    }

    /** Every frame of the capture in {@code channel} from its position on; closes the channel. */
    public static CaptureFile read(SeekableByteChannel channel) throws IOException {
        return read(channel, count -> { });
    }

    /**
     * As {@link #read(SeekableByteChannel)}, telling {@code framesRead} how many frames are read so far
     * every {@value #COUNT_EVERY} frames, from the reading thread: a viewer's count moves while a long file loads.
     */
    public static CaptureFile read(SeekableByteChannel channel, IntConsumer framesRead) throws IOException {
        long size;
        try {
            size = channel.size() - channel.position();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try (CaptureReader reader = CaptureReader.open(channel)) {
            FrameStore frames = new FrameStore(Math.min(size, 1 << 20), SAMPLE_FRAMES);
            long stored = copy(reader, frames, SAMPLE_FRAMES, 0, framesRead);
            if (frames.size() == SAMPLE_FRAMES) {
                FrameStore sample = frames;
                frames = presized(sample, stored, reader.position(), size);
                stored = copy(reader, frames, MAX_FRAMES, stored, framesRead);
            }
            trimIfWasteful(frames, stored);
            return new CaptureFile(reader.info(), frames, reader.problems(), reader.readWhole());
        }
    }

    /**
     * The first {@code limit} frames of {@code file} (all of them when it has fewer), with the warnings
     * {@link #read(Path)} would give for them: what a viewer shows while it reads the rest. A file that
     * is not a capture throws {@link CaptureFormatException}.
     */
    public static CaptureFile readFirst(Path file, int limit) throws IOException {
        try (CaptureReader reader = CaptureReader.open(file)) {
            FrameStore frames = new FrameStore(1 << 16, Math.min(limit, SAMPLE_FRAMES));
            copy(reader, frames, limit, 0, count -> { });
            return new CaptureFile(reader.info(), frames, reader.problems(), reader.readWhole());
        }
    }

    /** Appends frames until {@code frames} holds {@code limit} or the file ends; returns the bytes stored. */
    private static long copy(CaptureReader reader, FrameStore frames, int limit, long stored, IntConsumer framesRead)
            throws IOException {
        while (frames.size() < limit && reader.next()) {
            stored += reader.capturedLength();
            int count = frames.append(reader.timestampNanos(), reader.linkType(), reader.buffer(), reader.offset(),
                    reader.capturedLength(), reader.originalLength());
            if (count % COUNT_EVERY == 0) {
                framesRead.accept(count);
            }
        }
        framesRead.accept(frames.size());
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
        long needed = frameBytes + (long) COLUMN_BYTES * frames.size();
        if (frames.retainedBytes() - needed > frames.retainedBytes() / 8) {
            frames.trimToSize();
        }
    }

    /**
     * One paragraph for a person: "pcapng file (little-endian), 2 interfaces: Ethernet (nanoseconds,
     * snap length 262144), ...; 6 frames." followed by the warnings, if any.
     */
    public static String describe(CaptureFile capture) {
        CaptureInfo info = capture.info();
        List<CaptureInterface> interfaces = info.interfaces();
        String order = info.byteOrder().toString().equals("LITTLE_ENDIAN") ? "little-endian" : "big-endian";
        String described = interfaces.stream()
                .map(i -> LinkType.name(i.linkType()) + " (" + i.resolutionText()
                        + (i.snapLength() == 0 ? ", no snap length" : ", snap length " + i.snapLength()) + ")")
                .distinct()
                .collect(Collectors.joining(", "));
        int frames = capture.frames().size();
        StringBuilder text = new StringBuilder();
        text.append(info.format()).append(" file (").append(order).append("), ")
                .append(interfaces.size()).append(interfaces.size() == 1 ? " interface: " : " interfaces: ")
                .append(described.isEmpty() ? "none" : described).append("; ")
                .append(frames).append(frames == 1 ? " frame." : " frames.");
        if (!capture.warnings().isEmpty()) {
            text.append(" Warnings: ").append(String.join("; ", capture.warnings())).append('.');
        }
        return text.toString();
    }
}
