package org.wirelab.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
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
            capture = read(() -> {
                SeekableByteChannel channel = Files.newByteChannel(file);
                return CaptureFiles.read(new WatchedChannel(channel, channel.size(), feed), feed::counted);
            });
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

    /** Reports how much was read, and ends the read when the person cancels. */
    private static final class WatchedChannel implements SeekableByteChannel {
        private final SeekableByteChannel channel;
        private final long size;
        private final FrameFeed feed;

        WatchedChannel(SeekableByteChannel channel, long size, FrameFeed feed) {
            this.channel = channel;
            this.size = Math.max(1, size);
            this.feed = feed;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            if (feed.cancelled()) {
                throw new SourceRun.CancelledException();
            }
            int read = channel.read(destination);
            feed.progress(Math.min(1.0, (double) channel.position() / size));
            return read;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long newSize) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
