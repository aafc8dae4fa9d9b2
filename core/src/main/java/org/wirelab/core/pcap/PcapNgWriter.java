package org.wirelab.core.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.wirelab.core.frame.FrameStore;

/**
 * Writes a pcapng file (little-endian, one section) whose comments carry a lesson: the section's
 * comment (what was run, over which link) and one comment per frame (what the frame does), which
 * Wireshark shows in its packet details and tshark as {@code frame.comment}. One interface block per
 * link type, timestamps in nanoseconds ({@code if_tsresol} = 9). Block layout after the pcapng draft
 * (draft-ietf-opsawg-pcapng): section header, interface description, enhanced packet blocks; options
 * as type, length, value padded to 32 bits, ended by {@code opt_endofopt}.
 */
public final class PcapNgWriter implements Closeable {
    private static final int ENHANCED_PACKET = 6;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final short OPT_ENDOFOPT = 0;
    private static final short OPT_COMMENT = 1;
    private static final short SHB_USERAPPL = 4;
    private static final short IF_TSRESOL = 9;
    private static final byte NANOSECONDS = 9;

    private final OutputStream out;
    private final Map<Integer, Integer> interfaces = new HashMap<>();
    private final int snapLength;

    private PcapNgWriter(OutputStream out, String sectionComment, int snapLength) throws IOException {
        this.out = out;
        this.snapLength = snapLength;
        Block header = new Block(PcapNgReader.SECTION_HEADER)
                .putInt(BYTE_ORDER_MAGIC)
                .putShort((short) 1)
                .putShort((short) 0)
                .putLong(-1L)   // section length unknown: written in one pass
                .option(OPT_COMMENT, sectionComment)
                .option(SHB_USERAPPL, "wirelab")
                .endOptions();
        header.writeTo(out);
    }

    /** Writes to {@code out}, which the writer closes; {@code sectionComment} may be empty. */
    public static PcapNgWriter to(OutputStream out, String sectionComment) throws IOException {
        return new PcapNgWriter(out, sectionComment, PcapWriter.DEFAULT_SNAP_LENGTH);
    }

    /** Appends frame {@code index} of {@code store} with {@code comment} (none when empty or null). */
    public void append(FrameStore store, int index, String comment) throws IOException {
        int interfaceId = interfaceFor(store.linkType(index));
        long nanos = store.timestampNanos(index);
        int captured = store.capturedLength(index);
        new Block(ENHANCED_PACKET)
                .putInt(interfaceId)
                .putInt((int) (nanos >>> 32))
                .putInt((int) nanos)
                .putInt(captured)
                .putInt(store.originalLength(index))
                .putPadded(store.buffer(index), store.offset(index), captured)
                .option(OPT_COMMENT, comment)
                .endOptions()
                .writeTo(out);
    }

    private int interfaceFor(int linkType) throws IOException {
        Integer known = interfaces.get(linkType);
        if (known != null) {
            return known;
        }
        int id = interfaces.size();
        interfaces.put(linkType, id);
        new Block(INTERFACE_DESCRIPTION)
                .putShort((short) linkType)
                .putShort((short) 0)
                .putInt(snapLength)
                .option(IF_TSRESOL, new byte[] {NANOSECONDS})
                .endOptions()
                .writeTo(out);
        return id;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Writes every frame of {@code store} to {@code file} atomically (a temporary file beside it, then a
     * rename), each with {@code frameComment.apply(index)}: an interrupted save never leaves half a file.
     */
    public static void write(FrameStore store, Path file, String sectionComment, IntFunction<String> frameComment)
            throws IOException {
        AtomicFile.write(file, stream -> {
            PcapNgWriter writer = to(stream, sectionComment);
            for (int i = 0; i < store.size(); i++) {
                writer.append(store, i, frameComment.apply(i));
            }
        });
    }

    /** One block being assembled: type, a length filled in on write, the body, the length again. */
    private static final class Block {
        private ByteBuffer body = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        private final int type;

        Block(int type) {
            this.type = type;
        }

        private ByteBuffer room(int bytes) {
            if (body.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(body.capacity() * 2, body.position() + bytes))
                        .order(ByteOrder.LITTLE_ENDIAN);
                body.flip();
                larger.put(body);
                body = larger;
            }
            return body;
        }

        Block putInt(int value) {
            room(4).putInt(value);
            return this;
        }

        Block putShort(short value) {
            room(2).putShort(value);
            return this;
        }

        Block putLong(long value) {
            room(8).putLong(value);
            return this;
        }

        Block putPadded(byte[] bytes, int offset, int length) {
            room(length + 3).put(bytes, offset, length);
            body.position(body.position() + padding(length));
            return this;
        }

        Block option(short code, String text) {
            return text == null || text.isEmpty() ? this : option(code, text.getBytes(StandardCharsets.UTF_8));
        }

        Block option(short code, byte[] value) {
            // An option's length is 16 bits: a longer comment is cut at a character boundary.
            int length = Math.min(value.length, 0xfff0);
            while (length < value.length && (value[length] & 0xc0) == 0x80) {
                length--;
            }
            putShort(code).putShort((short) length);
            return putPadded(value, 0, length);
        }

        Block endOptions() {
            return putShort(OPT_ENDOFOPT).putShort((short) 0);
        }

        void writeTo(OutputStream out) throws IOException {
            int total = 12 + body.position();
            ByteBuffer block = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            block.putInt(type).putInt(total).put(body.array(), 0, body.position()).putInt(total);
            out.write(block.array());
        }

        private static int padding(int length) {
            return (4 - length % 4) % 4;
        }
    }
}
