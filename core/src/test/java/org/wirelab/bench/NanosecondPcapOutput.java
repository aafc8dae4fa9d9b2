package org.wirelab.bench;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal streaming pcap writer for the generator and the encoder tests: the 24-byte nanosecond
 * little-endian file header, then a 16-byte record header before each frame.
 * TODO(files): replace with org.wirelab.core.pcap.PcapWriter once it is on main.
 */
public final class NanosecondPcapOutput implements Closeable {
    private static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final int SNAPLEN = 262144;

    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);

    public NanosecondPcapOutput(Path file, int linkType) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        header.putInt(MAGIC_NANOSECONDS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(linkType);
        out.write(header.array(), 0, 24);
    }

    public void write(long timestampNanos, byte[] frame) throws IOException {
        header.clear();
        header.putInt((int) (timestampNanos / 1_000_000_000L)).putInt((int) (timestampNanos % 1_000_000_000L))
                .putInt(frame.length).putInt(frame.length);
        out.write(header.array(), 0, 16);
        out.write(frame);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
