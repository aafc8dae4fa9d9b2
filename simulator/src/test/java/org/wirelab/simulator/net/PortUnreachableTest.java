package org.wirelab.simulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Tshark;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.tcp.TcpConfig;

/** A datagram to a port where nothing listens is answered by ICMP port unreachable (RFC 1122 4.1.3.1, RFC 4443). */
class PortUnreachableTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aClosedUdpPortAnswersWithIcmpThatTsharkReads(boolean ipv6) throws IOException {
        Simulator simulator = new Simulator();
        Network network = new Network(simulator, 1, List.of());
        byte[] six = new byte[16];
        six[15] = 1;
        Host host = network.addHost("localhost", new byte[] {127, 0, 0, 1}, six, TcpConfig.linux());
        network.link(host, host, LinkConfig.PERFECT);
        Path pcap = dir.resolve("unreachable.pcap");
        List<String> heard = new ArrayList<>();
        try (PcapWriter writer = PcapWriter.create(pcap, FrameEncoding.LINK_TYPE)) {
            network.capture(host, (time, bytes, length, packet) -> writer.append(time, FrameEncoding.LINK_TYPE, bytes, 0,
                    length, length), 1_700_000_000_000_000_000L);
            var socket = host.udp().bindEphemeral(new org.wirelab.simulator.udp.UdpSocket.Handler() {
                @Override
                public void received(org.wirelab.simulator.udp.UdpSocket s, byte[] source, int port, byte[] payload) {
                }

                @Override
                public void unreachable(org.wirelab.simulator.udp.UdpSocket s, String reason) {
                    heard.add(reason);
                }
            });
            socket.send(host.address(ipv6), 3999, "Hello from client".getBytes());
            simulator.runUntil(1_000_000_000L);
        }
        assertEquals(List.of("port unreachable (ICMP)"), heard);

        String icmp = ipv6 ? "icmpv6" : "icmp";
        String[] row = Tshark.run("-r", pcap.toString(), "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                "-Y", icmp, "-T", "fields", "-e", icmp + ".type", "-e", icmp + ".code", "-e", icmp + ".checksum.status",
                "-e", "udp.dstport", "-e", "udp.checksum.status").strip().split("\t");
        assertEquals(ipv6 ? "1" : "3", row[0], "destination unreachable");
        assertEquals(ipv6 ? "4" : "3", row[1], "port unreachable");
        assertEquals("1", row[2], "a good ICMP checksum");
        assertTrue(row[3].contains("3999"), "it quotes the datagram sent to port 3999: " + String.join("|", row));
        String problems = Tshark.run("-r", pcap.toString(), "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                "-Y", "_ws.malformed || _ws.expert.severity == error");
        assertEquals("", problems);
    }
}
