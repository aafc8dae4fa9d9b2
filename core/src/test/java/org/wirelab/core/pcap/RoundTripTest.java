package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Tshark;

/** Read, write, read again: the same frames and, written twice, the same bytes; tshark agrees. */
class RoundTripTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> writeThenReadGivesTheSameFramesAndBytes() {
        return onEveryReadableCapture((capture, original) -> {
            for (PcapWriter.Resolution resolution : resolutionsKeepingTime(original)) {
                Path first = write(original, temp.resolve("first.pcap"), resolution);
                CaptureFile reread = CaptureFiles.read(first);
                assertSameFrames(original.frames(), reread.frames());
                assertEquals(List.of(), reread.warnings());
                Path second = write(reread, temp.resolve("second.pcap"), resolution);
                assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                        "writing the re-read frames gives other bytes");
            }
        });
    }

    /** Nanoseconds always; microseconds too when every timestamp is whole microseconds. */
    private static List<PcapWriter.Resolution> resolutionsKeepingTime(CaptureFile file) {
        FrameStore frames = file.frames();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.timestampNanos(i) % 1000 != 0) {
                return List.of(PcapWriter.Resolution.NANOSECONDS);
            }
        }
        return List.of(PcapWriter.Resolution.NANOSECONDS, PcapWriter.Resolution.MICROSECONDS);
    }

    private static Path write(CaptureFile file, Path target, PcapWriter.Resolution resolution) throws IOException {
        CaptureInterface first = file.info().interfaces().get(0);
        try (PcapWriter writer = PcapWriter.create(target, first.linkType(),
                (int) Math.min(first.snapLength(), Integer.MAX_VALUE), resolution)) {
            for (int i = 0; i < file.frames().size(); i++) {
                writer.append(file.frames(), i);
            }
        }
        return target;
    }

    /** Compares frame by frame and names the first that differs. */
    static void assertSameFrames(FrameStore expected, FrameStore actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            RawFrame want = expected.frame(i);
            RawFrame got = actual.frame(i);
            if (!want.equals(got)) {
                fail("frame " + (i + 1) + " differs: expected " + want + ", got " + got);
            }
        }
        assertEquals(expected.size(), actual.size(), "frame count");
    }

    /** A little-endian pcap written by libpcap (2.4, zone 0, plain link type) comes back byte for byte. */
    @Test
    void libpcapFilesAreReproducedExactly() throws IOException {
        int reproduced = 0;
        for (Path capture : Corpus.captures()) {
            Optional<PcapWriter.Resolution> resolution = plainLittleEndianPcap(capture);
            // Its fractions of 1000000000 and more ns are out of range; we carry them into the seconds.
            if (resolution.isEmpty() || capture.getFileName().toString().equals("tcpdump__timestamp_invalid_nano.pcap")) {
                continue;
            }
            CaptureFile file = CaptureFiles.read(capture);
            if (!file.warnings().isEmpty()) {
                continue;
            }
            Path copy = write(file, temp.resolve("copy.pcap"), resolution.get());
            assertArrayEquals(Files.readAllBytes(capture), Files.readAllBytes(copy), capture.getFileName().toString());
            reproduced++;
        }
        // Most of the corpus is such files; if none qualified the test proved nothing.
        if (reproduced < 10) {
            fail("only " + reproduced + " corpus files were plain little-endian pcap");
        }
    }

    private static Optional<PcapWriter.Resolution> plainLittleEndianPcap(Path capture) throws IOException {
        byte[] bytes = Files.readAllBytes(capture);
        if (bytes.length < 24) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = header.getInt(0);
        boolean plain = header.getShort(4) == 2 && header.getShort(6) == 4 && header.getInt(8) == 0
                && header.getInt(12) == 0 && (header.getInt(20) & 0xffff0000) == 0;
        if (!plain) {
            return Optional.empty();
        }
        if (magic == PcapReader.MAGIC_MICROSECONDS) {
            return Optional.of(PcapWriter.Resolution.MICROSECONDS);
        }
        return magic == PcapReader.MAGIC_NANOSECONDS ? Optional.of(PcapWriter.Resolution.NANOSECONDS) : Optional.empty();
    }

    /** tshark reads what we wrote, with exit code 0, and sees tshark's frames of the original. */
    @TestFactory
    Stream<DynamicTest> tsharkReadsWhatWeWrote() {
        return onEveryReadableCapture((capture, original) -> {
            Path written = write(original, temp.resolve("written.pcap"), PcapWriter.Resolution.NANOSECONDS);
            List<String[]> ours = Tshark.fields(written,
                    List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len"));
            List<String[]> truth = CaptureTruth.of(capture).frames();
            assertEquals(truth.size(), ours.size() - 1, "tshark's frame count of the written file");
            boolean invalidNanos = capture.getFileName().toString().equals("tcpdump__timestamp_invalid_nano.pcap");
            for (int i = 0; i < truth.size(); i++) {
                String[] want = truth.get(i);
                String[] got = ours.get(i + 1);
                String where = "frame " + (i + 1);
                assertEquals(want[0], got[0], where);
                if (!(invalidNanos && i >= 1)) {
                    assertEquals(want[1], got[1], where + " frame.time_epoch");
                } else {
                    // We normalise 1000000000 ns into the next second; tshark prints that sum.
                    assertEquals(Timestamps.epochText(original.frames().timestampNanos(i)), got[1], where);
                }
                assertEquals(want[2], got[2], where + " frame.len");
                assertEquals(want[3], got[3], where + " frame.cap_len");
            }
        });
    }

    /** A test of one capture as read, with its path (for tshark's answers). */
    private interface CaptureTest {
        void run(Path capture, CaptureFile original) throws Throwable;
    }

    /**
     * {@code test} as one dynamic test per corpus file; the malformed files are refused and have nothing
     * to write (CorpusReadTest covers them).
     */
    private static Stream<DynamicTest> onEveryReadableCapture(CaptureTest test) {
        return Corpus.captures().stream().map(capture -> DynamicTest.dynamicTest(capture.getFileName().toString(), () -> {
            Optional<CaptureFile> read = Corpus.read(capture);
            if (read.isPresent()) {
                test.run(capture, read.get());
            }
        }));
    }
}
