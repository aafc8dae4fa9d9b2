package org.wirelab.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;

/**
 * A pcap or pcapng file, read whole with progress and cancellation. The first {@code firstScreen}
 * frames are delivered first, as a {@link FrameFeed#beginning beginning}, so that a long file shows its
 * start within a fraction of a second while the rest is read and analysed (as Wireshark fills its list
 * while loading). Damage after a good header keeps the frames before it and is reported as a warning;
 * a file that is not a capture is an error. Both are said in {@code language}, numbers as it writes them.
 */
public record FileSource(Path file, int firstScreen, Locale language) implements FrameSource {
    /**
     * Enough for the packet list's first screens and the start of the diagram, and read and analysed in
     * a few milliseconds.
     */
    public static final int FIRST_SCREEN_FRAMES = 2000;

    public FileSource {
        if (firstScreen < 1) {
            throw new IllegalArgumentException("the first screen needs at least one frame, not " + firstScreen);
        }
    }

    /** In English (tests, and callers without a window). */
    public FileSource(Path file) {
        this(file, Locale.ENGLISH);
    }

    public FileSource(Path file, Locale language) {
        this(file, FIRST_SCREEN_FRAMES, language);
    }

    @Override
    public String settings(Locale shownIn) {
        return SourceWords.in(shownIn).get("save.file", file.getFileName());
    }

    @Override
    public String title() {
        return file.getFileName().toString();
    }

    @Override
    public void run(FrameFeed feed) throws IOException {
        CaptureFile capture = read(() -> CaptureFiles.readFirst(file, firstScreen));
        // With fewer frames, the file has been read whole (or up to its damage) already.
        if (capture.frames().size() == firstScreen) {
            feed.beginning(capture.frames());
            capture = read(() -> CaptureFiles.read(file, (frames, fraction) -> {
                if (feed.cancelled()) {
                    throw new SourceRun.CancelledException();
                }
                feed.counted(frames);
                feed.progress(fraction);
            }));
        }
        feed.frames(capture.frames());
        capture.problems().forEach(problem -> feed.warn(words().get("file.problem", file.getFileName(),
                problem.text(language))));
        feed.progress(1);
    }

    /** A reading of the file, with its failures told in one line that names the file. */
    private interface Reading {
        CaptureFile read() throws IOException;
    }

    private CaptureFile read(Reading reading) throws IOException {
        try {
            return reading.read();
        } catch (NoSuchFileException e) {
            throw new IOException(words().get("file.missing", file), e);
        } catch (AccessDeniedException e) {
            throw new IOException(words().get("file.denied", file), e);
        } catch (CaptureFormatException e) {
            throw new IOException(words().get("file.problem", file.getFileName(), e.problem().text(language)), e);
        }
    }

    private SourceWords words() {
        return SourceWords.in(language);
    }
}
