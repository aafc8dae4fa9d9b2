package org.wirelab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Transport;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * Each transport's cost computed by wirelab equals the same sums made from tshark's fields: frame.len,
 * ip.hdr_len or ipv6.plen, tcp.hdr_len, tcp.len, udp.length, and the roles derived from tshark's
 * tcp.stream, relative numbers, flags and tcp.analysis flags with the rules {@link FrameRoles} states.
 */
class TransportCostTsharkTest {
    private static final List<String> FIELDS = List.of("frame.len", "ip.len", "ip.hdr_len", "ipv6.plen",
            "eth.padding", "eth.trailer", "tcp.stream", "tcp.flags", "tcp.hdr_len", "tcp.len", "tcp.seq", "tcp.ack",
            "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission",
            "udp.length", "icmp.type", "icmpv6.type", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst", "ipv6.dst", "tcp.dstport");

    static Stream<Path> captures() {
        List<Path> files = new ArrayList<>(Environment.sampleFiles());
        for (String name : List.of("gopacket__test_ethernet.pcap", "dpkt__http.pcap", "zeek__retransmit-fast009.pcap",
                "tcpdump__pptp.pcap", "zeek__kerberos135_auth.pcapng", "zeek__ctu-64702-888.pcap", "zeek__ipv6.pcap")) {
            files.add(Corpus.capture(name));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void costsEqualTsharksFieldsSummedTheSameWay(Path capture) throws IOException {
        Tshark.require();
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        FrameRoles roles = FrameRoles.of(analysis);
        List<String[]> rows = Tshark.fields(capture, FIELDS);
        Map<Transport, Expected> expected = expected(rows.subList(1, rows.size()));
        for (Transport transport : Transport.values()) {
            TransportCost cost = TransportCost.of(analysis, roles, transport);
            Expected want = expected.get(transport);
            assertEquals(want.bytes, cost.bytes(), transport + " bytes");
            assertEquals(want.roles, cost.roles(), transport + " roles");
            assertEquals(want.resent, cost.resentPayload(), transport + " payload sent again");
        }
    }

    private static Map<FrameRole, Long> zero() {
        Map<FrameRole, Long> roles = new EnumMap<>(FrameRole.class);
        for (FrameRole role : FrameRole.values()) {
            roles.put(role, 0L);
        }
        return roles;
    }

    private record Expected(WireBytes bytes, Map<FrameRole, Long> roles, long resent) {
    }

    /** The sums and roles, from tshark's values alone. */
    private static Map<Transport, Expected> expected(List<String[]> rows) {
        WireBytes tcp = WireBytes.NONE;
        WireBytes udp = WireBytes.NONE;
        Map<FrameRole, Long> tcpRoles = zero();
        Map<FrameRole, Long> udpRoles = zero();
        long resent = 0;
        Map<String, Long> finEnd = new HashMap<>();            // stream and sender -> relative seq after its FIN
        Map<Integer, Boolean> handshakeDone = new HashMap<>();
        for (String[] row : rows) {
            if (!row[16].isEmpty() || !row[17].isEmpty()) {
                continue;   // ICMP (its quoted headers are not traffic of their own)
            }
            boolean isTcp = !row[6].isEmpty();
            boolean isUdp = !row[15].isEmpty();
            if (!isTcp && !isUdp) {
                continue;
            }
            long frameLength = Long.parseLong(row[0]);
            long ipTotal = !row[1].isEmpty() ? Long.parseLong(row[1]) : 40 + Long.parseLong(row[3]);
            long padding = (row[4].length() + row[5].length()) / 2;
            long transportTotal = isTcp ? Long.parseLong(row[8]) + Long.parseLong(row[9]) : Long.parseLong(row[15]);
            long network = !row[2].isEmpty() ? Long.parseLong(row[2]) : ipTotal - transportTotal;
            long header = isTcp ? Long.parseLong(row[8]) : 8;
            long payload = isTcp ? Long.parseLong(row[9]) : Long.parseLong(row[15]) - 8;
            long link = frameLength - ipTotal - padding;
            if (isUdp) {
                udp = udp.plus(frameLength, link, network, header, payload);
                udpRoles.merge(FrameRole.DATA, 1L, Long::sum);
                continue;
            }
            tcp = tcp.plus(frameLength, link, network, header, payload);
            int stream = Integer.parseInt(row[6]);
            int flags = Integer.decode(row[7]);
            long seq = Long.parseLong(row[10]);
            long ack = Long.parseLong(row[11]);
            boolean retransmitted = !row[12].isEmpty() || !row[13].isEmpty() || !row[14].isEmpty();
            String me = stream + "/" + row[18] + row[19] + ":" + row[20];
            String peer = stream + "/" + row[21] + row[22] + ":" + row[23];
            FrameRole role;
            if ((flags & 0x004) != 0) {
                role = FrameRole.RESET;
            } else if ((flags & 0x002) != 0) {
                role = FrameRole.HANDSHAKE;
            } else if (retransmitted) {
                role = FrameRole.RETRANSMISSION;
                resent += payload;
            } else if (payload > 0) {
                role = FrameRole.DATA;
            } else if ((flags & 0x001) != 0) {
                role = FrameRole.TEARDOWN;
            } else if (!handshakeDone.getOrDefault(stream, false) && ack == 1 && seq == 1) {
                role = FrameRole.HANDSHAKE;
            } else if (finEnd.containsKey(peer) && ack == finEnd.get(peer)) {
                role = FrameRole.TEARDOWN;
            } else {
                role = FrameRole.ACK;
            }
            if ((flags & 0x002) == 0) {
                handshakeDone.put(stream, true);
            }
            if ((flags & 0x001) != 0) {
                finEnd.put(me, seq + payload + 1);
            }
            tcpRoles.merge(role, 1L, Long::sum);
        }
        return Map.of(Transport.TCP, new Expected(tcp, tcpRoles, resent), Transport.UDP, new Expected(udp, udpRoles, 0));
    }
}
