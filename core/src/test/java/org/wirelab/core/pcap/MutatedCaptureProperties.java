package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.testing.BytesChannel;
import org.wirelab.core.testing.Corpus;

/**
 * Corpus files (and a built pcapng with every block kind) with random bytes and words overwritten and
 * cut short: reading ends, in time, with frames and warnings or a {@link CaptureFormatException},
 * never another exception.
 */
class MutatedCaptureProperties {
    private static List<byte[]> seeds;

    /** One change: a byte, or a 32-bit word at an aligned offset (where pcap and pcapng keep lengths). */
    record Mutation(int position, int value, boolean word) {
        void apply(byte[] bytes) {
            int at = Math.floorMod(position, bytes.length);
            if (!word) {
                bytes[at] = (byte) value;
                return;
            }
            at &= ~3;
            for (int i = 0; i < 4 && at + i < bytes.length; i++) {
                bytes[at + i] = (byte) (value >>> (8 * i));
            }
        }
    }

    @Property(tries = 3000)
    void mutatedCapturesReadOrAreRefused(@ForAll("seedIndex") int seed, @ForAll @Size(min = 1, max = 8)
            List<@net.jqwik.api.From("mutations") Mutation> mutations, @ForAll @IntRange(max = 400) int cut) {
        byte[] original = seeds().get(seed);
        byte[] bytes = original.clone();
        mutations.forEach(m -> m.apply(bytes));
        int length = Math.max(0, bytes.length - cut);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                CaptureFile file = CaptureFiles.read(new BytesChannel(bytes, length));
                FrameStore frames = file.frames();
                for (int i = 0; i < frames.size(); i++) {
                    assertTrue(frames.capturedLength(i) <= frames.originalLength(i));
                    assertTrue(frames.capturedLength(i) <= length);
                }
            } catch (CaptureFormatException expected) {
                assertTrue(!expected.getMessage().isBlank());
            }
        });
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, seeds().size() - 1);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> values = Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, 1, 3, 4, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 12, 16, 28, 262145));
        return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), values,
                Arbitraries.of(true, false)).as(Mutation::new);
    }

    private static synchronized List<byte[]> seeds() {
        if (seeds == null) {
            List<byte[]> files = new ArrayList<>();
            try {
                for (Path capture : Corpus.captures()) {
                    files.add(Files.readAllBytes(capture));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.add(new PcapNgBuilder()
                    .section(ByteOrder.BIG_ENDIAN)
                    .interfaceDescription(1, 40, 0x80 | 20, 7)
                    .enhancedPacket(0, 1L << 40, new byte[60], 60)
                    .simplePacket(new byte[40], 80)
                    .obsoletePacket(0, 1L << 41, new byte[30], 30)
                    .otherBlock(5, 12)
                    .section(ByteOrder.LITTLE_ENDIAN)
                    .interfaceDescription(113, 0, 3, -7)
                    .enhancedPacket(0, 12345, new byte[44], 44)
                    .bytes());
            seeds = files;
        }
        return seeds;
    }
}
