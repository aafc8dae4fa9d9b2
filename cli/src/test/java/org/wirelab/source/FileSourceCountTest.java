package org.wirelab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;

/**
 * A long file tells how many frames it has read while it reads them, before it delivers them all at
 * once: the window's "N frames so far" moves instead of staying at the first screen's count.
 */
class FileSourceCountTest {
    @TempDir
    Path dir;

    private static final int TOTAL = 5 * CaptureFiles.COUNT_EVERY + 123;

    /** A file of {@link #TOTAL} frames: tcp-hello's over and over. */
    private Path longFile() throws Exception {
        FrameStore hello = CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames();
        Path file = dir.resolve("long.pcap");
        try (PcapWriter writer = PcapWriter.create(file, hello.linkType(0))) {
            for (int i = 0; i < TOTAL; i++) {
                int k = i % hello.size();
                writer.append(hello.timestampNanos(k) + i * 1000L, hello.linkType(k), hello.buffer(k), hello.offset(k),
                        hello.capturedLength(k), hello.originalLength(k));
            }
        }
        return file;
    }

    /**
     * The window hears that every frame is read as soon as it is, before the analysis of the whole file
     * (seconds on a million frames), not only with the capture analysed at the end.
     */
    @Test
    void theWholeCountAndTheEndOfReadingAreToldBeforeTheAnalysis() throws Exception {
        Path file = longFile();
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        SourceRun run = new SourceRun(new FileSource(file, 100, java.util.Locale.ENGLISH), Runnable::run,
                new SourceRun.Listener() {
                    @Override
                    public void progress(double fraction) {
                        heard.add("progress " + fraction);
                    }

                    @Override
                    public void counted(int framesRead) {
                        heard.add("counted " + framesRead);
                    }

                    @Override
                    public void finished(Capture last, String reason) {
                        heard.add("finished " + last.size());
                    }
                });
        run.start();
        run.join();
        int finished = heard.indexOf("finished " + TOTAL);
        assertTrue(finished > 0, heard.toString());
        assertTrue(heard.subList(0, finished).contains("counted " + TOTAL), heard.toString());
        assertTrue(heard.subList(0, finished).contains("progress 1.0"), heard.toString());
    }

    @Test
    void aLongFileCountsItsFramesAsItReadsThem() throws Exception {
        Path file = longFile();
        int total = TOTAL;
        List<Integer> counts = new ArrayList<>();
        List<Integer> deliveredWhenCounted = new ArrayList<>();
        int[] delivered = {0};
        new FileSource(file, 100, java.util.Locale.ENGLISH).run(new FrameFeed() {
            @Override
            public void frame(long t, int link, byte[] bytes, int offset, int captured, int original) {
                delivered[0]++;
            }

            @Override
            public void frames(FrameStore frames) {
                delivered[0] = frames.size();
            }

            @Override
            public void beginning(FrameStore firstFrames) {
                delivered[0] = firstFrames.size();
            }

            @Override
            public void counted(int framesRead) {
                counts.add(framesRead);
                deliveredWhenCounted.add(delivered[0]);
            }

            @Override
            public void lost(int frameNumber) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void progress(double fraction) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertTrue(counts.size() >= 5, "counted as it read: " + counts);
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) >= counts.get(i - 1), "the count only grows: " + counts);
        }
        assertEquals(total, counts.get(counts.size() - 1));
        assertEquals(100, deliveredWhenCounted.get(0), "counted before the frames were delivered beyond the first screen");
        assertEquals(total, delivered[0]);
    }
}
