package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.testing.Tshark;

/** Files larger than the writer's buffers: every frame arrives, flush means written, failures surface. */
class PcapWriterTest {
    private static final int ETHERNET = 1;
    private static final int FRAMES = 6_000;
    private static final long START = 1_700_000_000_000_000_000L;

    @TempDir
    Path temp;

    @Test
    void framesSpanningManyBuffersAreReadBackInOrder() throws IOException {
        Path file = temp.resolve("many.pcap");
        List<byte[]> written = frames();
        write(file, written);
        FrameStore read = CaptureFiles.read(file).frames();
        assertEquals(FRAMES, read.size());
        for (int i = 0; i < FRAMES; i++) {
            assertArrayEquals(written.get(i), read.frame(i).bytes(), "frame " + (i + 1));
            assertEquals(START + i * 1_000L, read.timestampNanos(i), "frame " + (i + 1));
        }
    }

    @Test
    void tsharkReadsEveryFrame() throws IOException {
        Tshark.require();
        Path file = temp.resolve("many.pcap");
        write(file, frames());
        List<String[]> rows = Tshark.fields(file, List.of("frame.number"));
        assertEquals(String.valueOf(FRAMES), rows.get(rows.size() - 1)[0], "tshark's last frame number");
    }

    private static void write(Path file, List<byte[]> frames) throws IOException {
        try (PcapWriter writer = PcapWriter.create(file, ETHERNET)) {
            for (int i = 0; i < frames.size(); i++) {
                byte[] bytes = frames.get(i);
                writer.append(START + i * 1_000L, ETHERNET, bytes, 0, bytes.length, bytes.length);
            }
        }
    }

    @Test
    void aWriterThreadFallingBehindKeepsTheRecordsInOrder() throws IOException {
        // Each write waits a little, so several full buffers queue up behind the writer thread.
        java.io.ByteArrayOutputStream slowly = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                try {
                    Thread.sleep(1); // per 8 kB chunk of the JDK's stream channel
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.write(b, off, len);
            }
        };
        List<byte[]> written = frames();
        try (PcapWriter writer = PcapWriter.to(slowly, ETHERNET, PcapWriter.DEFAULT_SNAP_LENGTH,
                PcapWriter.Resolution.NANOSECONDS)) {
            for (int i = 0; i < written.size(); i++) {
                byte[] bytes = written.get(i);
                writer.append(START + i * 1_000L, ETHERNET, bytes, 0, bytes.length, bytes.length);
            }
        }
        Path file = temp.resolve("fast.pcap");
        write(file, written);
        assertArrayEquals(Files.readAllBytes(file), slowly.toByteArray(), "the same file as with a writer that keeps up");
    }

    @Test
    void flushPutsEveryFrameSoFarInTheFile() throws IOException {
        Path file = temp.resolve("flushed.pcap");
        List<byte[]> written = frames();
        try (PcapWriter writer = PcapWriter.create(file, ETHERNET)) {
            long expectedSize = PcapReader.FILE_HEADER;
            for (int i = 0; i < written.size(); i++) {
                byte[] bytes = written.get(i);
                writer.append(START + i, ETHERNET, bytes, 0, bytes.length, bytes.length);
                expectedSize += PcapReader.RECORD_HEADER + bytes.length;
                if (i % 1_000 == 999) {
                    writer.flush();
                    assertEquals(expectedSize, Files.size(file), "after frame " + (i + 1));
                }
            }
        }
    }

    @Test
    void aFailedWriteIsReportedByTheWriter() {
        OutputStream diskFull = new OutputStream() {
            private long room = 3_000_000;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                room -= len;
                if (room < 0) {
                    throw new IOException("No space left on device");
                }
            }
        };
        IOException failure = assertThrows(IOException.class, () -> {
            try (PcapWriter writer = PcapWriter.to(diskFull, ETHERNET, PcapWriter.DEFAULT_SNAP_LENGTH,
                    PcapWriter.Resolution.NANOSECONDS)) {
                for (byte[] bytes : frames()) {
                    writer.append(START, ETHERNET, bytes, 0, bytes.length, bytes.length);
                }
            }
        });
        assertTrue(failure.getMessage().contains("No space left"), failure.getMessage());
    }

    /** Frames of 60 to 1,514 random bytes, about 4.5 MB in all: several of the writer's buffers. */
    private static List<byte[]> frames() {
        Random random = new Random(5);
        return java.util.stream.IntStream.range(0, FRAMES).mapToObj(i -> {
            byte[] bytes = new byte[60 + random.nextInt(1_455)];
            random.nextBytes(bytes);
            return bytes;
        }).toList();
    }
}
