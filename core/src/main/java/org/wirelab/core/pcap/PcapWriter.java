package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.RawFrame;

/**
 * Writes a classic pcap file (little-endian, version 2.4) frame by frame: the file header on open,
 * one record per {@code append}. Records are buffered; {@link #flush()} hands them to the operating
 * system, so a live capture that flushes after each batch loses nothing written when it is killed.
 * Timestamps are nanoseconds (magic a1b23c4d) unless microseconds are asked for, which truncates.
 *
 * <p>Records are assembled in direct buffers of {@value #BUFFER_BYTES} bytes, written by a background
 * thread while the next one fills ({@link OverlappedOutput}): a simulated gigabyte costs its producer
 * one copy, not the extra copies a stream of byte arrays makes on its way to the file descriptor.
 */
public final class PcapWriter implements Closeable, Flushable {
    /** The time resolution of the written file. */
    public enum Resolution { MICROSECONDS, NANOSECONDS }

    /** tcpdump's default snap length, large enough for loopback's 64 KiB frames. */
    public static final int DEFAULT_SNAP_LENGTH = 262_144;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = 0xffffffffL;

    private static final int BUFFER_BYTES = 1 << 20;

    private final OverlappedOutput out;
    private final int linkType;
    private final boolean nanoseconds;
    private int frames;

    private PcapWriter(WritableByteChannel channel, int linkType, int snapLength, Resolution resolution)
            throws IOException {
        this.out = new OverlappedOutput(channel, Math.max(BUFFER_BYTES, PcapReader.RECORD_HEADER + snapLength));
        this.linkType = linkType;
        this.nanoseconds = resolution == Resolution.NANOSECONDS;
        out.room(PcapReader.FILE_HEADER)
                .putInt(nanoseconds ? PcapReader.MAGIC_NANOSECONDS : PcapReader.MAGIC_MICROSECONDS)
                .putShort((short) 2)
                .putShort((short) 4)
                // thiszone and sigfigs are 0, as every writer since libpcap 0.9 leaves them.
                .putInt(0)
                .putInt(0)
                .putInt(snapLength)
                .putInt(linkType);
    }

    /** Creates (or replaces) {@code file} with nanosecond timestamps and the default snap length. */
    public static PcapWriter create(Path file, int linkType) throws IOException {
        return create(file, linkType, DEFAULT_SNAP_LENGTH, Resolution.NANOSECONDS);
    }

    public static PcapWriter create(Path file, int linkType, int snapLength, Resolution resolution)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new PcapWriter(channel, linkType, snapLength, resolution);
    }

    /** Writes to {@code channel} (an {@code OutputFile}'s temporary file), which the writer closes. */
    public static PcapWriter to(WritableByteChannel channel, int linkType, int snapLength, Resolution resolution)
            throws IOException {
        return new PcapWriter(channel, linkType, snapLength, resolution);
    }

    /** Writes to {@code out}, which the writer closes. */
    public static PcapWriter to(OutputStream out, int linkType, int snapLength, Resolution resolution)
            throws IOException {
        return new PcapWriter(Channels.newChannel(out), linkType, snapLength, resolution);
    }

    /**
     * Appends one frame. A pcap file has one link type, and its time field holds unsigned 32-bit
     * seconds (1970 to 2106): a frame outside them is a caller's mistake and is refused.
     */
    public void append(long timestampNanos, int frameLinkType, byte[] bytes, int offset, int capturedLength,
            int originalLength) throws IOException {
        if (frameLinkType != linkType) {
            throw new IllegalArgumentException("frame " + (frames + 1) + " has link type " + frameLinkType
                    + " but this pcap file was opened for link type " + linkType);
        }
        long seconds = Math.floorDiv(timestampNanos, NANOS_PER_SECOND);
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("frame " + (frames + 1) + " is at " + timestampNanos
                    + " ns since the epoch, outside the seconds a pcap record can hold (0 to 2^32-1)");
        }
        long fraction = Math.floorMod(timestampNanos, NANOS_PER_SECOND);
        out.room(PcapReader.RECORD_HEADER + capturedLength)
                .putInt((int) seconds)
                .putInt((int) (nanoseconds ? fraction : fraction / 1000))
                .putInt(capturedLength)
                .putInt(originalLength)
                .put(bytes, offset, capturedLength);
        frames++;
    }

    public void append(RawFrame frame) throws IOException {
        byte[] bytes = frame.bytes();
        append(frame.timestampNanos(), frame.linkType(), bytes, 0, bytes.length, frame.originalLength());
    }

    /** Appends frame {@code index} (0-based) of {@code store}, read in place. */
    public void append(FrameStore store, int index) throws IOException {
        append(store.timestampNanos(index), store.linkType(index), store.buffer(index), store.offset(index),
                store.capturedLength(index), store.originalLength(index));
    }

    /** Frames appended so far. */
    public int frameCount() {
        return frames;
    }

    /** Hands every appended frame to the operating system. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Writes every frame of {@code store} to {@code file} atomically (a temporary file beside it, then a
     * rename), with the store's single link type, in nanoseconds.
     */
    public static void writeAtomically(FrameStore store, Path file) throws IOException {
        int linkType = store.size() == 0 ? 1 : store.linkType(0);
        AtomicFile.write(file, out -> {
            try (PcapWriter writer = to(out, linkType, DEFAULT_SNAP_LENGTH, Resolution.NANOSECONDS)) {
                for (int i = 0; i < store.size(); i++) {
                    writer.append(store, i);
                }
            }
        });
    }

    /** Writes every frame of {@code store} to {@code file}, with the store's single link type. */
    public static void write(FrameStore store, Path file, Resolution resolution) throws IOException {
        write(store, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), resolution);
    }

    /** Writes every frame of {@code store} to {@code channel}, which it closes. */
    public static void write(FrameStore store, WritableByteChannel channel, Resolution resolution) throws IOException {
        int linkType = store.size() == 0 ? 1 : store.linkType(0);
        try (PcapWriter writer = to(channel, linkType, DEFAULT_SNAP_LENGTH, resolution)) {
            for (int i = 0; i < store.size(); i++) {
                writer.append(store, i);
            }
        }
    }
}
