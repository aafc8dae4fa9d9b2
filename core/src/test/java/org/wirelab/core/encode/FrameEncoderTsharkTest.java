package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv6.Ipv6ExtensionHeader;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.vlan.VlanTag;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Tshark;

/**
 * Frames built with {@link FrameBuilder} are read by tshark as we meant them: no malformed frame, every
 * checksum verified good, and the fields we set. The expected values are written by hand from the
 * RFC layouts, not taken from the encoder.
 */
class FrameEncoderTsharkTest {
    private static final byte[] LOCALHOST = {127, 0, 0, 1};
    private static final byte[] V6_LOOPBACK = v6("0000000000000000000000000000000" + "1");
    private static final byte[] DOC_A = v6("20010db8000000000000000000000001");
    private static final byte[] DOC_B = v6("20010db8000000000000000000000002");
    /** Wireshark's PI_ERROR severity in _ws.expert.severity. */
    private static final String SEVERITY_ERROR = "8388608";

    private record Case(FrameLayers frame, Map<String, String> expected) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void add(FrameBuilder frame, String... fieldValuePairs) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            expected.put(fieldValuePairs[i], fieldValuePairs[i + 1]);
        }
        cases.add(new Case(frame.build(), expected));
    }

    @Test
    void tsharkReadsBuiltFramesWithGoodChecksumsAndTheFieldsWeSet(@TempDir Path dir) throws IOException {
        byte[] hello = "hello, world\n".getBytes(StandardCharsets.US_ASCII);       // 13 bytes: odd length
        byte[] query = "ping 7".getBytes(StandardCharsets.US_ASCII);

        add(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 0x1234))
                        .transport(TcpHeader.of(40000, 8080, 1000, 0, Tcp.SYN, 65495).withOptions(List.of(
                                new TcpOption.MaximumSegmentSize(65495), new TcpOption.SackPermitted(),
                                new TcpOption.Timestamps(123456, 0), new TcpOption.Nop(),
                                new TcpOption.WindowScale(7)))),
                "eth.src", "00:00:00:00:00:00", "eth.type", "0x0800", "ip.src", "127.0.0.1", "ip.dst", "127.0.0.1",
                "ip.len", "60", "ip.hdr_len", "20", "ip.id", "0x1234", "ip.ttl", "64", "ip.flags.df", "1",
                "ip.proto", "6", "tcp.srcport", "40000", "tcp.dstport", "8080", "tcp.seq_raw", "1000",
                "tcp.flags", "0x0002", "tcp.window_size_value", "65495", "tcp.hdr_len", "40", "tcp.len", "0",
                "tcp.options.mss_val", "65495", "tcp.options.sack_perm", "", "tcp.options.timestamp.tsval", "123456",
                "tcp.options.timestamp.tsecr", "0", "tcp.options.wscale.shift", "7");
        add(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 0x1235))
                        .transport(TcpHeader.of(40000, 8080, 1001, 0xfffffff0L, Tcp.PSH | Tcp.ACK, 512)
                                .withOptions(List.of(new TcpOption.Nop(), new TcpOption.Nop(),
                                        new TcpOption.Timestamps(123457, 99))))
                        .payload(hello),
                "ip.len", "65", "tcp.seq_raw", "1001", "tcp.ack_raw", "4294967280", "tcp.flags", "0x0018",
                "tcp.hdr_len", "32", "tcp.len", "13", "tcp.options.timestamp.tsecr", "99");
        add(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 0x1236))
                        .transport(TcpHeader.of(8080, 40000, 0, 1014, Tcp.ACK, 1024).withOptions(List.of(
                                new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Sack(List.of(
                                        new TcpOption.SackBlock(5000, 6000), new TcpOption.SackBlock(7000, 8000)))))),
                "tcp.hdr_len", "40", "tcp.options.sack_le", "5000,7000", "tcp.options.sack_re", "6000,8000");
        add(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, new byte[] {127, 0, 0, 2}, 7))
                        .transport(UdpHeader.of(45353, 9999)).payload(query),
                "ip.dst", "127.0.0.2", "ip.len", "34", "ip.proto", "17", "udp.srcport", "45353", "udp.dstport", "9999",
                "udp.length", "14");
        // Router Alert (RFC 2113): type 0x94, length 4, value 0.
        add(new FrameBuilder().network(new Ipv4Header(46, 2, Computed.VALUE, 9, 0, 0, 1, Computed.VALUE,
                        Computed.VALUE, LOCALHOST, new byte[] {(byte) 224, 0, 0, 22}, new byte[] {(byte) 0x94, 4, 0, 0}))
                        .transport(UdpHeader.of(1000, 2000)).payload(query),
                "ip.hdr_len", "24", "ip.len", "38", "ip.dsfield.dscp", "46", "ip.dsfield.ecn", "2", "ip.ttl", "1",
                "ip.flags.df", "0", "ip.opt.type", "148", "ip.dst", "224.0.0.22", "udp.length", "14");
        add(new FrameBuilder().link(new EthernetHeader(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1},
                                new VlanTag(5, false, 42), Computed.VALUE))
                        .network(Ipv4Header.of(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, 77))
                        .transport(TcpHeader.of(443, 51000, 77, 0, Tcp.RST, 0)),
                "eth.src", "02:00:00:00:00:01", "eth.dst", "02:00:00:00:00:02", "eth.type", "0x8100",
                "vlan.id", "42", "vlan.priority", "5", "vlan.etype", "0x0800", "ip.src", "10.0.0.1", "ip.len", "40",
                "tcp.flags", "0x0004");
        add(new FrameBuilder().network(Ipv6Header.of(V6_LOOPBACK, V6_LOOPBACK))
                        .transport(TcpHeader.of(8080, 40000, 5000, 1001, Tcp.SYN | Tcp.ACK, 65483)
                                .withOptions(List.of(new TcpOption.MaximumSegmentSize(65476),
                                        new TcpOption.SackPermitted(), new TcpOption.Timestamps(1, 123456),
                                        new TcpOption.Nop(), new TcpOption.WindowScale(7)))),
                "eth.type", "0x86dd", "ipv6.src", "::1", "ipv6.dst", "::1", "ipv6.plen", "40", "ipv6.nxt", "6",
                "ipv6.hlim", "64", "tcp.flags", "0x0012", "tcp.options.mss_val", "65476", "tcp.hdr_len", "40");
        add(new FrameBuilder().network(new Ipv6Header(0x28, 0xabcde, Computed.VALUE, Computed.VALUE, 255, DOC_A, DOC_B,
                        List.of())).transport(UdpHeader.of(40053, 33000)).payload(hello),
                "ipv6.src", "2001:db8::1", "ipv6.dst", "2001:db8::2", "ipv6.plen", "21", "ipv6.nxt", "17",
                "ipv6.flow", "0x0abcde", "ipv6.tclass", "0x00000028", "udp.length", "21");
        // A hop-by-hop header with one PadN option (RFC 8200 section 4.2) before UDP.
        add(new FrameBuilder().network(new Ipv6Header(0, 0, Computed.VALUE, Computed.VALUE, 1, DOC_A, DOC_B,
                        List.of(Ipv6ExtensionHeader.of(0, UdpHeader.PROTOCOL, new byte[] {1, 4, 0, 0, 0, 0}))))
                        .transport(UdpHeader.of(4000, 4001)).payload(query),
                "ipv6.nxt", "0", "ipv6.hopopts.nxt", "17", "ipv6.plen", "22", "udp.length", "14");
        add(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 0x2000))
                        .transport(new TcpHeader(40000, 8080, 1014, 5001, Tcp.FIN | Tcp.ACK
                                | Tcp.URG, 512, Computed.VALUE, 3, List.of(new TcpOption.Unknown(254,
                                new byte[] {0x12, 0x34}), new TcpOption.Eol())))
                        .payload(hello),
                "tcp.flags", "0x0031", "tcp.urgent_pointer", "3", "tcp.hdr_len", "28", "tcp.option_kind", "254,0,0,0,0");  // EOL, then 3 zero bytes of padding
        // Ethernet padding to the 60-byte minimum, as a NIC adds it: a trailer after the datagram.
        add(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 0x2001))
                        .transport(TcpHeader.of(40000, 8080, 1015, 5001, Tcp.ACK, 512)).trailer(new byte[6]),
                "frame.len", "60", "ip.len", "40", "tcp.len", "0", "eth.padding", "000000000000");

        Path pcap = dir.resolve("built.pcap");
        try (PcapWriter out = PcapWriter.create(pcap, LinkType.ETHERNET)) {
            long time = 1_700_000_000_000_000_000L;
            for (Case c : cases) {
                byte[] bytes = FrameEncoder.encode(c.frame());
                out.append(time += 1_000_000, LinkType.ETHERNET, bytes, 0, bytes.length, bytes.length);
            }
        }

        Set<String> fields = new LinkedHashSet<>(List.of("frame.number", "_ws.malformed", "_ws.expert.severity",
                "ip.checksum.status", "tcp.checksum.status", "udp.checksum.status"));
        cases.forEach(c -> fields.addAll(c.expected().keySet()));
        List<String> names = new ArrayList<>(fields);
        List<String> args = new ArrayList<>(List.of("-r", pcap.toString(), "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-o",
                "tcp.relative_sequence_numbers:FALSE", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
                "-E", "aggregator=,"));
        names.forEach(n -> {
            args.add("-e");
            args.add(n);
        });
        String[] lines = Tshark.run(args.toArray(String[]::new)).split("\n");
        assertEquals(cases.size(), lines.length, "tshark read every frame");

        for (int i = 0; i < cases.size(); i++) {
            String[] cells = lines[i].split("\t", -1);
            Map<String, String> actual = new LinkedHashMap<>();
            for (int f = 0; f < names.size(); f++) {
                actual.put(names.get(f), f < cells.length ? cells[f] : "");
            }
            String where = "frame " + (i + 1) + " " + cases.get(i).frame() + ": " + actual;
            assertEquals("", actual.get("_ws.malformed"), "malformed, " + where);
            assertTrue(!List.of(actual.get("_ws.expert.severity").split(",")).contains(SEVERITY_ERROR),
                    "an error-level expert item, " + where);
            FrameLayers frame = cases.get(i).frame();
            if (frame.network() instanceof Ipv4Header) {
                assertEquals("1", actual.get("ip.checksum.status"), "IPv4 checksum good, " + where);
            }
            if (frame.transport() instanceof TcpHeader) {
                assertEquals("1", actual.get("tcp.checksum.status"), "TCP checksum good, " + where);
            }
            if (frame.transport() instanceof UdpHeader) {
                assertEquals("1", actual.get("udp.checksum.status"), "UDP checksum good, " + where);
            }
            for (Map.Entry<String, String> e : cases.get(i).expected().entrySet()) {
                if (e.getKey().equals("tcp.options.sack_perm")) {
                    // A field with no value: present means tshark saw the option.
                    continue;
                }
                assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey() + " of " + where);
            }
        }
    }

    @Test
    void aGivenChecksumIsKeptVerbatimAndTsharkCallsItBad(@TempDir Path dir) throws IOException {
        FrameLayers frame = new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 1).withHeaderChecksum(0xbeef))
                .transport(UdpHeader.of(1, 2).withChecksum(0x1234)).payload(new byte[] {1, 2, 3}).build();
        byte[] bytes = FrameEncoder.encode(frame);
        assertEquals(0xbeef, ((bytes[24] & 0xff) << 8) | (bytes[25] & 0xff));
        assertEquals(0x1234, ((bytes[40] & 0xff) << 8) | (bytes[41] & 0xff));
        Path pcap = dir.resolve("bad.pcap");
        try (PcapWriter out = PcapWriter.create(pcap, LinkType.ETHERNET)) {
            out.append(0, LinkType.ETHERNET, bytes, 0, bytes.length, bytes.length);
        }
        String line = Tshark.run("-r", pcap.toString(), "-o", "udp.check_checksum:TRUE", "-o",
                "ip.check_checksum:TRUE", "-T", "fields", "-e", "ip.checksum.status", "-e", "udp.checksum.status").trim();
        assertEquals("0\t0", line, "tshark's Bad status for both");
        assertNotEquals(0xbeef, computedHeaderChecksum(bytes));
    }

    /** The IPv4 header checksum the encoder computes for this frame, to show the kept one differs. */
    private static int computedHeaderChecksum(byte[] frame) {
        byte[] header = java.util.Arrays.copyOfRange(frame, 14, 34);
        header[10] = 0;
        header[11] = 0;
        return org.wirelab.core.net.InternetChecksum.of(header, 0, 20);
    }

    private static byte[] v6(String hex) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
