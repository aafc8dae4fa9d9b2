package org.wirelab.core.decode;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.testing.FrameBytes;

/**
 * Hand-built frames for what the corpus lacks: every link type and address family, stacked VLAN tags,
 * IPv4 options and fragments, IPv6 extension headers, ARP, ICMP errors, ICMPv6, SACK, DNS answers,
 * and bogus or truncated headers. Written field by field from the RFCs; tshark is their referee.
 */
final class CraftedFrames {
    private static final byte[] NONE = new byte[0];
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private CraftedFrames() {
    }

    /** A frame and the length it had on the wire (more than its bytes when cut by a snapshot length). */
    record Crafted(String what, int linkType, byte[] bytes, int originalLength) {
        RawFrame raw(int number) {
            return new RawFrame(number, 1_700_000_000_000_000_000L + number, linkType, bytes,
                    Math.max(originalLength, bytes.length));
        }
    }

    static List<Crafted> all() {
        List<Crafted> frames = new ArrayList<>();
        byte[] synOptions = FrameBytes.hex("020405b4 0402 080a 00000001 00000000 01 030307");
        frames.add(eth("QinQ, IPv4 TCP SYN with options", FrameBytes.of().ethernet(0x88a8).u16(0x0064).u16(0x8100)
                .u16(0x20c8).u16(0x0800).ipv4(6, "192.0.2.1", "198.51.100.2", 20 + synOptions.length)
                .tcp(40000, 80, 1000, 0, SYN, 64240, synOptions)));
        byte[] sack = FrameBytes.hex("0101 050a 000003e8 000007d0 0101 080a 00000002 00000001");
        byte[] routerAlert = FrameBytes.hex("94040000");
        frames.add(eth("IPv4 options, TCP ACK with a SACK block", FrameBytes.of().ethernet(0x0800)
                .ipv4(6, "198.51.100.2", "192.0.2.1", 20 + sack.length, 0x4000, routerAlert)
                .tcp(80, 40000, 5000, 1001, ACK, 501, sack)));
        frames.add(eth("IPv4 first fragment with UDP", FrameBytes.of().ethernet(0x0800)
                .ipv4(17, "10.0.0.1", "10.0.0.2", 16, 0x2000, NONE).udp(1234, 5678, 100).u32(1).u32(2)));
        frames.add(eth("IPv4 later fragment", FrameBytes.of().ethernet(0x0800)
                .ipv4(17, "10.0.0.1", "10.0.0.2", 16, 0x0003, NONE).u32(1).u32(2).u32(3).u32(4)));
        frames.add(eth("ARP request", FrameBytes.of().ethernet(0x0806).u16(1).u16(0x0800).u8(6).u8(4).u16(1)
                .hexBytes("020000000001 0a000001 000000000000 0a000002").hexBytes("000000000000000000000000000000000000")));
        frames.add(eth("ICMP echo request", FrameBytes.of().ethernet(0x0800).ipv4(1, "10.0.0.1", "10.0.0.2", 16)
                .u8(8).u8(0).u16(0x1234).u16(0x0102).u16(7).hexBytes("6162636465666768")));
        frames.add(eth("ICMP port unreachable quoting UDP", FrameBytes.of().ethernet(0x0800)
                .ipv4(1, "10.0.0.2", "10.0.0.1", 8 + 28).u8(3).u8(3).u16(0).u32(0)
                .ipv4(17, "10.0.0.1", "10.0.0.2", 8 + 20).udp(33434, 53, 20)));
        frames.add(eth("ICMP TTL exceeded quoting TCP", FrameBytes.of().ethernet(0x0800)
                .ipv4(1, "10.9.9.9", "10.0.0.1", 8 + 28).u8(11).u8(0).u16(0).u32(0)
                .ipv4(6, "10.0.0.1", "10.0.0.2", 40).u16(40001).u16(443).u32(77)));
        frames.add(eth("IPv6 hop-by-hop, destination options, first fragment, TCP", FrameBytes.of().ethernet(0x86dd)
                .ipv6(0, "2001:db8::1", "2001:db8::2", 8 + 16 + 8 + 20 + 4)
                .u8(60).u8(0).hexBytes("010400000000")
                .u8(44).u8(1).hexBytes("0104000000000000 010400000000")
                .u8(6).u8(0).u16(0x0001).u32(0xabcd)
                .tcp(50000, 443, 1, 2, PSH | ACK, 100, NONE).u32(0x01020304)));
        frames.add(eth("IPv6 routing header type 2, UDP", FrameBytes.of().ethernet(0x86dd)
                .ipv6(43, "2001:db8::1", "2001:db8::2", 24 + 8 + 4)
                .u8(17).u8(2).u8(2).u8(1).u32(0).hexBytes("20010db8000000000000000000000009")
                .udp(7000, 7001, 4).u32(0x41424344)));
        frames.add(eth("IPv6 AH, UDP", FrameBytes.of().ethernet(0x86dd).ipv6(51, "2001:db8::1", "2001:db8::2", 24 + 8)
                .u8(17).u8(4).u16(0).u32(0x1000).u32(5).hexBytes("00112233445566778899aabb")
                .udp(5000, 5001, 0)));
        frames.add(eth("IPv6 later fragment", FrameBytes.of().ethernet(0x86dd).ipv6(44, "2001:db8::1", "2001:db8::2", 16)
                .u8(17).u8(0).u16(0x0010).u32(0xabcd).u32(0).u32(0)));
        frames.add(eth("ICMPv6 echo request", FrameBytes.of().ethernet(0x86dd).ipv6(58, "2001:db8::1", "2001:db8::2", 12)
                .u8(128).u8(0).u16(0).u16(0x4242).u16(3).u32(0x61626364)));
        frames.add(eth("ICMPv6 neighbor solicitation", FrameBytes.of().ethernet(0x86dd)
                .ipv6(58, "fe80::1", "ff02::1:ff00:2", 24).u8(135).u8(0).u16(0).u32(0)
                .hexBytes("fe800000000000000000000000000002")));
        frames.add(eth("ICMPv6 port unreachable quoting UDP", FrameBytes.of().ethernet(0x86dd)
                .ipv6(58, "2001:db8::2", "2001:db8::1", 8 + 48).u8(1).u8(4).u16(0).u32(0)
                .ipv6(17, "2001:db8::1", "2001:db8::2", 8).udp(4444, 5555, 0)));
        byte[] dnsResponse = FrameBytes.of().u16(0xbeef).u16(0x8180).u16(1).u16(2).u16(0).u16(0)
                .hexBytes("03777777076578616d706c6503636f6d00").u16(5).u16(1)
                .u16(0xc00c).u16(5).u16(1).u32(300).u16(6).hexBytes("03776562c010")
                .u16(0xc02d).u16(1).u16(1).u32(60).u16(4).hexBytes("c0000207").build();
        frames.add(eth("DNS response with CNAME and A", FrameBytes.of().ethernet(0x0800)
                .ipv4(17, "192.0.2.53", "192.0.2.1", 8 + dnsResponse.length).udp(53, 33333, dnsResponse.length)
                .bytes(dnsResponse)));
        byte[] dnsQuery = FrameBytes.of().u16(0x0102).u16(0x0100).u16(1).u16(0).u16(0).u16(0)
                .hexBytes("076578616d706c65036f726700").u16(28).u16(1).build();
        frames.add(eth("DNS query over TCP", FrameBytes.of().ethernet(0x0800)
                .ipv4(6, "192.0.2.1", "192.0.2.53", 20 + 2 + dnsQuery.length)
                .tcp(40001, 53, 10, 20, PSH | ACK, 1000, NONE).u16(dnsQuery.length).bytes(dnsQuery)));
        byte[] http = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nServer: lab\r\n\r\n".getBytes();
        frames.add(eth("HTTP status line", FrameBytes.of().ethernet(0x0800)
                .ipv4(6, "192.0.2.80", "192.0.2.1", 20 + http.length)
                .tcp(80, 40002, 30, 40, PSH | ACK, 1000, NONE).bytes(http)));
        frames.add(eth("TCP header length below 20", FrameBytes.of().ethernet(0x0800)
                .ipv4(6, "10.0.0.1", "10.0.0.2", 20).u16(1).u16(2).u32(3).u32(4).u16(0x3000 | ACK).u16(5).u32(0)));
        byte[] cut = FrameBytes.of().ethernet(0x0800).ipv4(6, "10.0.0.1", "10.0.0.2", 20 + synOptions.length + 100)
                .tcp(40000, 80, 1000, 0, SYN | ACK, 64240, synOptions).bytes(new byte[100]).build();
        frames.add(new Crafted("TCP options cut by the snapshot length", LinkType.ETHERNET,
                java.util.Arrays.copyOf(cut, 14 + 20 + 26), cut.length));
        frames.add(eth("UDP without checksum, text payload", FrameBytes.of().ethernet(0x0800)
                .ipv4(17, "10.0.0.1", "10.0.0.2", 8 + 5).udp(3000, 3001, 5).hexBytes("68656c6c6f")));
        frames.add(eth("IPv4 header length 16 (bogus)", FrameBytes.of().ethernet(0x0800)
                .hexBytes("44000028 00000000 4006 0000 0a000001 0a000002").u32(0).u32(0)));
        frames.add(eth("IEEE 802.3 with LLC", FrameBytes.of().hexBytes("0180c2000000 020000000001").u16(38)
                .hexBytes("424203000000000000000000000000000000000000000000000000000000000000000000000000")));
        frames.add(eth("GRE", FrameBytes.of().ethernet(0x0800).ipv4(47, "10.0.0.1", "10.0.0.2", 4).u16(0).u16(0x0800)));
        frames.add(eth("Lab chat greeting", FrameBytes.of().ethernet(0x0800).ipv4(6, "127.0.0.1", "127.0.0.1", 21)
                .tcp(9090, 45000, 1, 1, PSH | ACK, 512, NONE).hexBytes("30")));
        frames.add(eth("FIN", FrameBytes.of().ethernet(0x0800).ipv4(6, "10.0.0.1", "10.0.0.2", 20)
                .tcp(1, 2, 3, 4, FIN | ACK, 5, NONE)));

        frames.add(new Crafted("SLL IPv4 UDP", LinkType.LINUX_SLL, FrameBytes.of().u16(4).u16(1).u16(6)
                .hexBytes("020000000001 0000").u16(0x0800).ipv4(17, "10.0.0.1", "10.0.0.2", 8).udp(1, 2, 0).build(), 0));
        frames.add(new Crafted("SLL2 IPv6 TCP", LinkType.LINUX_SLL2, FrameBytes.of().u16(0x86dd).u16(0).u32(3).u16(1)
                .u8(0).u8(6).hexBytes("0200000000010000").ipv6(6, "2001:db8::1", "2001:db8::2", 20)
                .tcp(1, 2, 3, 4, SYN, 5, NONE).build(), 0));
        frames.add(new Crafted("NULL little-endian AF_INET", LinkType.NULL, FrameBytes.of().hexBytes("02000000")
                .ipv4(17, "127.0.0.1", "127.0.0.1", 8).udp(1, 2, 0).build(), 0));
        for (int family : new int[] {24, 28, 30}) {
            frames.add(new Crafted("NULL big-endian AF " + family, LinkType.NULL, FrameBytes.of().u32(family)
                    .ipv6(17, "::1", "::2", 8).udp(10, 20, 0).build(), 0));
            frames.add(new Crafted("NULL little-endian AF " + family, LinkType.NULL, FrameBytes.of()
                    .u32(Integer.reverseBytes(family)).ipv6(17, "::1", "::2", 8).udp(10, 20, 0).build(), 0));
        }
        frames.add(new Crafted("LOOP AF_INET", LinkType.LOOP, FrameBytes.of().u32(2)
                .ipv4(6, "10.0.0.1", "10.0.0.2", 20).tcp(7, 8, 9, 10, ACK, 11, NONE).build(), 0));
        frames.add(new Crafted("LOOP AF 24", LinkType.LOOP, FrameBytes.of().u32(24)
                .ipv6(17, "::1", "::2", 8).udp(10, 20, 0).build(), 0));
        frames.add(new Crafted("RAW IPv4", LinkType.RAW, FrameBytes.of().ipv4(17, "10.0.0.1", "10.0.0.2", 8)
                .udp(1, 2, 0).build(), 0));
        frames.add(new Crafted("RAW IPv6", LinkType.RAW, FrameBytes.of().ipv6(6, "2001:db8::1", "2001:db8::2", 20)
                .tcp(1, 2, 3, 4, SYN, 5, NONE).build(), 0));
        frames.add(new Crafted("IPV4 link type", LinkType.IPV4, FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 20)
                .tcp(1, 2, 3, 4, SYN, 5, NONE).build(), 0));
        frames.add(new Crafted("IPV6 link type", LinkType.IPV6, FrameBytes.of().ipv6(17, "2001:db8::1", "2001:db8::2", 8)
                .udp(1, 2, 0).build(), 0));
        return frames;
    }

    private static Crafted eth(String what, FrameBytes frame) {
        return new Crafted(what, LinkType.ETHERNET, frame.build(), 0);
    }
}
