package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * A file read through one large reusable buffer: the readers ask for the next {@code n} bytes with
 * {@link #request(int)} and read them in place, so reading a frame allocates nothing. The buffer grows
 * only for a record larger than itself, and never beyond what the file still holds, so a damaged
 * length field cannot make it allocate more than the file's size.
 *
 * <p>A stream (a pipe from a capturing program) has no size: {@link #request(int)} then waits until
 * the bytes asked for have arrived, and a record may be at most {@link #MAX_STREAM_RECORD} bytes.
 */
final class ChannelInput implements Closeable {
    private static final int DEFAULT_BUFFER = 1 << 20;
    /**
     * The largest record a stream may announce, as Wireshark bounds a pcapng block (16 MiB): far above
     * any frame a capture writes, low enough that a damaged length cannot exhaust memory.
     */
    static final int MAX_STREAM_RECORD = 16 << 20;

    private final ReadableByteChannel channel;
    private final boolean stream;
    private final long fileSize;
    private final long fileStart;
    private byte[] bytes;
    private ByteBuffer view;
    private int position;       // next unread byte in bytes
    private int limit;          // end of valid bytes in bytes
    private long bufferStart;   // file offset of bytes[0]

    /** Reads {@code channel} from its current position, taken as the file's start. */
    ChannelInput(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        stream = false;
        fileSize = channel.size() - channel.position();
        fileStart = channel.position();
        bytes = new byte[(int) Math.min(DEFAULT_BUFFER, Math.max(64, fileSize))];
        view = ByteBuffer.wrap(bytes);
    }

    /** Reads {@code channel} as a stream of unknown length, until it ends. */
    ChannelInput(ReadableByteChannel channel) {
        this.channel = channel;
        stream = true;
        fileSize = Long.MAX_VALUE;
        fileStart = 0;
        bytes = new byte[DEFAULT_BUFFER];
        view = ByteBuffer.wrap(bytes);
    }

    /** Whether this reads a stream, which has no known size. */
    boolean isStream() {
        return stream;
    }

    /**
     * How many bytes a record that starts at file offset {@code start} may hold: what the file still
     * has from there, or {@link #MAX_STREAM_RECORD} in a stream.
     */
    long roomFrom(long start) {
        return stream ? MAX_STREAM_RECORD : fileSize - start;
    }

    void order(ByteOrder order) {
        view.order(order);
    }

    ByteOrder order() {
        return view.order();
    }

    /** The file offset of the next unread byte. */
    long filePosition() {
        return bufferStart + position;
    }

    /** Where byte {@code index} of {@link #bytes()} is in the channel, counted from the channel's start. */
    long channelPosition(int index) {
        return fileStart + bufferStart + index;
    }

    /**
     * Makes the next {@code n} bytes readable at {@link #position()}; false when the file ends before
     * them ({@link #available()} then tells how many there are).
     */
    boolean request(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        if (n > bytes.length) {
            long remaining = stream ? MAX_STREAM_RECORD : fileSize - filePosition();
            int grown = (int) Math.min(Math.max(n, 2L * bytes.length), Math.max(remaining, limit - position));
            if (grown > bytes.length) {
                byte[] larger = new byte[grown];
                ByteOrder order = view.order();
                System.arraycopy(bytes, position, larger, 0, limit - position);
                bufferStart += position;
                limit -= position;
                position = 0;
                bytes = larger;
                view = ByteBuffer.wrap(bytes).order(order);
            }
        }
        compact();
        while (limit - position < n && limit < bytes.length) {
            int read = channel.read(ByteBuffer.wrap(bytes, limit, bytes.length - limit));
            if (read < 0) {
                break;
            }
            limit += read;
        }
        return limit - position >= n;
    }

    private void compact() {
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
    }

    /** Bytes readable now without another {@link #request(int)}. */
    int available() {
        return limit - position;
    }

    /** Moves past {@code n} bytes, reading over them in the file when they are not buffered. */
    void skip(long n) throws IOException {
        int buffered = limit - position;
        if (n <= buffered) {
            position += (int) n;
            return;
        }
        if (stream) {
            // A stream cannot seek: read over the bytes, a buffer at a time.
            long left = n - buffered;
            position = limit;
            while (left > 0 && request((int) Math.min(left, bytes.length))) {
                int step = (int) Math.min(left, limit - position);
                position += step;
                left -= step;
            }
            return;
        }
        bufferStart = filePosition() + n;
        position = 0;
        limit = 0;
        ((SeekableByteChannel) channel).position(fileStart + Math.min(bufferStart, fileSize));
    }

    byte[] bytes() {
        return bytes;
    }

    int position() {
        return position;
    }

    int u8(int at) {
        return bytes[position + at] & 0xff;
    }

    int u16(int at) {
        return view.getShort(position + at) & 0xffff;
    }

    int i32(int at) {
        return view.getInt(position + at);
    }

    long u32(int at) {
        return view.getInt(position + at) & 0xffffffffL;
    }

    long i64(int at) {
        return view.getLong(position + at);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
