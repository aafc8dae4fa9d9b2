package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.FarPairsCapture;
import org.wirelab.core.testing.PairedFrames;

/**
 * {@code show --frame N} analyses only frame N's conversation, after the parts of the file before it
 * ({@link FileWindow}): its output (the tree with relative numbers and reassembled HTTP, the explanation
 * with its TCP states and the frames it names, the bytes) is byte for byte what the whole file's analysis
 * gives, for every sample and corpus file read in parts of 1 and 7 frames, so that every conversation
 * begins after parts carried over and other conversations are cut in every place.
 */
class ShowFrameInPartsTest {
    /** Frames shown per file: all of a small file, this many spread over a larger one. */
    private static final int FRAMES_PER_FILE = 12;

    static Stream<Path> captures() {
        return Corpus.readableWithSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyFrameShownInPartsIsTheWholeFilesOutput(Path capture) throws IOException {
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        for (int index : framesToShow(whole.size())) {
            assertShownInPartsAsWhole(capture, whole, index);
        }
    }

    static Stream<Path> capturesWithPairs() {
        return PairedFrames.captures();
    }

    /**
     * Every DNS message and ICMP echo reply, paired with a query or request of a part before (the DNS
     * transactions and the echoes carried from part to part), shown as the whole file shows it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("capturesWithPairs")
    void everyDnsMessageAndEchoReplyShownInPartsIsTheWholeFilesOutput(Path capture) throws IOException {
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        for (int index : PairedFrames.of(whole)) {
            assertShownInPartsAsWhole(capture, whole, index);
        }
    }

    /** A DNS response and an echo reply 3,000 frames after their query and request, parts of 100 frames. */
    @Test
    void aResponseAndAnEchoReplyFarFromTheirRequestsShowTheirPairs(@TempDir Path directory) throws IOException {
        Path capture = directory.resolve("far-pairs.pcap");
        int between = 3_000;
        FarPairsCapture.write(capture, between);
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        int response = FarPairsCapture.dnsResponse(between) - 1;
        int reply = FarPairsCapture.echoReply(between) - 1;
        assertTrue(shown(whole, response, Locale.ENGLISH).contains("[Request In: 1]"),
                () -> shown(whole, response, Locale.ENGLISH));
        assertTrue(shown(whole, reply, Locale.ENGLISH).contains("[Request frame: 2]"),
                () -> shown(whole, reply, Locale.ENGLISH));
        for (int index = response; index < whole.size(); index++) {
            FileWindow window = FileWindow.aroundFrame(capture, 100, index);
            assertTrue(window.analysis().size() <= 257, "window of frame " + (index + 1));
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                assertEquals(shown(whole, index, language), shown(window.analysis(), window.indexOf(index), language),
                        "frame " + (index + 1) + " (" + language + ")");
            }
        }
    }

    @Test
    void aFrameLateInManyInterleavedConnectionsIsAnalysedWithItsConversationOnly(@TempDir Path directory)
            throws IOException {
        Path capture = directory.resolve("loopback.pcap");
        LoopbackTrafficGenerator.write(capture, 12_000, 11);
        CaptureAnalysis whole = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        for (int index : new int[] {0, 5_999, 9_432, 11_998, 11_999}) {
            FileWindow window = FileWindow.aroundFrame(capture, 1000, index);
            assertEquals(conversationSpan(whole, index), window.analysis().size(), "window of frame " + (index + 1));
            assertEquals(12_000, window.reading().frames());
            assertEquals(shown(whole, index, Locale.ENGLISH),
                    shown(window.analysis(), window.indexOf(index), Locale.ENGLISH), "frame " + (index + 1));
        }
    }

    @Test
    void aFrameTheFileDoesNotHaveIsNotFound() throws IOException {
        Path capture = Environment.sampleFiles().stream().filter(p -> p.endsWith("tcp-hello.pcap")).findFirst()
                .orElseThrow();
        int frames = CaptureFiles.read(capture).frames().size();
        FileWindow window = FileWindow.aroundFrame(capture, 3, frames);
        assertEquals(false, window.found());
        assertEquals(frames, window.reading().frames());
        assertTrue(FileWindow.aroundFrame(capture, 3, frames - 1).found());
    }

    /**
     * A TCP segment's whole stream, a datagram alone (a DNS message too: its flow's transactions are
     * carried from part to part), else the frames an ICMP error's datagram may be in.
     */
    private static int conversationSpan(CaptureAnalysis whole, int index) {
        ConversationIndex conversations = whole.conversations();
        if (conversations.tcpStream(index) != ConversationIndex.NONE) {
            Conversation stream = conversations.tcpConversation(conversations.tcpStream(index));
            return stream.lastFrameIndex() - stream.firstFrameIndex() + 1;
        }
        if (conversations.udpStream(index) != ConversationIndex.NONE) {
            return 1;
        }
        return Math.min(index, 256) + 1;
    }

    /** Frame {@code index} shown in parts of 1 and 7 frames, in English and French, as the whole file shows it. */
    private static void assertShownInPartsAsWhole(Path capture, CaptureAnalysis whole, int index) throws IOException {
        for (int partFrames : new int[] {1, 7}) {
            FileWindow window = FileWindow.aroundFrame(capture, partFrames, index);
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                assertEquals(shown(whole, index, language), shown(window.analysis(), window.indexOf(index), language),
                        capture.getFileName() + " frame " + (index + 1) + " in parts of " + partFrames + " frames ("
                                + language + ")");
            }
        }
    }

    private static List<Integer> framesToShow(int frames) {
        TreeSet<Integer> chosen = new TreeSet<>();
        int step = Math.max(1, frames / FRAMES_PER_FILE);
        for (int i = 0; i < frames; i += step) {
            chosen.add(i);
        }
        if (frames > 0) {
            chosen.add(frames - 1);
        }
        return new ArrayList<>(chosen);
    }

    private static String shown(CaptureAnalysis analysis, int index, Locale language) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ShowCommand.showFrame(analysis, index, language, out);
        }
        return text.toString();
    }
}
