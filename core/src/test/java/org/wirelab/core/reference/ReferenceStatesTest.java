package org.wirelab.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.tcpstate.StateChange;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

/**
 * The TCP states wirelab reads off the real Linux captures of samples/reference (samples/README.md),
 * from either end's file: each endpoint's path is the one RFC 9293 gives for what the two programs did,
 * and every change of a receiver is shown at a frame that proves it (the receiver's own segment that
 * acknowledges the SYN or FIN it took).
 */
class ReferenceStatesTest {
    private static final String CLIENT_CLOSES_FIRST = "CLOSED SYN-SENT ESTABLISHED FIN-WAIT-1 FIN-WAIT-2 TIME-WAIT";
    private static final String SERVER_CLOSES_SECOND = "LISTEN SYN-RECEIVED ESTABLISHED CLOSE-WAIT LAST-ACK CLOSED";
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;

    static CaptureAnalysis analysis(String name) throws Exception {
        Path file = Environment.samples().resolve("reference").resolve(name + ".pcap");
        return CaptureAnalysis.of(CaptureFiles.read(file).frames());
    }

    /** Endpoint {@code endpoint}'s states, its initial one first: "CLOSED SYN-SENT ...". */
    private static String path(TcpStateTimeline timeline, int endpoint) {
        List<String> states = new ArrayList<>();
        states.add(timeline.initialState(0, endpoint).text(timeline.initialInferred(0, endpoint)));
        for (StateChange change : timeline.allChanges()) {
            if (change.endpoint() == endpoint) {
                states.add(change.to().text(change.toInferred()));
            }
        }
        return String.join(" ", states);
    }

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({
        "lost-syn-ack, client", "lost-syn-ack, server", "lost-data, client", "lost-data, server",
        "fast-retransmit, client", "fast-retransmit, server", "tail-loss, client", "tail-loss, server",
        "reordering, client", "reordering, server", "duplication, client", "duplication, server",
        "slow-reader, client", "slow-reader, server", "half-close, client", "half-close, server",
        "keep-alive, client", "keep-alive, server", "lost-last-ack, client", "lost-last-ack, server",
        "tcp-bulk, client", "tcp-bulk, server",
    })
    void theClientClosesFirstAndTheServerFollows(String situation, String side) throws Exception {
        TcpStateTimeline timeline = TcpStates.of(analysis(situation + "-" + side));
        assertEquals(CLIENT_CLOSES_FIRST, path(timeline, 0));
        assertEquals(SERVER_CLOSES_SECOND, path(timeline, 1));
    }

    @ParameterizedTest(name = "http-get-{0}")
    @ValueSource(strings = {"client", "server"})
    void anHttp10StyleServerClosesFirstAndTheClientFollows(String side) throws Exception {
        // samples/README: the body goes with the server's FIN (frame 8); the client's FIN acknowledges it (9).
        TcpStateTimeline timeline = TcpStates.of(analysis("http-get-" + side));
        assertEquals("CLOSED SYN-SENT ESTABLISHED CLOSE-WAIT LAST-ACK CLOSED", path(timeline, 0));
        assertEquals("LISTEN SYN-RECEIVED ESTABLISHED FIN-WAIT-1 FIN-WAIT-2 TIME-WAIT", path(timeline, 1));
    }

    @ParameterizedTest(name = "chat-{0}")
    @ValueSource(strings = {"client", "server"})
    void eachChatClientEndsItsOwnWay(String side) throws Exception {
        // samples/README: alice (stream 0) closes first; the server closes bob's side after his quit
        // (stream 1); carol (stream 2) resets hers.
        TcpStateTimeline timeline = TcpStates.of(analysis("chat-" + side));
        assertEquals(CLIENT_CLOSES_FIRST, path(timeline, 0, 0));
        assertEquals(SERVER_CLOSES_SECOND, path(timeline, 0, 1));
        assertEquals("CLOSED SYN-SENT ESTABLISHED CLOSE-WAIT LAST-ACK CLOSED", path(timeline, 1, 0));
        assertEquals("LISTEN SYN-RECEIVED ESTABLISHED FIN-WAIT-1 FIN-WAIT-2 TIME-WAIT", path(timeline, 1, 1));
        assertEquals("CLOSED SYN-SENT ESTABLISHED CLOSED", path(timeline, 2, 0));
        assertEquals("LISTEN SYN-RECEIVED ESTABLISHED CLOSED", path(timeline, 2, 1), "the RST ends it at once");
    }

    /** Endpoint {@code endpoint}'s states on TCP stream {@code stream}, its initial one first. */
    private static String path(TcpStateTimeline timeline, int stream, int endpoint) {
        List<String> states = new ArrayList<>();
        states.add(timeline.initialState(stream, endpoint).text(timeline.initialInferred(stream, endpoint)));
        for (StateChange change : timeline.allChanges()) {
            if (change.stream() == stream && change.endpoint() == endpoint) {
                states.add(change.to().text(change.toInferred()));
            }
        }
        return String.join(" ", states);
    }

    @ParameterizedTest(name = "simultaneous-close-{0}")
    @ValueSource(strings = {"client", "server"})
    void crossingFinsTakeBothSidesThroughClosingAndAreDrawnCrossing(String side) throws Exception {
        CaptureAnalysis analysis = analysis("simultaneous-close-" + side);
        TcpStateTimeline timeline = TcpStates.of(analysis);
        String closing = "ESTABLISHED FIN-WAIT-1 CLOSING TIME-WAIT";
        assertEquals("CLOSED SYN-SENT " + closing, path(timeline, 0));
        assertEquals("LISTEN SYN-RECEIVED " + closing, path(timeline, 1));
        CaptureLadder ladder = CaptureLadder.of(analysis, timeline);
        List<Integer> fins = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            if ((analysis.packets().tcpFlags(i) & FIN) != 0) {
                fins.add(i);
            }
        }
        assertEquals(2, fins.size());
        // Each FIN ends below the other's start: the arrows cross.
        assertTrue(ladder.arrivalIndex(fins.get(0)) > fins.get(1), "first FIN taken at " + ladder.arrivalIndex(fins.get(0)));
        assertTrue(ladder.arrivalIndex(fins.get(1)) > fins.get(1), "second FIN taken at " + ladder.arrivalIndex(fins.get(1)));
    }

    @ParameterizedTest(name = "tcp-refused-{0}")
    @ValueSource(strings = {"client", "server"})
    void aRefusedConnectionNeverListened(String side) throws Exception {
        TcpStateTimeline timeline = TcpStates.of(analysis("tcp-refused-" + side));
        assertEquals("CLOSED SYN-SENT CLOSED", path(timeline, 0));
        assertEquals("CLOSED", path(timeline, 1), "no LISTEN, no SYN-RECEIVED: nothing listened on port 3999");
    }

    @ParameterizedTest(name = "rst-after-close-{0}")
    @ValueSource(strings = {"client", "server"})
    void dataAfterTheServerClosedEndsBothSidesOnItsReset(String side) throws Exception {
        TcpStateTimeline timeline = TcpStates.of(analysis("rst-after-close-" + side));
        assertEquals("CLOSED SYN-SENT ESTABLISHED CLOSE-WAIT CLOSED", path(timeline, 0));
        assertEquals("LISTEN SYN-RECEIVED ESTABLISHED FIN-WAIT-1 FIN-WAIT-2 CLOSED", path(timeline, 1));
    }

    @Test
    void theServerStaysInLastAckUntilTheAckOfItsResentFin() throws Exception {
        // samples/README: the client's ACK of the FIN (frame 8) is lost; the FIN comes again (9), ACKed again (10).
        TcpStateTimeline timeline = TcpStates.of(analysis("lost-last-ack-client"));
        assertEquals(TcpState.TIME_WAIT, timeline.stateAfter(7, 0));
        assertEquals(TcpState.LAST_ACK, timeline.stateAfter(7, 1), "the lost ACK changes nothing at the server");
        assertEquals(TcpState.LAST_ACK, timeline.stateAfter(8, 1));
        assertEquals(TcpState.CLOSED, timeline.stateAfter(9, 1));
    }

    @Test
    void theFinBehindTheLostSegmentIsTakenWhenTheRetransmissionFillsTheHole() throws Exception {
        // samples/README: frame 4 (14 bytes) lost, FIN (5) arrives out of order, SACKed (6), data resent
        // (7), then Ack=16 (8) covers the data and the FIN.
        CaptureAnalysis analysis = analysis("lost-data-client");
        TcpStateTimeline timeline = TcpStates.of(analysis);
        assertEquals(TcpState.ESTABLISHED, timeline.stateAfter(6, 1), "the server still waits for bytes 1-14");
        assertEquals(TcpState.CLOSE_WAIT, timeline.stateAfter(7, 1));
        assertEquals(7, timeline.arrivalIndex(4), "the FIN is taken at frame 8, after the retransmission");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lost-syn-ack-client", "lost-syn-ack-server", "lost-data-client", "lost-data-server",
        "fast-retransmit-client", "tail-loss-server", "reordering-client", "duplication-server",
        "slow-reader-client", "simultaneous-close-client", "simultaneous-close-server", "half-close-client",
        "half-close-server", "tcp-refused-client", "keep-alive-client", "rst-after-close-server", "lost-last-ack-client",
        "tcp-bulk-server", "http-get-client", "http-get-server", "chat-client", "chat-server"})
    void everyChangeOfAReceiverIsShownWhereItsOwnSegmentAcknowledgesWhatItTook(String name) throws Exception {
        CaptureAnalysis analysis = analysis(name);
        PacketTable packets = analysis.packets();
        TcpStateTimeline timeline = TcpStates.of(analysis);
        for (StateChange change : timeline.allChanges()) {
            int shown = change.frameNumber() - 1;
            int cause = change.causeFrameNumber() - 1;
            int causeSender = analysis.conversations().fromClient(cause) ? 0 : 1;
            if (causeSender == change.endpoint() || (packets.tcpFlags(cause) & (SYN | FIN)) == 0) {
                continue;   // its own segment, or one that cannot be acknowledged
            }
            int shownSender = analysis.conversations().fromClient(shown) ? 0 : 1;
            assertEquals(change.endpoint(), shownSender, name + ": " + change);
            int end = packets.sequence(cause) + packets.payloadLength(cause) + 1;
            assertTrue(packets.acknowledgement(shown) - end >= 0, name + ": frame " + change.frameNumber()
                    + " acknowledges what frame " + change.causeFrameNumber() + " brought: " + change);
        }
    }
}
