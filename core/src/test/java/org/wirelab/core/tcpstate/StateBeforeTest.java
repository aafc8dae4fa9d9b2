package org.wirelab.core.tcpstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;

/**
 * The state of an endpoint just before a frame, read from its stream's changes, is the state after the
 * stream's previous TCP frame (or the stream's initial state): the definition, checked on every frame
 * of every sample and corpus capture, and on a capture where thousands of streams interleave.
 */
class StateBeforeTest {
    /** The samples and the corpus captures that can be read (the corpus holds damaged files on purpose). */
    static Stream<Path> captures() {
        return Corpus.readableWithSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void isTheStateAfterTheStreamsPreviousSegment(Path capture) throws Exception {
        CaptureFile file = CaptureFiles.read(capture);
        CaptureAnalysis analysis = CaptureAnalysis.of(file.frames());
        TcpStateTimeline states = TcpStates.of(analysis);
        ConversationIndex conversations = analysis.conversations();
        for (int i = 0; i < states.frameCount(); i++) {
            if (!states.isTcp(i)) {
                continue;
            }
            for (int endpoint = 0; endpoint < 2; endpoint++) {
                assertEquals(byDefinition(states, conversations, i, endpoint),
                        states.stateBefore(i, conversations.tcpStream(i), endpoint),
                        capture.getFileName() + " frame " + (i + 1) + " endpoint " + endpoint);
            }
        }
    }

    @Test
    void manyInterleavedStreamsKeepTheirOwnStates() {
        TcpStateTimeline.Builder builder = new TcpStateTimeline.Builder(16);
        int streams = 2000;
        // Every stream's SYN first, then every SYN-ACK, then every ACK: 2,000 streams in between.
        for (int s = 0; s < streams; s++) {
            builder.segment(s, 0, 0x02, 100, 0, 0);
        }
        for (int s = 0; s < streams; s++) {
            builder.segment(s, 1, 0x12, 500, 101, 0);
        }
        for (int s = 0; s < streams; s++) {
            builder.segment(s, 0, 0x10, 101, 501, 0);
        }
        TcpStateTimeline states = builder.build();
        for (int s = 0; s < streams; s++) {
            assertEquals(TcpState.CLOSED, states.stateBefore(s, s, 0));
            assertEquals(TcpState.SYN_SENT, states.stateBefore(streams + s, s, 0));
            assertEquals(TcpState.SYN_RECEIVED, states.stateBefore(2 * streams + s, s, 1));
            assertTrue(states.stateAfter(2 * streams + s, 1) == TcpState.ESTABLISHED);
        }
    }

    /** The previous TCP frame of the same stream, looked for frame by frame. */
    private static TcpState byDefinition(TcpStateTimeline states, ConversationIndex conversations, int i, int endpoint) {
        for (int j = i - 1; j >= 0; j--) {
            if (conversations.tcpStream(j) == conversations.tcpStream(i) && states.isTcp(j)) {
                return states.stateAfter(j, endpoint);
            }
        }
        return states.initialState(conversations.tcpStream(i), endpoint);
    }
}
