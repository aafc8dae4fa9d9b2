package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a pcap or pcapng file frame by frame without holding it: {@link #next()} moves to the next
 * frame, whose fields and bytes are then readable in place until the following call. Damage after a
 * good file header ends the frames early and leaves a warning that names the frame and byte offset;
 * only a file that is not a capture at all, or whose header is bad, makes {@link #open} throw.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(path)) {
 *     while (reader.next()) {
 *         use(reader.timestampNanos(), reader.buffer(), reader.offset(), reader.capturedLength());
 *     }
 * }
 * }</pre>
 */
public abstract sealed class CaptureReader implements Closeable permits PcapReader, PcapNgReader {
    /** Warnings beyond this many are counted, not kept: a damaged file must not flood memory. */
    private static final int MAX_WARNINGS = 100;

    final ChannelInput input;
    private final List<ReadProblem> warnings = new ArrayList<>();
    private int suppressedWarnings;
    private boolean finished;
    private boolean readWhole;

    // The current frame, valid after next() returned true.
    long timestampNanos;
    int linkType;
    int interfaceIndex;
    int interfaceId;
    int capturedLength;
    int originalLength;
    int frameOffset;
    int frameNumber;

    CaptureReader(ChannelInput input) {
        this.input = input;
    }

    /**
     * Opens {@code file} and reads its header. The format is told by the magic number: pcap's
     * a1b2c3d4 (microseconds) or a1b23c4d (nanoseconds) in either byte order, or pcapng's section
     * header block type 0a0d0d0a.
     */
    public static CaptureReader open(Path file) throws IOException {
        return open(Files.newByteChannel(file));
    }

    /** Reads a capture from {@code channel}'s current position on; the reader closes the channel. */
    public static CaptureReader open(SeekableByteChannel channel) throws IOException {
        ChannelInput input;
        try {
            input = new ChannelInput(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            return detect(input);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * Reads a capture as it is written, from a stream such as a capturing program's standard output
     * ({@code dumpcap -w -}): {@link #next()} waits until the next frame has arrived whole and returns
     * false once the stream ends. This opening call waits for the file header. The reader closes the
     * stream.
     */
    public static CaptureReader stream(InputStream in) throws IOException {
        ChannelInput input = new ChannelInput(Channels.newChannel(in));
        try {
            return detect(input);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static CaptureReader detect(ChannelInput input) throws IOException {
        if (!input.request(4)) {
            throw new CaptureFormatException(input.available() == 0
                    ? ReadProblem.of(input.isStream() ? "empty.stream" : "empty.file")
                    : ReadProblem.of("tooShort", input.available()));
        }
        input.order(ByteOrder.BIG_ENDIAN);
        int big = input.i32(0);
        int little = Integer.reverseBytes(big);
        if (big == PcapNgReader.SECTION_HEADER) {
            return new PcapNgReader(input);
        }
        for (int magic : new int[] {big, little}) {
            ByteOrder order = magic == big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            if (magic == PcapReader.MAGIC_MICROSECONDS || magic == PcapReader.MAGIC_NANOSECONDS) {
                return new PcapReader(input, order, magic == PcapReader.MAGIC_NANOSECONDS);
            }
            if (magic == PcapReader.MAGIC_MODIFIED) {
                throw new CaptureFormatException(ReadProblem.of("modifiedPcap"));
            }
        }
        throw new CaptureFormatException(ReadProblem.of("badMagic", String.format("%08x", big)));
    }

    /** Moves to the next frame; false at the end of the file or at damage (then see {@link #warnings()}). */
    public final boolean next() throws IOException {
        if (finished) {
            return false;
        }
        finished = !advance();
        // A clean end leaves no byte unread; damage stops the frames with bytes still after them.
        readWhole = finished && !input.request(1);
        return !finished;
    }

    /**
     * Whether every byte of the file was read as frames: true once {@link #next()} has returned false at
     * the file's end, false while frames remain or when damage stopped the reading early.
     */
    public final boolean readWhole() {
        return readWhole;
    }

    /** Reads the next frame into the fields above; false at the end or at damage, after a warning. */
    abstract boolean advance() throws IOException;

    /** The file's format, byte order and the interfaces seen so far (all of them once {@code next} is false). */
    public abstract CaptureInfo info();

    /** 1-based number of the current frame. */
    public final int frameNumber() {
        return frameNumber;
    }

    /**
     * Nanoseconds since the Unix epoch, with the interface's resolution and offset applied; 0 for a
     * pcapng Simple Packet Block, which carries no time (tshark shows none).
     */
    public final long timestampNanos() {
        return timestampNanos;
    }

    public final int linkType() {
        return linkType;
    }

    /** Index of the current frame's interface in {@link CaptureInfo#interfaces()}. */
    public final int interfaceIndex() {
        return interfaceIndex;
    }

    /**
     * The current frame's interface id as the file numbers it: within its pcapng section (what tshark
     * prints as frame.interface_id); 0 in a pcap file.
     */
    public final int interfaceId() {
        return interfaceId;
    }

    public final int capturedLength() {
        return capturedLength;
    }

    public final int originalLength() {
        return originalLength;
    }

    /** The array holding the current frame's bytes; valid only until the next call to {@link #next()}. */
    public final byte[] buffer() {
        return input.bytes();
    }

    /** Where the current frame's bytes start in {@link #buffer()}. */
    public final int offset() {
        return frameOffset;
    }

    /**
     * Where the current frame's bytes start in the file, counted from the file's first byte (not from
     * where the reader began): what a store that leaves the bytes in the file records.
     */
    public final long frameFilePosition() {
        return input.channelPosition(frameOffset);
    }

    /** Bytes of the file read so far, up to the end of the current frame: for progress and estimates. */
    public final long position() {
        return input.filePosition();
    }

    /** What was wrong in the file so far, in file order, each naming the frame and byte offset. */
    public final List<ReadProblem> problems() {
        if (suppressedWarnings == 0) {
            return Collections.unmodifiableList(warnings);
        }
        List<ReadProblem> all = new ArrayList<>(warnings);
        all.add(ReadProblem.of("moreWarnings", suppressedWarnings));
        return Collections.unmodifiableList(all);
    }

    /** {@link #problems()} in English, as the command line prints them. */
    public final List<String> warnings() {
        return problems().stream().map(ReadProblem::toString).toList();
    }

    final void warn(ReadProblem warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            suppressedWarnings++;
        }
    }

    /**
     * Records the current frame, keeping the store's rule that the original length is at least the
     * captured length (a damaged record may claim less; Wireshark shows it as is, we cannot).
     */
    final void setFrame(long timestamp, int link, int iface, int sectionIface, int captured, long original,
            int offset) {
        frameNumber++;
        if (original < captured) {
            warn(ReadProblem.of("originalShort", frameNumber, original, captured));
            original = captured;
        }
        timestampNanos = timestamp;
        linkType = link;
        interfaceIndex = iface;
        interfaceId = sectionIface;
        capturedLength = captured;
        originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        frameOffset = offset;
    }

    /** "file ends in the middle of frame 2 at byte 240: 7 of 16 header bytes" and stops. */
    final boolean endsInFrame(long start, String part, int expected) {
        warn(ReadProblem.of("endsInFrame." + part, frameNumber + 1, start, input.available(), expected));
        return false;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
