package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.wirelab.core.frame.FrameStore;

/**
 * A capture file read a segment of frames at a time, each segment a {@link FrameStore} of its own whose
 * bytes stay in the mapped file: a command that needs one pass (as tshark makes) analyses a segment,
 * keeps what it needs of it, and drops it, so its memory does not grow with the file.
 *
 * <pre>{@code
 * try (CaptureSegments segments = CaptureSegments.open(path, 65_536)) {
 *     for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
 *         use(frames);   // frame i of the segment is frame frames.firstIndex() + i + 1 of the file
 *     }
 *     report(segments.warnings(), segments.readWhole());
 * }
 * }</pre>
 */
public final class CaptureSegments implements Closeable {
    private final CaptureReader reader;
    private final int segmentFrames;
    private FrameStore last;
    private int firstIndex;
    private int framesRead;

    private CaptureSegments(CaptureReader reader, FrameStore first, int segmentFrames) {
        this.reader = reader;
        this.segmentFrames = segmentFrames;
        this.last = first;
    }

    /**
     * Opens {@code file} and reads its header; a file that is not a capture throws
     * {@link CaptureFormatException}. Segments hold at most {@code segmentFrames} frames.
     */
    public static CaptureSegments open(Path file, int segmentFrames) throws IOException {
        if (segmentFrames < 1) {
            throw new IllegalArgumentException("a segment holds at least one frame, not " + segmentFrames);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        CaptureReader reader = CaptureReader.open(channel);
        try {
            return new CaptureSegments(reader, CaptureFiles.mapIfPossible(channel), segmentFrames);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next segment's frames, or null once the file has ended (or damage ended its frames). */
    public FrameStore next() throws IOException {
        return next(segmentFrames);
    }

    /**
     * The next segment's frames, at most {@code maxFrames} of them whatever the segments' size (a command
     * that must begin a segment at a given frame reads up to it), or null once the file has ended.
     */
    public FrameStore next(int maxFrames) throws IOException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("a segment holds at least one frame, not " + maxFrames);
        }
        FrameStore frames = last == null ? new FrameStore(1 << 20, maxFrames)
                : last.size() == 0 ? last : last.emptyAlongside(maxFrames, framesRead);
        while (frames.size() < maxFrames && reader.next()) {
            if (frames.isMapped()) {
                frames.appendInFile(reader.timestampNanos(), reader.linkType(), reader.frameFilePosition(),
                        reader.capturedLength(), reader.originalLength());
            } else {
                frames.append(reader.timestampNanos(), reader.linkType(), reader.buffer(), reader.offset(),
                        reader.capturedLength(), reader.originalLength());
            }
        }
        if (frames.size() == 0) {
            return null;
        }
        firstIndex = framesRead;
        framesRead += frames.size();
        last = frames;
        return frames;
    }

    /** The file's index (frame number minus one) of the first frame of the segment {@link #next()} returned. */
    public int firstIndex() {
        return firstIndex;
    }

    /** Frames read so far, in all segments. */
    public int framesRead() {
        return framesRead;
    }

    /** What was wrong in the file so far, as {@link CaptureFile#warnings()}. */
    public List<String> warnings() {
        return reader.warnings();
    }

    /** Whether every byte of the file was read as frames: true once {@link #next()} has returned null at its end. */
    public boolean readWhole() {
        return reader.readWhole();
    }

    public CaptureInfo info() {
        return reader.info();
    }

    /** What the reading found, once every part has been read. */
    public FileReading reading() {
        return new FileReading(framesRead, warnings(), readWhole(), info());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
