package org.wirelab.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.testing.FrameBytes;

/** Hand-built frames, one per link type and header shape, checked column by column. */
class SummaryDecoderTest {
    private static final byte[] NO_OPTIONS = new byte[0];
    private static final int SYN = 0x002;
    private static final int ACK = 0x010;
    private static final int PSH = 0x008;

    private final PacketTable table = new PacketTable(4);

    private int decode(int linkType, byte[] frame) {
        return decode(linkType, frame, frame.length);
    }

    private int decode(int linkType, byte[] frame, int originalLength) {
        // A non-zero offset proves the decoder reads in place from a shared buffer.
        byte[] buffer = new byte[frame.length + 7];
        System.arraycopy(frame, 0, buffer, 7, frame.length);
        return new SummaryDecoder().decodeInto(buffer, 7, frame.length, originalLength, linkType, table);
    }

    private static FrameBytes tcpSegment(FrameBytes link, int payload) {
        return link.ipv4(6, "10.0.0.1", "10.0.0.2", 20 + payload)
                .tcp(1234, 80, 0xfffffff0L, 7, ACK | PSH, 512, NO_OPTIONS).bytes(new byte[payload]);
    }

    private void assertTcp1234To80(int row, int payload) {
        assertEquals(PacketTable.NETWORK_IPV4, table.network(row));
        assertEquals(PacketTable.TRANSPORT_TCP, table.transport(row));
        assertEquals(1234, table.sourcePort(row));
        assertEquals(80, table.destinationPort(row));
        assertEquals(0xfffffff0L, Integer.toUnsignedLong(table.sequence(row)));
        assertEquals(7, table.acknowledgement(row));
        assertEquals(ACK | PSH, table.tcpFlags(row));
        assertEquals(512, table.window(row));
        assertEquals(20, table.tcpHeaderLength(row));
        assertEquals(payload, table.payloadLength(row));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_TCP_HEADER_COMPLETE));
    }

    @Test
    void ethernetIpv4Tcp() {
        int row = decode(LinkType.ETHERNET, tcpSegment(FrameBytes.of().ethernet(0x0800), 5).build());
        assertTcp1234To80(row, 5);
        assertEquals(14, table.networkOffset(row));
        assertEquals(34, table.transportOffset(row));
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        byte[] frame = tcpSegment(FrameBytes.of().ethernet(0x0800), 0).hexBytes("000000000000").build();
        assertTcp1234To80(decode(LinkType.ETHERNET, frame), 0);
    }

    @Test
    void stackedVlanTagsAreSkipped() {
        FrameBytes link = FrameBytes.of().ethernet(0x88a8).u16(0x0064).u16(0x8100).u16(0x2050).u16(0x0800);
        int row = decode(LinkType.ETHERNET, tcpSegment(link, 3).build());
        assertTcp1234To80(row, 3);
        assertEquals(22, table.networkOffset(row));
    }

    @Test
    void linuxCookedV1AndV2() {
        FrameBytes sll = FrameBytes.of().u16(0).u16(1).u16(6).hexBytes("001122334455 0000").u16(0x0800);
        assertTcp1234To80(decode(LinkType.LINUX_SLL, tcpSegment(sll, 1).build()), 1);
        FrameBytes sll2 = FrameBytes.of().u16(0x0800).u16(0).u32(2).u16(1).u8(4).u8(6).hexBytes("0011223344550000");
        int row = decode(LinkType.LINUX_SLL2, tcpSegment(sll2, 2).build());
        assertTcp1234To80(row, 2);
        assertEquals(20, table.networkOffset(row));
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 28, 30})
    void nullLoopbackIpv6FamiliesInEitherByteOrder(int family) {
        for (boolean littleEndian : new boolean[] {true, false}) {
            FrameBytes frame = FrameBytes.of().u32(littleEndian ? Integer.reverseBytes(family) : family)
                    .ipv6(17, "::1", "2001:db8::2", 8 + 4).udp(5353, 53, 4).u32(0);
            int row = decode(LinkType.NULL, frame.build());
            assertEquals(PacketTable.NETWORK_IPV6, table.network(row), "family " + family);
            assertEquals(PacketTable.TRANSPORT_UDP, table.transport(row));
            assertEquals(5353, table.sourcePort(row));
            assertEquals(53, table.destinationPort(row));
            assertEquals(12, table.udpLength(row));
            assertEquals(4, table.payloadLength(row));
        }
    }

    @Test
    void nullLoopbackIpv4LittleEndianAndOpenBsdLoopBigEndian() {
        assertTcp1234To80(decode(LinkType.NULL, tcpSegment(FrameBytes.of().hexBytes("02000000"), 0).build()), 0);
        assertTcp1234To80(decode(LinkType.LOOP, tcpSegment(FrameBytes.of().u32(2), 0).build()), 0);
    }

    @Test
    void rawIpLinkTypes() {
        assertTcp1234To80(decode(LinkType.RAW, tcpSegment(FrameBytes.of(), 4).build()), 4);
        assertTcp1234To80(decode(LinkType.IPV4, tcpSegment(FrameBytes.of(), 4).build()), 4);
        byte[] v6 = FrameBytes.of().ipv6(6, "2001:db8::1", "2001:db8::2", 20)
                .tcp(1, 2, 3, 4, SYN, 5, NO_OPTIONS).build();
        for (int linkType : new int[] {LinkType.RAW, LinkType.IPV6}) {
            int row = decode(linkType, v6);
            assertEquals(PacketTable.NETWORK_IPV6, table.network(row));
            assertEquals(0, table.networkOffset(row));
            assertEquals(40, table.transportOffset(row));
            assertEquals(SYN, table.tcpFlags(row));
        }
    }

    @Test
    void ipv4OptionsAreSkipped() {
        byte[] options = FrameBytes.hex("94040000 01010100"); // router alert, NOP, NOP, NOP, EOL
        byte[] frame = FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 20 + 2, 0, options)
                .tcp(1234, 80, 0xfffffff0L, 7, ACK | PSH, 512, NO_OPTIONS).u16(0).build();
        int row = decode(LinkType.IPV4, frame);
        assertTcp1234To80(row, 2);
        assertEquals(28, table.transportOffset(row));
    }

    @Test
    void nonFirstFragmentHasNoTransport() {
        byte[] frame = FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 8, 185, new byte[0]).u32(0).u32(0).build();
        int row = decode(LinkType.IPV4, frame);
        assertEquals(PacketTable.NETWORK_IPV4, table.network(row));
        assertEquals(PacketTable.TRANSPORT_NONE, table.transport(row));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_IP_FRAGMENT));
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        // Hop-by-hop (8 bytes: PadN), destination options (16 bytes), an atomic fragment header, then TCP.
        byte[] frame = FrameBytes.of().ipv6(0, "2001:db8::1", "2001:db8::2", 8 + 16 + 8 + 20 + 6)
                .u8(60).u8(0).hexBytes("010400000000")
                .u8(44).u8(1).hexBytes("01 0c 000000000000000000000000")
                .u8(6).u8(0).u16(0x0000).u32(99)
                .tcp(1234, 80, 0xfffffff0L, 7, ACK | PSH, 512, NO_OPTIONS).bytes(new byte[6]).build();
        int row = decode(LinkType.IPV6, frame);
        assertFalse(table.hasStatus(row, PacketTable.STATUS_IP_FRAGMENT));
        assertEquals(PacketTable.TRANSPORT_TCP, table.transport(row));
        assertEquals(40 + 8 + 16 + 8, table.transportOffset(row));
        assertEquals(6, table.payloadLength(row));
        assertEquals(1234, table.sourcePort(row));
    }

    @Test
    void firstFragmentHasItsTransportHeaderButNoPayloadLength() {
        byte[] frame = FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 20 + 4, 0x2000, new byte[0])
                .tcp(1234, 80, 0xfffffff0L, 7, ACK | PSH, 512, NO_OPTIONS).u32(0).build();
        int row = decode(LinkType.IPV4, frame);
        assertTrue(table.hasStatus(row, PacketTable.STATUS_IP_FRAGMENT));
        assertEquals(1234, table.sourcePort(row));
        assertEquals(ACK | PSH, table.tcpFlags(row));
        assertEquals(0, table.payloadLength(row), "tshark shows no tcp.len for a fragment");
    }

    @Test
    void ipv6NonFirstFragmentAndEspStop() {
        byte[] fragment = FrameBytes.of().ipv6(44, "2001:db8::1", "2001:db8::2", 16)
                .u8(6).u8(0).u16(0x0010).u32(99).u32(0).u32(0).build();
        int row = decode(LinkType.IPV6, fragment);
        assertEquals(PacketTable.TRANSPORT_NONE, table.transport(row));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_IP_FRAGMENT));
        byte[] esp = FrameBytes.of().ipv6(50, "2001:db8::1", "2001:db8::2", 8).u32(1).u32(1).build();
        row = decode(LinkType.IPV6, esp);
        assertEquals(50, table.transport(row));
        assertEquals(0, table.status(row));
    }

    @Test
    void authenticationHeaderLengthIsInFourByteUnits() {
        // AH with payload length 4: (4 + 2) * 4 = 24 bytes (RFC 4302 section 2.2).
        byte[] frame = FrameBytes.of().ipv6(51, "2001:db8::1", "2001:db8::2", 24 + 8)
                .u8(17).u8(4).u16(0).u32(1).u32(1).hexBytes("000000000000000000000000")
                .udp(1000, 2000, 0).build();
        int row = decode(LinkType.IPV6, frame);
        assertEquals(PacketTable.TRANSPORT_UDP, table.transport(row));
        assertEquals(64, table.transportOffset(row));
        assertEquals(2000, table.destinationPort(row));
    }

    @Test
    void arp() {
        byte[] frame = FrameBytes.of().ethernet(0x0806).u16(1).u16(0x0800).u8(6).u8(4).u16(1)
                .hexBytes("001122334455 0a000001 000000000000 0a000002").build();
        int row = decode(LinkType.ETHERNET, frame);
        assertEquals(PacketTable.NETWORK_ARP, table.network(row));
        assertEquals(PacketTable.TRANSPORT_NONE, table.transport(row));
    }

    @Test
    void icmpIsATransportWithoutPorts() {
        byte[] frame = FrameBytes.of().ipv4(1, "10.0.0.1", "10.0.0.2", 8).u8(8).u8(0).u16(0).u16(1).u16(2).build();
        int row = decode(LinkType.IPV4, frame);
        assertEquals(PacketTable.TRANSPORT_ICMP, table.transport(row));
        assertEquals(0, table.sourcePort(row));
    }

    @Test
    void tcpLengthComesFromTheIpHeaderNotTheCapture() {
        byte[] whole = tcpSegment(FrameBytes.of().ethernet(0x0800), 1460).build();
        byte[] cut = java.util.Arrays.copyOf(whole, 54);
        int row = decode(LinkType.ETHERNET, cut, whole.length);
        assertTcp1234To80(row, 1460);
    }

    @Test
    void tcpHeaderWithOnlyTwelveBytesGivesPortsOnly() {
        byte[] whole = tcpSegment(FrameBytes.of().ethernet(0x0800), 0).build();
        int row = decode(LinkType.ETHERNET, java.util.Arrays.copyOf(whole, 14 + 20 + 12), whole.length);
        assertEquals(PacketTable.TRANSPORT_TCP, table.transport(row));
        assertEquals(1234, table.sourcePort(row));
        assertEquals(80, table.destinationPort(row));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_TRANSPORT_TRUNCATED));
        assertEquals(0, table.tcpFlags(row));
    }

    @Test
    void windowScaleIsTakenFromSynsOnlyAndOptionsMayBeCut() {
        byte[] options = FrameBytes.hex("020405b4 01 030307 04020000"); // MSS 1460, NOP, WS 7, SACK-permitted
        byte[] syn = FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 32)
                .tcp(1, 2, 0, 0, SYN, 65535, options).build();
        int row = decode(LinkType.IPV4, syn);
        assertEquals(7, table.windowScale(row));
        assertEquals(32, table.tcpHeaderLength(row));
        assertEquals(0, table.payloadLength(row));

        byte[] ack = FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 32)
                .tcp(1, 2, 0, 0, ACK, 65535, options).build();
        assertEquals(-1, table.windowScale(decode(LinkType.IPV4, ack)));

        row = decode(LinkType.IPV4, java.util.Arrays.copyOf(syn, 20 + 24), syn.length);
        assertEquals(-1, table.windowScale(row), "the WS option is not captured");
        assertEquals(SYN, table.tcpFlags(row));
        assertFalse(table.hasStatus(row, PacketTable.STATUS_TCP_HEADER_COMPLETE));

        byte[] huge = FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 24)
                .tcp(1, 2, 0, 0, SYN, 65535, FrameBytes.hex("0103031e")).build();
        assertEquals(14, table.windowScale(decode(LinkType.IPV4, huge)), "RFC 7323 caps the shift at 14");
    }

    @Test
    void badBytesNeverThrowAndAreFlagged() {
        int row = decode(LinkType.ETHERNET, FrameBytes.hex("0011"));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_MALFORMED));
        row = decode(LinkType.IPV4, FrameBytes.hex("4f00"));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_MALFORMED));
        row = decode(12345, FrameBytes.hex("00"));
        assertEquals(PacketTable.NETWORK_NONE, table.network(row));
        // An IPv4 header that announces TCP but carries no byte of it.
        row = decode(LinkType.IPV4, FrameBytes.of().ipv4(6, "1.2.3.4", "5.6.7.8", 0).build());
        assertEquals(PacketTable.TRANSPORT_TCP, table.transport(row));
        assertTrue(table.hasStatus(row, PacketTable.STATUS_TRANSPORT_TRUNCATED));
    }
}
