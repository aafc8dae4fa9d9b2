package org.wirelab.core.testing;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a byte array, so the damage tests and the fuzzers read thousands of variants
 * without files.
 */
public final class BytesChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private final int length;
    private long position;
    private boolean open = true;

    public BytesChannel(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    public BytesChannel(byte[] bytes) {
        this(bytes, bytes.length);
    }

    @Override
    public int read(ByteBuffer target) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(target.remaining(), length - position);
        target.put(bytes, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
