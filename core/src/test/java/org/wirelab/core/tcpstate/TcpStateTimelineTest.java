package org.wirelab.core.tcpstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wirelab.core.tcpstate.TcpState.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * States as each endpoint would tell them, replayed segment by segment in capture order: a segment moves
 * its receiver only where the capture proves the receiver took it. Each test is a capture order that a
 * real capture point sees (the comments say where the capture point sits) and the states RFC 9293 gives.
 */
class TcpStateTimelineTest {
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private static final int A = 0;
    private static final int B = 1;

    private final TcpStateTimeline.Builder builder = new TcpStateTimeline.Builder(16);
    private int frames;

    private void send(int sender, int flags, long seq, long ack, int len) {
        builder.segment(0, sender, flags, (int) seq, (int) ack, len);
        frames++;
    }

    private void lose(int sender, int flags, long seq, long ack, int len) {
        builder.segment(0, sender, flags, (int) seq, (int) ack, len, false);
        frames++;
    }

    /** Both endpoints' states after each frame, "?" after an inferred one. */
    private List<String> trace(TcpStateTimeline t) {
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            trace.add(t.stateAfter(i, A).text(t.inferredAfter(i, A)) + " " + t.stateAfter(i, B).text(t.inferredAfter(i, B)));
        }
        return trace;
    }

    /** The changes shown at each frame: "1:LISTEN->SYN-RECEIVED(1)", the cause frame in brackets. */
    private static List<String> changes(TcpStateTimeline t) {
        List<String> all = new ArrayList<>();
        for (StateChange c : t.allChanges()) {
            all.add(c.frameNumber() + " " + c.endpoint() + ":" + c.from().text(c.fromInferred()) + "->"
                    + c.to().text(c.toInferred()) + " (" + c.causeFrameNumber() + ")");
        }
        return all;
    }

    @Test
    void handshakeAndCloseInitiatedByTheClient() {
        // RFC 9293 figures 6 and 12, sequence numbers near 2^32 for the wrap-around. The server takes the
        // SYN before it answers (frame 2), the client takes the SYN-ACK before its ACK (frame 3).
        long c = 0xFFFF_FFF0L;
        long s = 300;
        send(A, SYN, c, 0, 0);
        send(B, SYN | ACK, s, c + 1, 0);
        send(A, ACK, c + 1, s + 1, 0);
        send(A, PSH | ACK, c + 1, s + 1, 100);
        send(B, ACK, s + 1, c + 101, 0);
        send(A, FIN | ACK, c + 101, s + 1, 0);
        send(B, ACK, s + 1, c + 102, 0);
        send(B, FIN | ACK, s + 1, c + 102, 0);
        send(A, ACK, (c + 102) & 0xFFFF_FFFFL, s + 2, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(CLOSED, t.initialState(0, A));
        assertEquals(LISTEN, t.initialState(0, B));
        assertEquals(List.of(
                "SYN-SENT LISTEN",
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "ESTABLISHED ESTABLISHED",
                "ESTABLISHED ESTABLISHED",
                "FIN-WAIT-1 ESTABLISHED",
                "FIN-WAIT-2 CLOSE-WAIT",
                "FIN-WAIT-2 LAST-ACK",
                "TIME-WAIT CLOSED"), trace(t));
        assertEquals(List.of(
                "1 0:CLOSED->SYN-SENT (1)",
                "2 1:LISTEN->SYN-RECEIVED (1)",
                "3 0:SYN-SENT->ESTABLISHED (2)",
                "3 1:SYN-RECEIVED->ESTABLISHED (3)",
                "6 0:ESTABLISHED->FIN-WAIT-1 (6)",
                "7 1:ESTABLISHED->CLOSE-WAIT (6)",
                "7 0:FIN-WAIT-1->FIN-WAIT-2 (7)",
                "8 1:CLOSE-WAIT->LAST-ACK (8)",
                "9 0:FIN-WAIT-2->TIME-WAIT (8)",
                "9 1:LAST-ACK->CLOSED (9)"), changes(t));
    }

    @Test
    void finsThatCrossGoThroughClosingOnBothSides() {
        // RFC 9293 figure 13 as the simulator's simultaneous-close writes it (each frame when it leaves):
        // neither FIN acknowledges the other, so each was sent before the other arrived.
        send(A, ACK, 100, 900, 0);
        send(A, FIN | ACK, 100, 900, 0);     // 2
        send(B, FIN | ACK, 900, 100, 0);     // 3: does not ack A's FIN
        send(B, ACK, 901, 101, 0);           // 4: B took A's FIN
        send(A, ACK, 101, 901, 0);           // 5: A took B's FIN
        TcpStateTimeline t = builder.build();
        assertEquals(List.of(
                "ESTABLISHED? ESTABLISHED?",
                "FIN-WAIT-1? ESTABLISHED?",
                "FIN-WAIT-1? FIN-WAIT-1?",
                "FIN-WAIT-1? CLOSING?",
                "TIME-WAIT TIME-WAIT"), trace(t));
        assertEquals(List.of(
                "2 0:ESTABLISHED?->FIN-WAIT-1? (2)",
                "3 1:ESTABLISHED?->FIN-WAIT-1? (3)",
                "4 1:FIN-WAIT-1?->CLOSING? (2)",
                "5 0:FIN-WAIT-1?->CLOSING? (3)",
                "5 0:CLOSING?->TIME-WAIT (4)",
                "5 1:CLOSING?->TIME-WAIT (5)"), changes(t));
        assertEquals(3, t.arrivalIndex(1), "A's FIN is taken at B's ACK, frame 4");
        assertEquals(4, t.arrivalIndex(2), "B's FIN is taken at A's ACK, frame 5");
        assertEquals(4, t.arrivalIndex(3), "B's ACK reaches A after B's FIN");
    }

    @Test
    void crossingFinsCapturedAtTheClientNeverGoThroughCloseWait() {
        // The capture point beside A: A's FIN leaves, B's FIN arrives, A acks it, then B's ACK of A's FIN
        // arrives. In capture order B's FIN comes after A's, yet B never was in CLOSE-WAIT.
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 900, 101, 0);
        send(A, ACK, 101, 901, 0);
        send(A, FIN | ACK, 101, 901, 0);     // 4
        send(B, FIN | ACK, 901, 101, 0);     // 5
        send(A, ACK, 102, 902, 0);           // 6
        send(B, ACK, 902, 102, 0);           // 7
        TcpStateTimeline t = builder.build();
        for (StateChange c : t.allChanges()) {
            assertEquals(false, c.to() == CLOSE_WAIT || c.to() == LAST_ACK, c.toString());
        }
        assertEquals(List.of(
                "SYN-SENT LISTEN",
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "FIN-WAIT-1 ESTABLISHED",
                "FIN-WAIT-1 FIN-WAIT-1",
                "CLOSING FIN-WAIT-1",
                "TIME-WAIT TIME-WAIT"), trace(t));
    }

    @Test
    void aFinAfterAHoleIsTakenWhenTheRetransmissionFillsIt() {
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 900, 101, 0);
        send(A, ACK, 101, 901, 0);
        lose(A, PSH | ACK, 101, 901, 14);    // 4: lost on the way
        send(A, FIN | ACK, 115, 901, 0);     // 5: arrives after a hole, not taken
        send(B, ACK, 901, 101, 0);           // 6: B still acks 101 (a duplicate ACK)
        send(A, PSH | ACK, 101, 901, 14);    // 7: the retransmission fills the hole
        send(B, ACK, 901, 116, 0);           // 8: B acks the data and the FIN
        TcpStateTimeline t = builder.build();
        assertEquals("FIN-WAIT-1 ESTABLISHED", trace(t).get(5), "B has not taken the FIN at frame 6");
        assertEquals("FIN-WAIT-2 CLOSE-WAIT", trace(t).get(7));
        assertEquals(7, t.arrivalIndex(4));
        assertEquals(-1, t.arrivalIndex(3), "the lost segment never arrived");
    }

    @Test
    void aFinNothingAcknowledgesNeverChangesItsReceiver() {
        send(A, ACK, 100, 900, 0);
        send(A, FIN | ACK, 100, 900, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(List.of("ESTABLISHED? ESTABLISHED?", "FIN-WAIT-1? ESTABLISHED?"), trace(t));
        assertEquals(-1, t.arrivalIndex(1));
    }

    @Test
    void aSynAnsweredByAResetIsARefusedConnection() {
        // Nothing listens: the server never was in LISTEN nor SYN-RECEIVED.
        send(A, SYN, 100, 0, 0);
        send(B, RST | ACK, 0, 101, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(CLOSED, t.initialState(0, B));
        assertEquals(List.of("SYN-SENT CLOSED", "CLOSED CLOSED"), trace(t));
        assertEquals(List.of("1 0:CLOSED->SYN-SENT (1)", "2 0:SYN-SENT->CLOSED (2)"), changes(t));
    }

    @Test
    void aSynNobodyAnswersLeavesTheServerUnknown() {
        send(A, SYN, 100, 0, 0);
        send(A, SYN, 100, 0, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(List.of("SYN-SENT ?", "SYN-SENT ?"), trace(t));
    }

    @Test
    void aLostSynAckChangesNothingAtTheClient() {
        send(A, SYN, 100, 0, 0);
        lose(B, SYN | ACK, 900, 101, 0);
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 900, 101, 0);
        send(A, ACK, 101, 901, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(List.of(
                "SYN-SENT LISTEN",
                "SYN-SENT SYN-RECEIVED",
                "SYN-SENT SYN-RECEIVED",
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED"), trace(t));
        assertEquals(-1, t.arrivalIndex(1));
        assertEquals(4, t.arrivalIndex(3));
    }

    @Test
    void aLastAckFollowedByTheFinAgainWasLostAndTheTimeWaitReAckClosesTheServer() {
        send(A, ACK, 100, 900, 0);
        send(A, FIN | ACK, 100, 900, 0);
        send(B, FIN | ACK, 900, 101, 0);     // 3: LAST-ACK
        send(A, ACK, 101, 901, 0);           // 4: lost: the server sends its FIN again
        send(B, FIN | ACK, 900, 101, 0);     // 5
        send(A, ACK, 101, 901, 0);           // 6: TIME-WAIT's answer
        TcpStateTimeline t = builder.build();
        assertEquals("TIME-WAIT LAST-ACK?", trace(t).get(3));
        assertEquals("TIME-WAIT LAST-ACK?", trace(t).get(4));
        assertEquals("TIME-WAIT CLOSED", trace(t).get(5));
        assertEquals(-1, t.arrivalIndex(3));
    }

    @Test
    void halfCloseKeepsReceivingUntilThePeerCloses() {
        // shutdown(SHUT_WR) on A: its FIN, then B's data, which A takes and acknowledges.
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 900, 101, 0);
        send(A, ACK, 101, 901, 0);
        send(A, FIN | ACK, 101, 901, 0);
        send(B, ACK, 901, 102, 0);
        send(B, PSH | ACK, 901, 102, 500);
        send(A, ACK, 102, 1401, 0);
        send(B, FIN | ACK, 1401, 102, 0);
        send(A, ACK, 102, 1402, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(List.of(
                "SYN-SENT LISTEN",
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "FIN-WAIT-1 ESTABLISHED",
                "FIN-WAIT-2 CLOSE-WAIT",
                "FIN-WAIT-2 CLOSE-WAIT",
                "FIN-WAIT-2 CLOSE-WAIT",
                "FIN-WAIT-2 LAST-ACK",
                "TIME-WAIT CLOSED"), trace(t));
    }

    @Test
    void finAckThatAcknowledgesThePeersFinGoesStraightToTimeWait() {
        // gopacket's test_ethernet.pcap: the server closes first and the client's FIN carries the ACK
        // of the server's FIN: FIN-WAIT-1 -> TIME-WAIT without FIN-WAIT-2, when that FIN,ACK arrives
        // (the server's last ACK shows it).
        send(A, ACK, 1000, 5000, 0);
        send(B, FIN | PSH | ACK, 5000, 1000, 10);
        send(A, FIN | ACK, 1000, 5011, 0);
        send(B, ACK, 5011, 1001, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(List.of(
                "ESTABLISHED? ESTABLISHED?",
                "ESTABLISHED? FIN-WAIT-1?",
                "LAST-ACK? FIN-WAIT-1?",
                "CLOSED TIME-WAIT"), trace(t));
    }

    @Test
    void simultaneousOpen() {
        // RFC 9293 figure 7: both send SYN, both answer with SYN,ACK.
        send(A, SYN, 100, 0, 0);
        send(B, SYN, 300, 0, 0);
        send(A, SYN | ACK, 100, 301, 0);
        send(B, SYN | ACK, 300, 101, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(CLOSED, t.initialState(0, B));
        assertEquals(List.of(
                "SYN-SENT CLOSED",
                "SYN-SENT SYN-SENT",
                "SYN-RECEIVED SYN-SENT",
                "ESTABLISHED ESTABLISHED"), trace(t));
    }

    @Test
    void resetClosesBothEndpointsAndLaterSegmentsChangeNothing() {
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 300, 101, 0);
        send(A, ACK, 101, 301, 0);
        send(B, RST | ACK, 301, 101, 0);
        send(A, ACK, 101, 301, 0);
        send(A, FIN | ACK, 101, 301, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(List.of(
                "SYN-SENT LISTEN",
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "CLOSED CLOSED",
                "CLOSED CLOSED",
                "CLOSED CLOSED"), trace(t));
    }

    @Test
    void aCaptureStartingMidStreamInfersEstablished() {
        send(B, PSH | ACK, 5000, 1000, 20);
        TcpStateTimeline t = builder.build();
        assertEquals(ESTABLISHED, t.initialState(0, A));
        assertEquals(true, t.initialInferred(0, A));
        assertEquals(List.of("ESTABLISHED? ESTABLISHED?"), trace(t));
    }

    @Test
    void synAckCapturedBeforeTheSynLeavesItsSendersPastUnknown() {
        // zeek's handshake-reorder.pcap: the server's SYN,ACK is the first frame, the SYN follows.
        send(A, SYN | ACK, 300, 101, 0);
        send(B, SYN, 100, 0, 0);
        send(B, ACK, 101, 301, 0);
        TcpStateTimeline t = builder.build();
        assertEquals(UNKNOWN, t.initialState(0, A));
        assertEquals(SYN_SENT, t.initialState(0, B));
        assertEquals(List.of(
                "SYN-RECEIVED SYN-SENT",
                "SYN-RECEIVED SYN-SENT",
                "ESTABLISHED ESTABLISHED"), trace(t));
    }
}
