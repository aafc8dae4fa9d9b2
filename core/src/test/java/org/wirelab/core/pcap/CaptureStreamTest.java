package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wirelab.core.testing.Corpus;

/**
 * A capture read from a stream as it is written (what a pipe from dumpcap gives): each frame is
 * handed over as soon as its block is whole, not at the end of the stream, and a stream gives the
 * same frames and warnings as the same bytes read from a file.
 */
class CaptureStreamTest {
    private static final byte[] FIRST = {1, 2, 3, 4, 5, 6, 7};
    private static final byte[] SECOND = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 42};

    @Test
    void eachFrameIsReadAsSoonAsItsBlockHasArrived() throws Exception {
        byte[] header = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1, 262144, 9, 0).bytes();
        byte[] first = new PcapNgBuilder().enhancedPacket(0, 1_000_000_001L, FIRST, 60).bytes();
        byte[] second = new PcapNgBuilder().enhancedPacket(0, 2_000_000_002L, SECOND, SECOND.length).bytes();
        // PcapNgBuilder starts a new byte array per call: only the blocks themselves are concatenated.
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer, 1 << 16);
        writer.write(header);
        writer.write(first);
        writer.flush();
        try (CaptureReader reader = CaptureReader.stream(pipe)) {
            // The writer has not ended (nor written frame 2): frame 1 must be readable now.
            assertTrue(within(reader::next), "frame 1 while the stream is still open");
            assertEquals(1_000_000_001L, reader.timestampNanos());
            assertEquals(60, reader.originalLength());
            assertArrayEquals(FIRST, frameBytes(reader));

            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.next();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // Frame 2 arrives a few bytes at a time: next() waits for the whole block.
            for (int at = 0; at < second.length; at += 5) {
                assertFalse(next.isDone(), "next() returned before frame 2's block was whole (at byte " + at + ")");
                writer.write(second, at, Math.min(5, second.length - at));
                writer.flush();
                Thread.sleep(5);
            }
            assertTrue(next.get(60, TimeUnit.SECONDS));
            assertEquals(2_000_000_002L, reader.timestampNanos());
            assertArrayEquals(SECOND, frameBytes(reader));

            writer.close();
            assertFalse(reader.next(), "the end of the stream ends the frames");
            assertEquals(List.of(), reader.warnings());
            assertEquals(1, reader.info().interfaces().size());
        }
    }

    @Test
    void aStreamThatEndsInsideABlockSaysSo() throws IOException {
        byte[] bytes = new PcapNgBuilder().section(ByteOrder.BIG_ENDIAN).interfaceDescription(1, 65535, -1, 0)
                .enhancedPacket(0, 5, FIRST, FIRST.length).enhancedPacket(0, 6, SECOND, SECOND.length).bytes();
        try (CaptureReader reader = CaptureReader.stream(new ByteArrayInputStream(bytes, 0, bytes.length - 6))) {
            assertTrue(reader.next());
            assertFalse(reader.next());
            assertEquals(1, reader.warnings().size(), reader.warnings().toString());
            assertTrue(reader.warnings().get(0).startsWith("file ends in the middle of frame 2"), reader.warnings().get(0));
        }
    }

    @Test
    void aBlockLongerThanAStreamAllowsStopsTheReadingWithoutAllocatingIt() throws IOException {
        byte[] good = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1, 65535, -1, 0).bytes();
        // A block header that claims 1 GiB, then nothing more: a file reader would see the end of the file.
        byte[] huge = {6, 0, 0, 0, 0, 0, 0, 0x40};
        byte[] bytes = Arrays.copyOf(good, good.length + huge.length);
        System.arraycopy(huge, 0, bytes, good.length, huge.length);
        try (CaptureReader reader = CaptureReader.stream(new ByteArrayInputStream(bytes))) {
            assertFalse(reader.next());
            assertTrue(reader.warnings().get(0).contains("block length 1073741824 is more than the 16777216 bytes"),
                    reader.warnings().toString());
        }
    }

    @Test
    void anEmptyStreamIsNotACapture() {
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> CaptureReader.stream(InputStream.nullInputStream()));
        assertEquals("not a capture: the stream ended before any byte", e.getMessage());
    }

    /** Every corpus file, pcap and pcapng, damaged ones too: read as a stream, it reads as the file does. */
    @TestFactory
    Stream<DynamicTest> aStreamReadsAsTheFileDoes() {
        return Corpus.captures().stream().map(capture ->
                DynamicTest.dynamicTest(capture.getFileName().toString(), () -> compare(capture)));
    }

    private static void compare(Path capture) throws IOException {
        List<String> fromFile;
        try (CaptureReader reader = CaptureReader.open(capture)) {
            fromFile = frames(reader);
        } catch (CaptureFormatException e) {
            CaptureFormatException streamed = assertThrows(CaptureFormatException.class,
                    () -> CaptureReader.stream(Files.newInputStream(capture)).close());
            assertEquals(e.getMessage(), streamed.getMessage());
            return;
        }
        // A stream that hands over a few bytes per read, as a pipe does while the writer is slow.
        byte[] bytes = Files.readAllBytes(capture);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        try (CaptureReader reader = CaptureReader.stream(trickle)) {
            assertEquals(fromFile, frames(reader));
        }
    }

    /** Each frame as one line (time, lengths, link type, bytes), then the warnings. */
    private static List<String> frames(CaptureReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.frameNumber() + " " + reader.timestampNanos() + " " + reader.capturedLength() + "/"
                    + reader.originalLength() + " link " + reader.linkType() + " if " + reader.interfaceIndex() + " "
                    + Arrays.hashCode(frameBytes(reader)));
        }
        lines.addAll(reader.warnings());
        lines.add(reader.info().interfaces().toString());
        return lines;
    }

    private static byte[] frameBytes(CaptureReader reader) {
        return Arrays.copyOfRange(reader.buffer(), reader.offset(), reader.offset() + reader.capturedLength());
    }

    private interface Step {
        boolean run() throws IOException;
    }

    private static boolean within(Step step) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }
}
