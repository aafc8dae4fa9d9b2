package org.wirelab.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.source.Capture;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

class SourceRunTest {

    /** What a run told the UI, in order. */
    private static final class Heard implements SourceRun.Listener {
        final List<Capture> published = new ArrayList<>();
        final List<Double> progress = new ArrayList<>();
        Capture last;
        String error;

        @Override
        public synchronized void published(Capture capture) {
            published.add(capture);
        }

        @Override
        public synchronized void progress(double fraction) {
            progress.add(fraction);
        }

        @Override
        public synchronized void finished(Capture capture, String reason) {
            last = capture;
            error = reason;
        }
    }

    private static Heard run(FrameSource source) throws InterruptedException {
        Heard heard = new Heard();
        SourceRun run = new SourceRun(source, Runnable::run, heard);
        run.start();
        run.join();
        return heard;
    }

    @Test
    void aSourceThatRunsOutOfHeapEndsWithWhatToDoAndKeepsItsFrames() throws Exception {
        Heard heard = run(new FrameSource() {
            @Override
            public String title() {
                return "huge.pcap";
            }

            @Override
            public void run(FrameFeed feed) {
                byte[] frame = new byte[60];
                for (int i = 0; i < 3; i++) {
                    feed.frame(1_000_000_000L * i, LinkType.ETHERNET, frame, 0, frame.length, frame.length);
                }
                throw new OutOfMemoryError("Java heap space");
            }
        });

        assertEquals(3, heard.last.size(), "the frames read before stay");
        assertTrue(heard.error.startsWith("out of memory: the Java heap (at most "), heard.error);
        assertTrue(heard.error.contains("JAVA_TOOL_OPTIONS=-Xmx"), heard.error);
    }

    @Test
    void aFileGivesEveryFrameAsTsharkCountsThem() throws Exception {
        Path file = Environment.samples().resolve("http-get.pcap");
        Tshark.require();
        int tsharkFrames = Tshark.fields(file, List.of("frame.number")).size() - 1;

        Heard heard = run(new FileSource(file));

        assertNull(heard.error);
        assertEquals(tsharkFrames, heard.last.size());
        assertTrue(heard.last.complete());
        assertEquals("http-get.pcap", heard.last.title());
    }

    @Test
    void aLongFileShowsItsFirstFramesBeforeTheWholeFile() throws Exception {
        Path file = Environment.samples().resolve("http-get.pcap");
        Tshark.require();
        int tsharkFrames = Tshark.fields(file, List.of("frame.number")).size() - 1;

        Heard heard = run(new FileSource(file, 3, java.util.Locale.ENGLISH));

        assertEquals(1, heard.published.size(), "the beginning, published before the end");
        Capture first = heard.published.get(0);
        assertEquals(3, first.size());
        assertFalse(first.complete());
        assertEquals(tsharkFrames, heard.last.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(heard.last.frames().frame(i).bytes(), first.frames().frame(i).bytes(), "frame " + (i + 1));
        }
    }

    @Test
    void aShortFileIsReadOnceAndNotPublishedBeforeItsEnd() throws Exception {
        Heard heard = run(new FileSource(Environment.samples().resolve("tcp-hello.pcap")));

        assertEquals(List.of(), heard.published);
        assertEquals(10, heard.last.size());
    }

    @Test
    void aDamagedFileKeepsTheFramesBeforeTheDamageWithAWarning(@TempDir Path directory) throws Exception {
        byte[] whole = Files.readAllBytes(Environment.samples().resolve("tcp-hello.pcap"));
        Path damaged = directory.resolve("cut.pcap");
        Files.write(damaged, Arrays.copyOf(whole, whole.length - 10));

        Heard heard = run(new FileSource(damaged));

        assertNull(heard.error);
        assertEquals(9, heard.last.size());
        assertEquals(1, heard.last.warnings().size());
        assertTrue(heard.last.warnings().get(0).startsWith("cut.pcap: "), heard.last.warnings().get(0));
    }

    @Test
    void aFileThatIsNotACaptureIsOneLineAndNoFrame(@TempDir Path directory) throws Exception {
        Path text = directory.resolve("notes.pcap");
        Files.writeString(text, "these are my notes, not a capture\n");

        Heard heard = run(new FileSource(text));

        assertTrue(heard.error.startsWith("notes.pcap: "), heard.error);
        assertTrue(!heard.error.contains("\n"), heard.error);
        assertEquals(0, heard.last.size());
    }

    @Test
    void framesArrivingOverTimeArePublishedAndCancelKeepsThem() throws Exception {
        byte[] frame = new byte[60];
        FrameSource endless = new FrameSource() {
            @Override
            public String title() {
                return "endless";
            }

            @Override
            public void run(FrameFeed feed) throws InterruptedException {
                int n = 0;
                while (!feed.cancelled()) {
                    feed.frame(1_000_000L * n++, LinkType.ETHERNET, frame, 0, frame.length, frame.length);
                    Thread.sleep(5);
                }
            }
        };
        Heard heard = new Heard();
        SourceRun run = new SourceRun(endless, Runnable::run, heard);
        run.start();
        Thread.sleep(3 * SourceRun.PUBLISH_MILLIS);
        run.cancel();
        run.join();

        assertNull(heard.error, "a cancelled source is no error");
        assertTrue(heard.published.size() >= 2, "published while frames arrived: " + heard.published.size());
        for (int i = 1; i < heard.published.size(); i++) {
            assertTrue(heard.published.get(i).size() > heard.published.get(i - 1).size());
            assertTrue(!heard.published.get(i).complete());
        }
        assertTrue(heard.last.size() >= heard.published.get(heard.published.size() - 1).size());
        assertTrue(heard.last.complete());
    }

    @Test
    void framesHandedAllAtOnceAreAnalysedOnceAsTheWholeCapture() throws Exception {
        FrameStore all = CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames();
        Heard heard = run(new FrameSource() {
            @Override
            public String title() {
                return "all at once";
            }

            @Override
            public void run(FrameFeed feed) throws InterruptedException {
                feed.frames(all);
                // The source's last words after its frames: the publisher's turns come meanwhile.
                Thread.sleep(4 * SourceRun.PUBLISH_MILLIS);
            }
        });

        assertEquals(List.of(), heard.published, "no capture of the frames before the whole one");
        assertEquals(all.size(), heard.last.size());
        assertTrue(heard.last.complete());
    }

    @Test
    void aSimulatedScenarioIsASourceLikeAFile() throws Exception {
        Heard heard = run(SimulatedSource.standard("tcp-hello"));

        assertNull(heard.error);
        assertEquals("simulated: tcp-hello", heard.last.title());
        assertEquals(1, heard.last.analysis().conversations().tcpStreamCount());
        var packets = heard.last.analysis().packets();
        assertEquals(org.wirelab.core.protocol.tcp.Tcp.SYN, packets.tcpFlags(0), "it starts with the client's SYN");
        assertEquals(org.wirelab.core.protocol.tcp.Tcp.ACK, packets.tcpFlags(heard.last.size() - 1) & 0x1f,
                "it ends with the ACK of the last FIN");
    }

    @Test
    void aLiveScenarioDeliversTheRealExchangeOrSaysWhyNot() throws Exception {
        Heard heard = run(new LiveScenarioSource("udp-echo"));

        if (heard.error != null) {
            assertTrue(heard.error.startsWith("cannot capture"), heard.error);
            Environment.missing("live capture: " + heard.error);
        }
        assertEquals(1, heard.last.analysis().conversations().udpStreamCount());
        assertEquals(2, heard.last.size(), "the request and its echo");
    }
}
