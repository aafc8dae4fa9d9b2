package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.testing.BytesChannel;
import org.wirelab.core.testing.Corpus;

/**
 * Every corpus file cut at every byte: the frames before the cut, unchanged, and a warning naming
 * the next frame whenever the cut splits a record; a cut inside the file header is refused.
 */
class DamageTest {
    private static final Pattern FRAME_NUMBER = Pattern.compile("frame (\\d+)");

    @TestFactory
    Stream<DynamicTest> cutAtEveryByte() {
        return Corpus.captures().stream().map(capture -> DynamicTest.dynamicTest(capture.getFileName().toString(),
                () -> cutEverywhere(capture)));
    }

    private static void cutEverywhere(Path capture) throws IOException {
        byte[] bytes = Files.readAllBytes(capture);
        CaptureFile whole;
        try {
            whole = CaptureFiles.read(new BytesChannel(bytes));
        } catch (CaptureFormatException refused) {
            return;
        }
        FrameStore all = whole.frames();
        for (int length = 0; length < bytes.length; length++) {
            CaptureFile cut;
            try {
                cut = CaptureFiles.read(new BytesChannel(bytes, length));
            } catch (CaptureFormatException refused) {
                // Only the file header (pcap's 24 bytes, pcapng's first section header) may be refused.
                if (length >= headerLength(capture, bytes)) {
                    fail("cut at " + length + " refused although the header was whole: " + refused.getMessage());
                }
                continue;
            }
            FrameStore frames = cut.frames();
            assertTrue(frames.size() <= all.size(), "more frames than the whole file at cut " + length);
            for (int i = 0; i < frames.size(); i++) {
                if (!frames.frame(i).equals(all.frame(i))) {
                    fail("cut at " + length + ": frame " + (i + 1) + " differs from the whole file's");
                }
            }
            for (String warning : cut.warnings()) {
                if (warning.startsWith("file ends in the middle of frame")) {
                    Matcher number = FRAME_NUMBER.matcher(warning);
                    assertTrue(number.find());
                    assertEquals(frames.size() + 1, Integer.parseInt(number.group(1)), warning);
                }
            }
            if (whole.warnings().isEmpty() && frames.size() < all.size() && cut.warnings().isEmpty()) {
                // A cut exactly between records looks like a shorter sound file; anywhere else it must say so.
                boolean betweenRecords = isRecordBoundary(capture, bytes, length);
                assertTrue(betweenRecords, "cut at " + length + " of " + capture.getFileName() + " gave no warning");
            }
        }
    }

    private static int headerLength(Path capture, byte[] bytes) {
        return capture.getFileName().toString().endsWith(".pcapng") ? order(bytes).getInt(4) : 24;
    }

    private static ByteBuffer order(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(bytes[0] == (byte) 0xd4 || bytes[0] == 0x4d || bytes[8] == 0x4d
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    /** Whether {@code length} is where a pcap record or pcapng block ends in the whole file. */
    private static boolean isRecordBoundary(Path capture, byte[] bytes, int length) {
        boolean pcapng = capture.getFileName().toString().endsWith(".pcapng");
        ByteBuffer buffer = order(bytes);
        int at = pcapng ? 0 : 24;
        while (at < length) {
            at += pcapng ? buffer.getInt(at + 4) : 16 + buffer.getInt(at + 8);
        }
        return at == length;
    }
}
