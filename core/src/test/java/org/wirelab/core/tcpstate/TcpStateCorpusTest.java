package org.wirelab.core.tcpstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wirelab.core.tcpstate.TcpState.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TCP states inferred from the corpus captures (tshark's per-frame values as input), checked against
 * what the corpus README says each capture contains: handshake, who closes first, resets.
 * Endpoint 0 is the sender of each stream's first frame.
 */
class TcpStateCorpusTest {

    private static TcpStateTimeline timeline(String capture) {
        return TruthRows.of(capture).timeline();
    }

    private static String finalStates(String capture, int stream) {
        TcpStateTimeline t = timeline(capture);
        List<TruthRows.Row> rows = TruthRows.of(capture).rows();
        for (int i = t.frameCount() - 1; i >= 0; i--) {
            if (rows.get(i).tcpStream() == stream && t.isTcp(i)) {
                return t.stateAfter(i, 0) + " " + t.stateAfter(i, 1);
            }
        }
        return "no frame";
    }

    private static String changesOf(TcpStateTimeline t, int frameNumber) {
        StringBuilder text = new StringBuilder();
        for (StateChange c : t.changes(frameNumber - 1)) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(c.endpoint()).append(':').append(c.from()).append("->").append(c.to());
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0} stream {1} ends {2}")
    @CsvSource({
        // graceful close, server first; the client's FIN,ACK acknowledges the server's FIN
        "gopacket__test_ethernet.pcap, 0, CLOSED TIME-WAIT",
        // the client closes first (frames 12, 13, 14)
        "zeek__get.pcap, 0, TIME-WAIT CLOSED",
        // the same connection, but the server's SYN,ACK is the first frame: endpoint 0 is the server
        "zeek__handshake-reorder.pcap, 0, CLOSED TIME-WAIT",
        "zeek__pipelining-example.pcap, 0, TIME-WAIT CLOSED",
        "zeek__kerberos135_auth.pcapng, 0, TIME-WAIT CLOSED",
        "zeek__tcp.pcap, 0, CLOSED TIME-WAIT",
        // the server closes first (frame 40), the client follows (42)
        "dpkt__http.pcap, 0, CLOSED TIME-WAIT",
        // resets
        "zeek__get-to-ssh-server.pcap, 0, CLOSED CLOSED",
        "zeek__irc-starttls.pcap, 0, CLOSED CLOSED",
        "tcpdump__tcp_rst_diag_payload.pcap, 0, CLOSED CLOSED",
        "zeek__retransmit-fast009.pcap, 0, CLOSED CLOSED",
        // handshake only, or no teardown captured
        "tcpdump__tcp-handshake-nano.pcap, 0, ESTABLISHED ESTABLISHED",
        "zeek__ipv6.pcap, 0, ESTABLISHED ESTABLISHED",
        "gopacket__test_loopback.pcap, 1, ESTABLISHED ESTABLISHED",
    })
    void finalStatesFollowTheTeardown(String capture, int stream, String expected) {
        assertEquals(expected, finalStates(capture, stream));
    }

    @Test
    void handshakeOfTestEthernet() {
        TcpStateTimeline t = timeline("gopacket__test_ethernet.pcap");
        assertEquals(CLOSED, t.initialState(0, 0));
        assertEquals(LISTEN, t.initialState(0, 1));
        // Each side changes on taking a segment where its own next segment proves it: the server took
        // the SYN when it answers (2), the client took the SYN-ACK when it acknowledges it (3).
        assertEquals("0:CLOSED->SYN-SENT", changesOf(t, 1));
        assertEquals("1:LISTEN->SYN-RECEIVED", changesOf(t, 2));
        assertEquals("0:SYN-SENT->ESTABLISHED, 1:SYN-RECEIVED->ESTABLISHED", changesOf(t, 3));
        assertEquals("", changesOf(t, 4));
        // frame 8: the server's FIN,PSH,ACK; 9: the client's FIN,ACK, which acknowledges it; 10: the
        // server's last ACK, which shows the server took the client's FIN.
        assertEquals("1:ESTABLISHED->FIN-WAIT-1", changesOf(t, 8));
        assertEquals("0:ESTABLISHED->CLOSE-WAIT, 0:CLOSE-WAIT->LAST-ACK", changesOf(t, 9));
        // The client's FIN,ACK: its ACK first (FIN-WAIT-2), then its FIN (TIME-WAIT), RFC 9293 3.10.7.4.
        assertEquals("1:FIN-WAIT-1->FIN-WAIT-2, 1:FIN-WAIT-2->TIME-WAIT, 0:LAST-ACK->CLOSED", changesOf(t, 10));
    }

    @Test
    void reorderedHandshakeStillEstablishesBothSides() {
        TcpStateTimeline t = timeline("zeek__handshake-reorder.pcap");
        // Without the SYN before it, the SYN,ACK's sender may have been in LISTEN or in SYN-SENT
        // (simultaneous open): unknown. The SYN captured after it changes nothing.
        assertEquals(UNKNOWN, t.initialState(0, 0));
        assertEquals(SYN_SENT, t.initialState(0, 1));
        assertEquals("0:?->SYN-RECEIVED", changesOf(t, 1));
        assertEquals("", changesOf(t, 2));
        assertEquals("1:SYN-SENT->ESTABLISHED, 0:SYN-RECEIVED->ESTABLISHED", changesOf(t, 3));
    }

    @Test
    void streamsCapturedMidWayStartEstablishedAsAnInference() {
        TcpStateTimeline http = timeline("dpkt__http.pcap");
        assertEquals(ESTABLISHED, http.initialState(1, 0));
        assertEquals(ESTABLISHED, http.initialState(1, 1));
        assertTrue(http.initialInferred(1, 0) && http.initialInferred(1, 1));
        TcpStateTimeline loopback = timeline("gopacket__test_loopback.pcap");
        assertEquals(ESTABLISHED, loopback.initialState(0, 0));
        assertEquals(CLOSED, loopback.initialState(1, 0));
    }

    @Test
    void clientClosingFirstPassesThroughFinWait2() {
        TcpStateTimeline t = timeline("zeek__pipelining-example.pcap");
        // The server takes the FIN where its ACK shows it (10), not where the FIN passed the capture point.
        assertEquals("0:ESTABLISHED->FIN-WAIT-1", changesOf(t, 9));
        assertEquals("1:ESTABLISHED->CLOSE-WAIT, 0:FIN-WAIT-1->FIN-WAIT-2", changesOf(t, 10));
        assertEquals("1:CLOSE-WAIT->LAST-ACK", changesOf(t, 11));
        assertEquals("0:FIN-WAIT-2->TIME-WAIT, 1:LAST-ACK->CLOSED", changesOf(t, 12));
    }

    @Test
    void nonTcpFramesHaveNoState() {
        TcpStateTimeline t = timeline("dpkt__http.pcap");
        // frames 13 and 17 are the DNS query and response over UDP
        assertEquals(false, t.isTcp(12));
        assertEquals(null, t.stateAfter(16, 0));
        assertEquals(List.of(), t.changes(12));
    }
}
