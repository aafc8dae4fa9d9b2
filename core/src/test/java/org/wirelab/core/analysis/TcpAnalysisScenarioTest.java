package org.wirelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wirelab.core.protocol.tcp.Tcp.ACK;
import static org.wirelab.core.protocol.tcp.Tcp.AE;
import static org.wirelab.core.protocol.tcp.Tcp.CWR;
import static org.wirelab.core.protocol.tcp.Tcp.ECE;
import static org.wirelab.core.protocol.tcp.Tcp.FIN;
import static org.wirelab.core.protocol.tcp.Tcp.PSH;
import static org.wirelab.core.protocol.tcp.Tcp.RST;
import static org.wirelab.core.protocol.tcp.Tcp.SYN;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.TcpTrace.Socket;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.fields.TsharkAgreement;

/**
 * Small captures, built for one behaviour each, on which every field must equal tshark's (run live),
 * and on which tshark must show the behaviour the scenario is about, so that each scenario proves
 * something the corpus does not exercise.
 */
class TcpAnalysisScenarioTest {
    private static final Socket CLIENT = Socket.of("10.0.0.1", 40000);
    private static final Socket SERVER = Socket.of("10.0.0.2", 80);

    @TempDir
    Path dir;

    private static TcpOption mss() {
        return new TcpOption.MaximumSegmentSize(1460);
    }

    private static TcpOption scale(int shift) {
        return new TcpOption.WindowScale(shift);
    }

    /** Handshake with window scaling on both sides: client shift 7, server shift 2. */
    private static TcpTrace scaledHandshake() {
        return new TcpTrace()
                .at(0).tcp(CLIENT, SERVER, 1000, 0, SYN, 64240, 0, mss(), scale(7))
                .at(1).tcp(SERVER, CLIENT, 5000, 1001, SYN | ACK, 65535, 0, mss(), scale(2))
                .at(2).tcp(CLIENT, SERVER, 1001, 5001, ACK, 502, 0);
    }

    @Test
    void windowFullZeroWindowProbesUpdatesAndKeepAlives() throws IOException {
        TcpTrace trace = scaledHandshake()
                .at(3).tcp(CLIENT, SERVER, 1001, 5001, PSH | ACK, 502, 100)
                .at(4).tcp(SERVER, CLIENT, 5001, 1101, ACK, 25, 0)                  // 25 << 2 = 100 bytes open
                .at(5).tcp(CLIENT, SERVER, 1101, 5001, PSH | ACK, 502, 100)         // 6: fills the window
                .at(6).tcp(SERVER, CLIENT, 5001, 1201, ACK, 0, 0)                   // 7: zero window
                .at(7).tcp(CLIENT, SERVER, 1201, 5001, ACK, 502, 1)                 // 8: zero window probe
                .at(8).tcp(SERVER, CLIENT, 5001, 1201, ACK, 0, 0)                   // 9: probe ACK
                .at(9).tcp(SERVER, CLIENT, 5001, 1201, ACK, 50, 0)                  // 10: window update
                .at(10).tcp(CLIENT, SERVER, 1201, 5001, PSH | ACK, 502, 100)
                .at(11).tcp(SERVER, CLIENT, 5001, 1301, ACK, 50, 0)
                .at(1000).tcp(CLIENT, SERVER, 1300, 5001, ACK, 502, 0)              // 13: keep-alive
                .at(1001).tcp(SERVER, CLIENT, 5001, 1301, ACK, 50, 0)               // 14: keep-alive ACK
                .at(2000).tcp(CLIENT, SERVER, 1301, 5001, FIN | ACK, 502, 0)
                .at(2001).tcp(SERVER, CLIENT, 5001, 1302, FIN | ACK, 50, 0)
                .at(2002).tcp(CLIENT, SERVER, 1302, 5002, ACK, 502, 0);
        CaptureAnalysis analysis = TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("windows.pcap")));
        TcpSequenceAnalysis tcp = analysis.tcp();
        assertTrue(tcp.has(5, TcpExpert.WINDOW_FULL));
        assertTrue(tcp.has(6, TcpExpert.ZERO_WINDOW));
        assertTrue(tcp.has(7, TcpExpert.ZERO_WINDOW_PROBE));
        assertTrue(tcp.has(8, TcpExpert.ZERO_WINDOW_PROBE_ACK));
        assertTrue(tcp.has(9, TcpExpert.WINDOW_UPDATE));
        assertTrue(tcp.has(12, TcpExpert.KEEP_ALIVE));
        assertTrue(tcp.has(13, TcpExpert.KEEP_ALIVE_ACK));
        assertEquals(100, tcp.scaledWindow(analysis.packets(), 4), "server window 25 scaled by 2^2");
        assertEquals(502L << 7, tcp.scaledWindow(analysis.packets(), 2), "client window scaled by 2^7");
    }

    @Test
    void lossFastRetransmissionSpuriousRetransmissionOutOfOrderAndAckedUnseen() throws IOException {
        TcpTrace trace = new TcpTrace()
                .at(0).tcp(CLIENT, SERVER, 1000, 0, SYN, 64240, 0, mss())
                .at(5).tcp(SERVER, CLIENT, 5000, 1001, SYN | ACK, 65535, 0, mss())
                .at(10).tcp(CLIENT, SERVER, 1001, 5001, ACK, 64240, 0)             // first RTT: 10 ms
                .at(20).tcp(CLIENT, SERVER, 1001, 5001, PSH | ACK, 64240, 100)
                .at(21).tcp(CLIENT, SERVER, 1201, 5001, PSH | ACK, 64240, 100)     // 5: 1101..1200 lost
                .at(22).tcp(SERVER, CLIENT, 5001, 1101, ACK, 65535, 0)
                .at(23).tcp(SERVER, CLIENT, 5001, 1101, ACK, 65535, 0)             // 7: dup ACK #1
                .at(24).tcp(SERVER, CLIENT, 5001, 1101, ACK, 65535, 0)             // 8: dup ACK #2
                .at(25).tcp(CLIENT, SERVER, 1101, 5001, PSH | ACK, 64240, 100)     // 9: fast retransmission
                .at(30).tcp(SERVER, CLIENT, 5001, 1301, ACK, 65535, 0)
                .at(500).tcp(CLIENT, SERVER, 1101, 5001, PSH | ACK, 64240, 100)    // 11: spurious
                .at(600).tcp(CLIENT, SERVER, 1301, 5001, PSH | ACK, 64240, 100)
                .at(1500).tcp(CLIENT, SERVER, 1301, 5001, PSH | ACK, 64240, 100)   // 13: retransmission
                .at(1600).tcp(CLIENT, SERVER, 1401, 5001, PSH | ACK, 64240, 100)
                .at(1601).tcp(CLIENT, SERVER, 1601, 5001, PSH | ACK, 64240, 100)   // 15: 1501.. lost
                .at(1602).tcp(CLIENT, SERVER, 1501, 5001, PSH | ACK, 64240, 100)   // 16: out of order
                .at(1610).tcp(SERVER, CLIENT, 5001, 1901, ACK, 65535, 0)           // 17: ACKs unseen data
                .at(1700).tcp(SERVER, CLIENT, 5001, 1901, RST | ACK, 0, 0);
        CaptureAnalysis analysis = TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("loss.pcap")));
        TcpSequenceAnalysis tcp = analysis.tcp();
        assertTrue(tcp.has(4, TcpExpert.LOST_SEGMENT));
        assertEquals(2, tcp.duplicateAckNumber(7));
        assertTrue(tcp.has(8, TcpExpert.FAST_RETRANSMISSION));
        assertTrue(tcp.has(10, TcpExpert.SPURIOUS_RETRANSMISSION));
        assertTrue(tcp.has(12, TcpExpert.RETRANSMISSION));
        assertTrue(tcp.has(15, TcpExpert.OUT_OF_ORDER));
        assertTrue(tcp.has(16, TcpExpert.ACK_LOST_SEGMENT));
    }

    @Test
    void aNewSynOnTheSamePortsStartsANewStreamButARepeatedSynDoesNot() throws IOException {
        TcpTrace trace = new TcpTrace()
                .at(0).tcp(CLIENT, SERVER, 1000, 0, SYN, 64240, 0, mss())
                .at(1000).tcp(CLIENT, SERVER, 1000, 0, SYN, 64240, 0, mss())       // 2: same ISN: retransmission
                .at(1001).tcp(SERVER, CLIENT, 5000, 1001, SYN | ACK, 65535, 0, mss())
                .at(1002).tcp(CLIENT, SERVER, 1001, 5001, ACK, 64240, 0)
                .at(1003).tcp(CLIENT, SERVER, 1001, 5001, FIN | ACK, 64240, 0)
                .at(1004).tcp(SERVER, CLIENT, 5001, 1002, FIN | ACK, 65535, 0)
                .at(1005).tcp(CLIENT, SERVER, 1002, 5002, ACK, 64240, 0)
                .at(3000).tcp(CLIENT, SERVER, 900000, 0, SYN, 64240, 0, mss())     // 8: new ISN: stream 1
                .at(3001).tcp(SERVER, CLIENT, 700000, 900001, SYN | ACK, 65535, 0, mss())
                .at(3002).tcp(CLIENT, SERVER, 900001, 700001, ACK, 64240, 0)
                .at(3003).tcp(SERVER, CLIENT, 800000, 900001, SYN | ACK, 65535, 0, mss()) // 11: other ISN
                .at(3004).tcp(CLIENT, SERVER, 900001, 700001, PSH | ACK, 64240, 10);
        CaptureAnalysis analysis = TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("reuse.pcap")));
        ConversationIndex conversations = analysis.conversations();
        assertEquals(2, conversations.tcpStreamCount());
        assertEquals(0, conversations.tcpStream(1));
        assertTrue(analysis.tcp().has(1, TcpExpert.RETRANSMISSION));
        assertEquals(1, conversations.tcpStream(7));
        assertTrue(analysis.tcp().has(7, TcpExpert.REUSED_PORTS));
        assertEquals(1, conversations.tcpStream(10));
        assertTrue(analysis.tcp().has(10, TcpExpert.REUSED_PORTS));
        assertEquals(6, conversations.tcpConversation(0).lastFrameIndex());
    }

    @Test
    void windowScalingNeedsTheOptionOnBothSyns() throws IOException {
        Socket second = Socket.of("10.0.0.1", 40001);
        Socket third = Socket.of("10.0.0.1", 40002);
        TcpTrace trace = new TcpTrace()
                // Only the SYN offers scaling: neither side scales.
                .at(0).tcp(CLIENT, SERVER, 1000, 0, SYN, 64240, 0, mss(), scale(7))
                .at(1).tcp(SERVER, CLIENT, 5000, 1001, SYN | ACK, 65535, 0, mss())
                .at(2).tcp(CLIENT, SERVER, 1001, 5001, ACK, 502, 0)
                .at(3).tcp(SERVER, CLIENT, 5001, 1001, ACK, 502, 0)
                // Only the SYN+ACK offers it.
                .at(4).tcp(second, SERVER, 3000, 0, SYN, 64240, 0, mss())
                .at(5).tcp(SERVER, second, 6000, 3001, SYN | ACK, 65535, 0, mss(), scale(5))
                .at(6).tcp(second, SERVER, 3001, 6001, ACK, 502, 0)
                .at(7).tcp(SERVER, second, 6001, 3001, ACK, 502, 0)
                // No handshake seen: the scale is unknown and the raw window is shown.
                .at(8).tcp(third, SERVER, 77, 88, ACK, 502, 10)
                .at(9).tcp(SERVER, third, 88, 87, ACK, 503, 0)
                // A shift above 14 counts as 14 (RFC 7323 section 2.3).
                .at(10).tcp(Socket.of("10.0.0.3", 1), SERVER, 1, 0, SYN, 64240, 0, scale(15))
                .at(11).tcp(SERVER, Socket.of("10.0.0.3", 1), 9, 2, SYN | ACK, 64240, 0, scale(15))
                .at(12).tcp(Socket.of("10.0.0.3", 1), SERVER, 2, 10, ACK, 3, 0);
        CaptureAnalysis analysis = TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("scaling.pcap")));
        assertEquals(502, analysis.tcp().scaledWindow(analysis.packets(), 2));
        assertEquals(502, analysis.tcp().scaledWindow(analysis.packets(), 7));
        assertEquals(502, analysis.tcp().scaledWindow(analysis.packets(), 8));
        assertEquals(3L << 14, analysis.tcp().scaledWindow(analysis.packets(), 12));
    }

    @Test
    void ipv6UdpAndLoopbackConversations() throws IOException {
        Socket v6client = Socket.of("2001:db8::1", 50000);
        Socket v6server = Socket.of("2001:db8::2", 443);
        Socket loClient = Socket.of("127.0.0.1", 51000);
        Socket loServer = Socket.of("127.0.0.1", 7000);
        TcpTrace trace = new TcpTrace()
                .at(0).tcp(v6client, v6server, 10, 0, SYN, 64800, 0, mss(), scale(8))
                .at(1).udp(loClient, loServer, 12)
                .at(2).tcp(v6server, v6client, 20, 11, SYN | ACK, 64800, 0, mss(), scale(8))
                .at(3).udp(loServer, loClient, 30)
                .at(4).tcp(v6client, v6server, 11, 21, ACK, 256, 0)
                .at(5).udp(Socket.of("127.0.0.1", 51001), loServer, 5)
                .at(6).tcp(loClient, loServer, 1, 0, SYN, 65495, 0, mss(), scale(7))
                .at(7).tcp(loServer, loClient, 2, 2, SYN | ACK, 65483, 0, mss(), scale(7))
                .at(8).tcp(loClient, loServer, 2, 3, ACK, 512, 0)
                .at(9).tcp(loClient, loServer, 2, 3, PSH | ACK, 512, 5)
                .at(10).tcp(loServer, loClient, 3, 7, ACK, 512, 0);
        CaptureAnalysis analysis = TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("v6udp.pcap")));
        assertEquals(2, analysis.conversations().udpStreamCount());
        assertEquals(2, analysis.conversations().tcpStreamCount());
        assertEquals("127.0.0.1:51000", analysis.conversations().tcpConversation(1).client().toString());
    }

    @Test
    void accurateEcnHandshakeShowsTheAceCounterInTheFlagString() throws IOException {
        TcpTrace trace = new TcpTrace()
                .at(0).tcp(CLIENT, SERVER, 1000, 0, SYN | AE | CWR | ECE, 64240, 0, mss())
                .at(1).tcp(SERVER, CLIENT, 5000, 1001, SYN | ACK | CWR, 65535, 0, mss())
                .at(2).tcp(CLIENT, SERVER, 1001, 5001, ACK | CWR | ECE, 64240, 0)
                .at(3).tcp(CLIENT, SERVER, 1001, 5001, PSH | ACK | AE, 64240, 10);
        CaptureAnalysis analysis = TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("accecn.pcap")));
        assertTrue(analysis.tcp().usesAccurateEcnCounter(2));
    }
}
