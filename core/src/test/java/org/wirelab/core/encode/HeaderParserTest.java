package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.loopback.NullHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.Tcp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.LinkType;

/** What the parser makes of particular frames, and what it says when it has to stop. */
class HeaderParserTest {
    private static final byte[] A = {10, 0, 0, 1};
    private static final byte[] B = {10, 0, 0, 2};

    private static FrameLayers layers(ParsedFrame parsed) {
        return parsed.layers().orElseThrow();
    }

    @Test
    void aTcpHeaderCutInItsOptionsStopsThereWithTheReasonAndItsOffset() {
        byte[] syn = new FrameBuilder().network(Ipv4Header.of(A, B, 1))
                .transport(TcpHeader.of(1, 2, 3, 0, Tcp.SYN, 100).withOptions(List.of(
                        new TcpOption.MaximumSegmentSize(1460), new TcpOption.SackPermitted(),
                        new TcpOption.Timestamps(1, 0), new TcpOption.Nop(), new TcpOption.WindowScale(7))))
                .encode();
        byte[] cut = Arrays.copyOf(syn, 14 + 20 + 30);
        ParsedFrame parsed = HeaderParser.parse(LinkType.ETHERNET, cut);
        assertEquals("TCP header claims 40 bytes, 30 captured", parsed.problem());
        assertEquals(34, parsed.problemOffset());
        assertInstanceOf(Ipv4Header.class, layers(parsed).network());
        assertNull(layers(parsed).transport());
        assertArrayEquals(cut, FrameEncoder.encode(layers(parsed)));
    }

    @Test
    void typedTcpOptionsComeBackAsTheyWereBuilt() {
        List<TcpOption> options = List.of(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Sack(List.of(
                new TcpOption.SackBlock(0xfffffff0L, 16))), new TcpOption.Unknown(30, new byte[] {9, 9}));
        byte[] frame = new FrameBuilder().network(Ipv4Header.of(A, B, 1))
                .transport(TcpHeader.of(1, 2, 3, 4, Tcp.ACK, 100).withOptions(options)).encode();
        TcpHeader tcp = (TcpHeader) layers(HeaderParser.parse(LinkType.ETHERNET, frame)).transport();
        // 2 + 10 + 4 = 16 option bytes: no padding needed.
        assertEquals(options, tcp.options());
        assertEquals(9, tcp.dataOffset());
    }

    @Test
    void aLaterIpv4FragmentHasNoTransportHeader() {
        Ipv4Header fragment = new Ipv4Header(0, 0, Computed.VALUE, 5, Ipv4Header.FLAG_MORE_FRAGMENTS, 185, 64,
                TcpHeader.PROTOCOL, Computed.VALUE, A, B, new byte[0]);
        byte[] frame = new FrameBuilder().network(fragment).payload(new byte[24]).encode();
        FrameLayers parsed = layers(HeaderParser.parse(LinkType.ETHERNET, frame));
        assertTrue(HeaderParser.parse(LinkType.ETHERNET, frame).complete());
        assertNull(parsed.transport());
        assertEquals(24, parsed.payloadLength());
        assertEquals(185, ((Ipv4Header) parsed.network()).fragmentOffset());
    }

    @Test
    void ethernetPaddingAfterTheDatagramIsTheTrailer() {
        byte[] frame = new FrameBuilder().network(Ipv4Header.of(A, B, 1)).transport(UdpHeader.of(1, 2))
                .trailer(new byte[18]).encode();   // 14 + 20 + 8 = 42 bytes, padded to 60
        FrameLayers parsed = layers(HeaderParser.parse(LinkType.ETHERNET, frame));
        assertEquals(60, frame.length);
        assertEquals(0, parsed.payloadLength());
        assertEquals(18, parsed.trailer().length);
    }

    @Test
    void bsdLoopbackInEitherByteOrder() {
        byte[] little = new FrameBuilder().link(new NullHeader(LinkType.NULL, Computed.VALUE, false))
                .network(Ipv6Header.of(new byte[16], new byte[16])).transport(UdpHeader.of(1, 2)).encode();
        assertArrayEquals(new byte[] {24, 0, 0, 0}, Arrays.copyOf(little, 4));
        NullHeader parsed = (NullHeader) layers(HeaderParser.parse(LinkType.NULL, little)).link();
        assertEquals(24, parsed.family());
        assertTrue(!parsed.bigEndian());
        byte[] big = new FrameBuilder().link(new NullHeader(LinkType.LOOP, 2, true))
                .network(Ipv4Header.of(A, B, 1)).transport(UdpHeader.of(1, 2)).encode();
        assertArrayEquals(new byte[] {0, 0, 0, 2}, Arrays.copyOf(big, 4));
        assertInstanceOf(UdpHeader.class, layers(HeaderParser.parse(LinkType.LOOP, big)).transport());
    }

    @Test
    void anUnsupportedLinkTypeOrAShortFrameIsSaidNotThrown() {
        ParsedFrame unknown = HeaderParser.parse(147, new byte[20]);
        assertEquals("unsupported link type 147", unknown.problem());
        assertTrue(unknown.layers().isEmpty());
        ParsedFrame shortFrame = HeaderParser.parse(LinkType.ETHERNET, new byte[10]);
        assertEquals("Ethernet header needs 14 bytes, 10 captured", shortFrame.problem());
    }
}
