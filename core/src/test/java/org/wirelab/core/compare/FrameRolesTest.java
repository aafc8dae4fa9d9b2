package org.wirelab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wirelab.core.compare.FrameRole.ACK;
import static org.wirelab.core.compare.FrameRole.DATA;
import static org.wirelab.core.compare.FrameRole.HANDSHAKE;
import static org.wirelab.core.compare.FrameRole.RESET;
import static org.wirelab.core.compare.FrameRole.RETRANSMISSION;
import static org.wirelab.core.compare.FrameRole.TEARDOWN;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Transport;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/** Roles and costs of captures whose every frame is described by hand (samples/README.md, the corpus README). */
class FrameRolesTest {

    @Test
    void tcpHelloIsThreeHandshakeFramesTwoDataTwoAcksAndThreeTeardownFrames() throws IOException {
        // samples/README.md: 1-3 handshake, 4 data, 5 its ACK, 6 the answer, 7 its ACK, 8 FIN, 9 FIN, 10 last ACK.
        assertEquals(List.of(HANDSHAKE, HANDSHAKE, HANDSHAKE, DATA, ACK, DATA, ACK, TEARDOWN, TEARDOWN, TEARDOWN),
                roles(Environment.samples().resolve("tcp-hello.pcap")));
    }

    @Test
    void aRefusedConnectionIsAHandshakeAttemptAndAReset() throws IOException {
        assertEquals(List.of(HANDSHAKE, RESET), roles(Environment.samples().resolve("scenarios/tcp-refused.pcap")));
    }

    @Test
    void retransmissionsFastOrNotAreCountedWithTheBytesTheySentAgain() throws IOException {
        // Corpus README, zeek__retransmit-fast009.pcap: fast retransmission 32, retransmissions 34 and 36, RST 39.
        List<FrameRole> roles = roles(Corpus.capture("zeek__retransmit-fast009.pcap"));
        assertEquals(RETRANSMISSION, roles.get(31));
        assertEquals(RETRANSMISSION, roles.get(33));
        assertEquals(RETRANSMISSION, roles.get(35));
        assertEquals(RESET, roles.get(38));
        assertEquals(3, roles.stream().filter(role -> role == RETRANSMISSION).count());
    }

    @Test
    void udpEchoCostsTwoDatagramsOfFortyTwoHeaderBytesEach() throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve("udp-echo.pcap")).frames());
        TransportCost udp = TransportCost.of(analysis, Transport.UDP);
        // Ethernet 14 + IPv4 20 + UDP 8 per datagram; payloads "Hello from client" (17) and "i am the server" (15).
        assertEquals(new WireBytes(2, 2 * 42 + 32, 28, 40, 16, 32), udp.bytes());
        assertEquals(2, udp.count(DATA));
        assertEquals(0, udp.overheadFrames());
        assertEquals(32.0 / 116, udp.efficiency(), 1e-12);
        assertEquals(0, udp.timeToFirstPayloadNanos(), "the first datagram already carries data");
        assertEquals(WireBytes.NONE, TransportCost.of(analysis, Transport.TCP).bytes());
    }

    @Test
    void tcpHelloPaysTheHandshakeBeforeItsFirstByte() throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames());
        TransportCost tcp = TransportCost.of(analysis, Transport.TCP);
        assertEquals(analysis.frames().timestampNanos(3) - analysis.frames().timestampNanos(0), tcp.timeToFirstPayloadNanos());
        assertEquals(analysis.frames().timestampNanos(9) - analysis.frames().timestampNanos(0), tcp.completionNanos());
        assertEquals(8, tcp.overheadFrames());
        assertEquals(27, tcp.newPayload(), "hello serveur\\n and hello client\\n");
    }

    private static List<FrameRole> roles(Path capture) throws IOException {
        FrameRoles roles = FrameRoles.of(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        List<FrameRole> list = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            list.add(roles.role(i));
        }
        return list;
    }
}
