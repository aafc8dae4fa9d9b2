package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.Payload;

/**
 * The send buffer gives back exactly the bytes written, whatever mix of writes made them: plain arrays,
 * a repeating source (whose bytes the buffer does not copy while the run lasts), a run ended by
 * another write, and segments across the boundaries, after part of the stream was acknowledged.
 */
class SendBufferTest {
    private static final Payload.Repeated FILLER = new Payload.Repeated("0123456789abcdefghijklmnopqrstuvwxyz\n", 1L << 30);

    private static ByteSource repeating() {
        return ByteSource.repeating(FILLER::copy, FILLER.unit().length());
    }

    @Test
    void everySegmentHoldsTheBytesWrittenWhateverTheMixOfWrites() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            SendBuffer buffer = new SendBuffer(1 << 16);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            ByteSource source = repeating();
            long sourceOffset = random.nextInt(100);
            long released = 0;
            for (int write = 0; write < 12; write++) {
                int length = 1 + random.nextInt(3000);
                int written;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        byte[] text = ("write " + write + " of round " + round + " ").repeat(1 + length / 5)
                                .substring(0, length).getBytes(StandardCharsets.US_ASCII);
                        written = buffer.write(text, 0, length);
                        stream.write(text, 0, written);
                    }
                    case 1 -> { // the same source again, from elsewhere in its stream
                        sourceOffset = random.nextInt(10_000);
                        written = writeFrom(buffer, source, sourceOffset, length, stream);
                        sourceOffset += written;
                    }
                    case 2 -> { // another repeating source
                        source = repeating();
                        sourceOffset = random.nextInt(10_000);
                        written = writeFrom(buffer, source, sourceOffset, length, stream);
                        sourceOffset += written;
                    }
                    default -> { // the run goes on
                        written = writeFrom(buffer, source, sourceOffset, length, stream);
                        sourceOffset += written;
                    }
                }
                byte[] all = stream.toByteArray();
                if (random.nextInt(3) == 0) {
                    released = Math.min(buffer.end(), released + random.nextInt(4000));
                    buffer.release(released);
                }
                for (int check = 0; check < 20 && buffer.end() > released; check++) {
                    long from = released + random.nextLong(buffer.end() - released);
                    int length2 = (int) Math.min(buffer.end() - from, 1 + random.nextInt(3000));
                    assertArrayEquals(Arrays.copyOfRange(all, (int) from, (int) from + length2), buffer.copy(from, length2),
                            "round " + round + ", bytes " + from + "+" + length2 + " after write " + write);
                }
            }
        }
    }

    private static int writeFrom(SendBuffer buffer, ByteSource source, long offset, int length, ByteArrayOutputStream stream) {
        int written = buffer.write(source, offset, length);
        byte[] expected = new byte[written];
        source.copy(offset, expected, 0, written);
        stream.write(expected, 0, written);
        return written;
    }
}
