package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.testing.Corpus;

/**
 * Random bytes, and corpus and hand-built frames with bits flipped, bytes overwritten and their ends cut,
 * under every link type: both decoders return in time without throwing, and every layer, field and
 * diagnostic of the tree stays inside the captured bytes.
 */
class DecoderFuzzProperties {
    private static final int[] LINK_TYPES = {LinkType.NULL, LinkType.ETHERNET, LinkType.RAW, LinkType.LOOP,
        LinkType.LINUX_SLL, LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL2, 147};
    private static final FrameDecoder TREE = FrameDecoder.standard();
    private static List<RawFrame> seeds;

    /** A change to a frame: flip one bit, or overwrite one byte. */
    record Mutation(int position, int value, boolean flip) {
        void apply(byte[] bytes) {
            if (bytes.length == 0) {
                return;
            }
            int at = Math.floorMod(position, bytes.length);
            bytes[at] = flip ? (byte) (bytes[at] ^ (1 << (value & 7))) : (byte) value;
        }
    }

    @Property(tries = 3000)
    void randomBytesUnderEveryLinkType(@ForAll("linkTypes") int linkType, @ForAll @Size(max = 300) byte[] bytes,
            @ForAll @IntRange(max = 70000) int uncaptured) {
        decodeBoth(linkType, bytes, bytes.length + uncaptured);
    }

    @Property(tries = 4000)
    void mutatedRealFrames(@ForAll("seedIndex") int seed, @ForAll @Size(max = 6) List<@net.jqwik.api.From(
            "mutations") Mutation> mutations, @ForAll @IntRange(max = 120) int cut, @ForAll boolean otherLinkType,
            @ForAll("linkTypes") int linkType) {
        RawFrame original = seeds().get(seed);
        byte[] bytes = original.bytes();
        mutations.forEach(m -> m.apply(bytes));
        int kept = Math.max(0, bytes.length - cut);
        byte[] captured = java.util.Arrays.copyOf(bytes, kept);
        decodeBoth(otherLinkType ? linkType : original.linkType(), captured, original.originalLength());
    }

    private static void decodeBoth(int linkType, byte[] bytes, int originalLength) {
        int wire = Math.max(bytes.length, originalLength);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            DecodedFrame frame = TREE.decode(new RawFrame(1, 0, linkType, bytes, wire));
            for (Layer layer : frame.layers()) {
                assertInside(layer.range(), bytes.length, layer.protocol());
                layer.fields().forEach(top -> top.forEach(f -> assertInside(f.range(), bytes.length, f.label())));
                layer.diagnostics().forEach(d -> assertInside(d.range(), bytes.length, d.message()));
                assertTrue(layer.summary() != null && layer.title() != null);
            }
            PacketTable table = new PacketTable(1);
            new SummaryDecoder().decodeInto(bytes, 0, bytes.length, wire, linkType, table);
            assertTrue(table.networkOffset(0) <= bytes.length && table.transportOffset(0) <= Math.max(bytes.length,
                    65535));
        });
    }

    private static void assertInside(ByteRange range, int captured, String what) {
        assertTrue(range.end() <= captured, () -> what + " covers " + range + " beyond the " + captured
                + " captured bytes");
    }

    @Provide
    Arbitrary<Integer> linkTypes() {
        return Arbitraries.of(java.util.Arrays.stream(LINK_TYPES).boxed().toList());
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, seeds().size() - 1);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 1 << 16),
                Arbitraries.integers().between(0, 255), Arbitraries.of(true, false)).as(Mutation::new);
    }

    /** Every frame of every readable corpus file, and the hand-built ones. */
    private static synchronized List<RawFrame> seeds() {
        if (seeds == null) {
            List<RawFrame> frames = new ArrayList<>();
            for (var crafted : CraftedFrames.all()) {
                frames.add(crafted.raw(frames.size() + 1));
            }
            for (Path capture : Corpus.captures()) {
                try {
                    FrameStore store = CaptureFiles.read(capture).frames();
                    for (int i = 0; i < store.size(); i++) {
                        frames.add(store.frame(i));
                    }
                } catch (IOException | RuntimeException notACapture) {
                    // The malformed corpus files that are refused outright give no frames to mutate.
                    if (!Files.isRegularFile(capture)) {
                        throw new UncheckedIOException(new IOException("missing " + capture));
                    }
                }
            }
            seeds = frames;
        }
        return seeds;
    }
}
