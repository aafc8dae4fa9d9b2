package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/**
 * A file read through one large reusable buffer: the readers ask for the next {@code n} bytes with
 * {@link #request(int)} and read them in place, so reading a frame allocates nothing. The buffer grows
 * only for a record larger than itself, and never beyond what the file still holds, so a damaged
 * length field cannot make it allocate more than the file's size.
 */
final class ChannelInput implements Closeable {
    private static final int DEFAULT_BUFFER = 1 << 20;

    private final SeekableByteChannel channel;
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
        fileSize = channel.size() - channel.position();
        fileStart = channel.position();
        bytes = new byte[(int) Math.min(DEFAULT_BUFFER, Math.max(64, fileSize))];
        view = ByteBuffer.wrap(bytes);
    }

    long fileSize() {
        return fileSize;
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

    /**
     * Makes the next {@code n} bytes readable at {@link #position()}; false when the file ends before
     * them ({@link #available()} then tells how many there are).
     */
    boolean request(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        if (n > bytes.length) {
            long remaining = fileSize - filePosition();
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
        bufferStart = filePosition() + n;
        position = 0;
        limit = 0;
        channel.position(fileStart + Math.min(bufferStart, fileSize));
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
