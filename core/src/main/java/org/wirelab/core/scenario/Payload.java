package org.wirelab.core.scenario;

import java.nio.charset.StandardCharsets;

/**
 * Bytes a step sends or expects, described rather than stored, so that a 100 MB bulk transfer is a
 * small value: either a text (UTF-8) or a short unit repeated to a length.
 */
public sealed interface Payload {

    /** Length in bytes. */
    long length();

    /**
     * Copies bytes {@code [offset, offset + length)} of the payload into {@code target}: lets an
     * executor send a long payload in chunks.
     */
    void copy(long offset, byte[] target, int targetOffset, int length);

    /** The whole payload as an array; only for payloads shorter than 2 GiB. */
    default byte[] bytes() {
        if (length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("payload too long for one array: " + length() + " bytes");
        }
        byte[] bytes = new byte[(int) length()];
        copy(0, bytes, 0, bytes.length);
        return bytes;
    }

    static Payload text(String text) {
        return new Text(text);
    }

    static Payload repeated(String unit, long length) {
        return new Repeated(unit, length);
    }

    /** Message {@code index} of a workload, {@code size} bytes, asking for a reply or not: see {@link Messages}. */
    static Payload message(long index, int size, boolean replyWanted) {
        return new Message(index, size, replyWanted);
    }

    /** A message written as text, sent as its UTF-8 bytes. */
    record Text(String text) implements Payload {
        public Text {
            if (text == null) {
                throw new IllegalArgumentException("text is required");
            }
        }

        @Override
        public long length() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public void copy(long offset, byte[] target, int targetOffset, int length) {
            System.arraycopy(text.getBytes(StandardCharsets.UTF_8), Math.toIntExact(offset), target, targetOffset, length);
        }
    }

    /** {@code unit} (ASCII) repeated, the last copy cut, to exactly {@code length} bytes. */
    record Repeated(String unit, long length) implements Payload {
        public Repeated {
            if (unit == null || unit.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(unit)) {
                throw new IllegalArgumentException("the repeated unit is non-empty ASCII: " + unit);
            }
            if (length < 0) {
                throw new IllegalArgumentException("a length is not negative: " + length);
            }
        }

        @Override
        public void copy(long offset, byte[] target, int targetOffset, int count) {
            if (offset < 0 || count < 0 || offset + count > length) {
                throw new IndexOutOfBoundsException("bytes " + offset + "+" + count + " of " + length);
            }
            byte[] pattern = unit.getBytes(StandardCharsets.US_ASCII);
            int size = pattern.length;
            int phase = (int) (offset % size);
            // One period written from the pattern, then the target copies itself, doubling each time: a
            // bulk transfer's megabytes cost a few array copies, not a division per byte.
            int first = Math.min(count, size);
            int head = Math.min(first, size - phase);
            System.arraycopy(pattern, phase, target, targetOffset, head);
            System.arraycopy(pattern, 0, target, targetOffset + head, first - head);
            for (int done = first; done < count; done *= 2) {
                System.arraycopy(target, targetOffset, target, targetOffset + done, Math.min(done, count - done));
            }
        }
    }

    /** One numbered message of a workload, laid out by {@link Messages}. */
    record Message(long index, int size, boolean replyWanted) implements Payload {
        public Message {
            Messages.check(index, size);
        }

        @Override
        public long length() {
            return size;
        }

        @Override
        public void copy(long offset, byte[] target, int targetOffset, int length) {
            if (offset < 0 || length < 0 || offset + length > size) {
                throw new IndexOutOfBoundsException("bytes " + offset + "+" + length + " of " + size);
            }
            for (int i = 0; i < length; i++) {
                target[targetOffset + i] = Messages.byteAt(index, size, replyWanted, (int) offset + i);
            }
        }
    }
}
