package org.wirelab.core.tcpstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wirelab.core.tcpstate.TcpState.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state sequences of RFC 9293's figures, replayed segment by segment. */
class TcpConnectionTrackerTest {
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private static final int A = 0;
    private static final int B = 1;

    private final TcpConnectionTracker tracker = new TcpConnectionTracker();
    private final List<String> trace = new ArrayList<>();

    private void send(int sender, int flags, long seq, long ack, int len) {
        tracker.observe(sender, flags, (int) seq, (int) ack, len);
        trace.add(tracker.state(A) + " " + tracker.state(B));
    }

    @Test
    void threeWayHandshakeAndCloseInitiatedByTheClient() {
        // RFC 9293 figure 6 then figure 12, with sequence numbers near 2^32 to exercise wrap-around.
        long c = 0xFFFF_FFF0L;
        long s = 300;
        send(A, SYN, c, 0, 0);
        assertEquals(CLOSED, tracker.initialState(A));
        assertEquals(LISTEN, tracker.initialState(B));
        send(B, SYN | ACK, s, c + 1, 0);
        send(A, ACK, c + 1, s + 1, 0);
        send(A, PSH | ACK, c + 1, s + 1, 100);
        send(B, ACK, s + 1, c + 101, 0);
        send(A, FIN | ACK, c + 101, s + 1, 0);
        send(B, ACK, s + 1, c + 102, 0);
        send(B, FIN | ACK, s + 1, c + 102, 0);
        send(A, ACK, (c + 102) & 0xFFFF_FFFFL, s + 2, 0);
        assertEquals(List.of(
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "ESTABLISHED ESTABLISHED",
                "ESTABLISHED ESTABLISHED",
                "FIN-WAIT-1 CLOSE-WAIT",
                "FIN-WAIT-2 CLOSE-WAIT",
                "TIME-WAIT LAST-ACK",
                "TIME-WAIT CLOSED"), trace);
    }

    @Test
    void finAckThatAcknowledgesThePeersFinGoesStraightToTimeWait() {
        // The server closes first and the client's FIN carries the ACK of the server's FIN
        // (gopacket's test_ethernet.pcap): FIN-WAIT-1 -> TIME-WAIT without FIN-WAIT-2.
        send(A, ACK, 1000, 5000, 0);
        send(B, FIN | PSH | ACK, 5000, 1000, 10);
        send(A, FIN | ACK, 1000, 5011, 0);
        send(B, ACK, 5011, 1001, 0);
        assertEquals(List.of(
                "ESTABLISHED ESTABLISHED",
                "CLOSE-WAIT FIN-WAIT-1",
                "LAST-ACK TIME-WAIT",
                "CLOSED TIME-WAIT"), trace);
    }

    @Test
    void simultaneousCloseGoesThroughClosing() {
        // RFC 9293 figure 13: the FINs cross, neither acknowledges the other's.
        send(A, ACK, 100, 900, 0);
        send(A, FIN | ACK, 100, 900, 0);
        send(B, FIN | ACK, 900, 100, 0);
        send(A, ACK, 101, 901, 0);
        send(B, ACK, 901, 101, 0);
        assertEquals(List.of(
                "ESTABLISHED ESTABLISHED",
                "FIN-WAIT-1 CLOSE-WAIT",
                "CLOSING CLOSING",
                "CLOSING TIME-WAIT",
                "TIME-WAIT TIME-WAIT"), trace);
    }

    @Test
    void simultaneousOpen() {
        // RFC 9293 figure 7: both send SYN, both answer with SYN,ACK.
        send(A, SYN, 100, 0, 0);
        send(B, SYN, 300, 0, 0);
        send(A, SYN | ACK, 100, 301, 0);
        send(B, SYN | ACK, 300, 101, 0);
        assertEquals(List.of(
                "SYN-SENT SYN-RECEIVED",
                "SYN-RECEIVED SYN-RECEIVED",
                "SYN-RECEIVED ESTABLISHED",
                "ESTABLISHED ESTABLISHED"), trace);
    }

    @Test
    void resetClosesBothEndpointsAndLaterSegmentsChangeNothing() {
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 300, 101, 0);
        send(A, ACK, 101, 301, 0);
        send(B, RST | ACK, 301, 101, 0);
        send(A, ACK, 101, 301, 0);
        send(A, FIN | ACK, 101, 301, 0);
        assertEquals(List.of(
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "CLOSED CLOSED",
                "CLOSED CLOSED",
                "CLOSED CLOSED"), trace);
    }

    @Test
    void aCaptureStartingMidStreamAssumesEstablished() {
        send(B, PSH | ACK, 5000, 1000, 20);
        assertEquals(ESTABLISHED, tracker.initialState(A));
        assertEquals(ESTABLISHED, tracker.initialState(B));
        assertEquals(List.of("ESTABLISHED ESTABLISHED"), trace);
    }

    @Test
    void synAckCapturedBeforeTheSyn() {
        // zeek's handshake-reorder.pcap: the server's SYN,ACK is the first frame, the SYN follows.
        send(A, SYN | ACK, 300, 101, 0);
        assertEquals(LISTEN, tracker.initialState(A));
        assertEquals(SYN_SENT, tracker.initialState(B));
        send(B, SYN, 100, 0, 0);
        send(B, ACK, 101, 301, 0);
        assertEquals(List.of(
                "SYN-RECEIVED ESTABLISHED",
                "SYN-RECEIVED ESTABLISHED",
                "ESTABLISHED ESTABLISHED"), trace);
    }

    @Test
    void retransmittedFinAndSynChangeNothing() {
        send(A, SYN, 100, 0, 0);
        send(A, SYN, 100, 0, 0);
        send(B, SYN | ACK, 300, 101, 0);
        send(B, SYN | ACK, 300, 101, 0);
        send(A, ACK, 101, 301, 0);
        send(A, FIN | ACK, 101, 301, 0);
        send(A, FIN | ACK, 101, 301, 0);
        assertEquals(List.of(
                "SYN-SENT SYN-RECEIVED",
                "SYN-SENT SYN-RECEIVED",
                "ESTABLISHED SYN-RECEIVED",
                "ESTABLISHED SYN-RECEIVED",
                "ESTABLISHED ESTABLISHED",
                "FIN-WAIT-1 CLOSE-WAIT",
                "FIN-WAIT-1 CLOSE-WAIT"), trace);
    }
}
