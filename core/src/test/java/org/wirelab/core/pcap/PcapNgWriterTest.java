package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** pcapng with the lesson in its comments: read back by wirelab and by tshark, written all or nothing. */
class PcapNgWriterTest {
    private static final String SECTION = "wirelab: simulated tcp-hello; link: delay 10 ms, loss 0 %, seed 1";

    @TempDir
    Path temp;

    private static FrameStore hello() throws IOException {
        return CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames();
    }

    private static String comment(int index) {
        return index == 2 ? "" : "Trame " + (index + 1) + " : le client envoie « hello serveur » (accusé, ✔)";
    }

    @Test
    void framesAndTimestampsAreReadBackAsWritten() throws IOException {
        FrameStore frames = hello();
        Path file = temp.resolve("hello.pcapng");
        PcapNgWriter.write(frames, file, SECTION, PcapNgWriterTest::comment);
        FrameStore read = CaptureFiles.read(file).frames();
        assertEquals(frames.size(), read.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.frame(i).bytes(), read.frame(i).bytes(), "frame " + (i + 1));
            assertEquals(frames.timestampNanos(i), read.timestampNanos(i), "frame " + (i + 1));
            assertEquals(frames.linkType(i), read.linkType(i), "frame " + (i + 1));
        }
    }

    @Test
    void tsharkShowsEachFramesCommentAndTheSectionComment() throws IOException {
        Tshark.require();
        FrameStore frames = hello();
        Path file = temp.resolve("hello.pcapng");
        PcapNgWriter.write(frames, file, SECTION, PcapNgWriterTest::comment);
        List<String[]> rows = Tshark.fields(file, List.of("frame.number", "frame.comment"));
        assertEquals(frames.size() + 1, rows.size());
        for (int i = 0; i < frames.size(); i++) {
            String[] row = rows.get(i + 1);
            assertEquals(comment(i), row.length > 1 ? row[1] : "", "frame " + (i + 1));
        }
        String capinfos = capinfos(file);
        assertTrue(capinfos.contains("Capture comment:     " + SECTION), capinfos);
        assertTrue(capinfos.contains("Capture application: wirelab"), capinfos);
    }

    @Test
    void aSaveThatFailsLeavesTheOldFileWhole() throws IOException {
        Path file = temp.resolve("kept.pcapng");
        Files.writeString(file, "the old file");
        FrameStore frames = hello();
        assertThrows(IllegalStateException.class, () -> PcapNgWriter.write(frames, file, SECTION, index -> {
            if (index == 5) {
                throw new IllegalStateException("the disk is full");
            }
            return "";
        }));
        assertEquals("the old file", Files.readString(file));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aPcapIsWrittenAtomicallyToo() throws IOException {
        FrameStore frames = hello();
        Path file = temp.resolve("hello.pcap");
        PcapWriter.writeAtomically(frames, file);
        FrameStore read = CaptureFiles.read(file).frames();
        assertEquals(frames.size(), read.size());
        assertArrayEquals(frames.frame(3).bytes(), read.frame(3).bytes());
    }

    private static String capinfos(Path file) throws IOException {
        try {
            Process process = new ProcessBuilder("capinfos", file.toString()).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException e) {
            Environment.missing("capinfos (installed with tshark) cannot run: " + e.getMessage());
            return "";
        }
    }
}
