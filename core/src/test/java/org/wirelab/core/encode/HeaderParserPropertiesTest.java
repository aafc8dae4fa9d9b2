package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv6.Ipv6ExtensionHeader;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.loopback.NullHeader;
import org.wirelab.core.protocol.sll.LinuxSll2Header;
import org.wirelab.core.protocol.sll.LinuxSllHeader;
import org.wirelab.core.protocol.vlan.VlanTag;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.tcp.TcpHeader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wirelab.core.frame.LinkType;

/**
 * Encoding and parsing are inverse: random layers encode, parse back to equal records and re-encode
 * to the same bytes; and any bytes at all parse without an exception and re-encode to themselves.
 */
class HeaderParserPropertiesTest {

    @Property(tries = 500)
    void randomLayersSurviveEncodeParseEncode(@ForAll("frames") FrameLayers frame) {
        byte[] bytes = FrameEncoder.encode(frame);
        ParsedFrame parsed = HeaderParser.parse(frame.link().linkType(), bytes);
        assertTrue(parsed.complete(), () -> parsed.problem() + " in " + frame);
        FrameLayers layers = parsed.layers().orElseThrow();
        // Computed fields come back as their values, so compare classes here and bytes below.
        assertEquals(frame.network().getClass(), layers.network().getClass());
        assertEquals(frame.transport() == null ? null : frame.transport().getClass(),
                layers.transport() == null ? null : layers.transport().getClass());
        assertArrayEquals(bytes, FrameEncoder.encode(layers), () -> "re-encoding " + layers);
    }

    @Property(tries = 2000)
    void anyBytesParseWithoutThrowingAndReEncodeVerbatim(@ForAll @Size(max = 200) byte[] bytes,
            @ForAll("linkTypes") int linkType) {
        ParsedFrame parsed = HeaderParser.parse(linkType, bytes);
        parsed.layers().ifPresent(layers -> assertArrayEquals(bytes, FrameEncoder.encode(layers)));
    }

    @Property(tries = 1000)
    void mutatedFramesParseWithoutThrowing(@ForAll("frames") FrameLayers frame, @ForAll @IntRange(max = 1000) int where,
            @ForAll byte value, @ForAll @IntRange(max = 100) int cut) {
        byte[] bytes = FrameEncoder.encode(frame);
        bytes[where % bytes.length] = value;
        byte[] truncated = java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - cut));
        ParsedFrame parsed = HeaderParser.parse(frame.link().linkType(), truncated);
        parsed.layers().ifPresent(layers -> assertArrayEquals(truncated, FrameEncoder.encode(layers)));
    }

    @Provide
    Arbitrary<Integer> linkTypes() {
        return Arbitraries.of(LinkType.ETHERNET, LinkType.NULL, LinkType.LOOP, LinkType.LINUX_SLL,
                LinkType.LINUX_SLL2, LinkType.RAW, LinkType.IPV4, LinkType.IPV6, 147);
    }

    @Provide
    Arbitrary<FrameLayers> frames() {
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<TransportHeader> transport = Arbitraries.oneOf(transports(), Arbitraries.just(null));
        return Combinators.combine(links(), networkShapes(), transport, payload).as((link, shape, l4, data) ->
                new FrameLayers(link, shape.header(l4 == null ? NO_NEXT_HEADER : l4.protocol()), l4, data,
                        new byte[0]));
    }

    /** IPv6's "no next header" (RFC 8200 section 4.7), also used as IPv4's protocol when no transport follows. */
    private static final int NO_NEXT_HEADER = 59;

    /** An IP header still to be told its upper protocol, so that extension header chains stay consistent. */
    private interface NetworkShape {
        NetworkHeader header(int upperProtocol);
    }

    private Arbitrary<LinkHeader> links() {
        Arbitrary<byte[]> mac = Arbitraries.bytes().array(byte[].class).ofSize(6);
        Arbitrary<LinkHeader> ethernet = Combinators.combine(mac, mac, Arbitraries.integers().between(0, 0xfff),
                Arbitraries.of(true, false)).as((d, s, vlan, tagged) ->
                new EthernetHeader(d, s, tagged ? VlanTag.of(vlan) : null, Computed.VALUE));
        Arbitrary<LinkHeader> loopback = Arbitraries.of(true, false).map(big -> new NullHeader(LinkType.NULL,
                Computed.VALUE, big));
        Arbitrary<LinkHeader> sll = Arbitraries.bytes().array(byte[].class).ofSize(8)
                .map(a -> new LinuxSllHeader(0, 772, 6, a, Computed.VALUE));
        Arbitrary<LinkHeader> sll2 = Arbitraries.bytes().array(byte[].class).ofSize(8)
                .map(a -> new LinuxSll2Header(Computed.VALUE, 0, 1, 1, 4, 6, a));
        return Arbitraries.oneOf(ethernet, loopback, sll, sll2);
    }

    private Arbitrary<NetworkShape> networkShapes() {
        Arbitrary<byte[]> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
        Arbitrary<byte[]> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<byte[]> options = Arbitraries.integers().between(0, 10).map(words -> {
            byte[] bytes = new byte[4 * words];
            java.util.Arrays.fill(bytes, (byte) 1);   // NOPs
            return bytes;
        });
        Arbitrary<NetworkShape> ipv4 = Combinators.combine(v4, v4, options, Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 255)).as((s, d, o, id, ttl) -> upper ->
                new Ipv4Header(0, 0, Computed.VALUE, id, 2, 0, ttl, upper, Computed.VALUE, s, d, o));
        Arbitrary<NetworkShape> ipv6 = Combinators.combine(v6, v6, Arbitraries.integers().between(0, 0xfffff),
                Arbitraries.of(true, false)).as((s, d, flow, hopByHop) -> upper -> new Ipv6Header(0, flow,
                Computed.VALUE, hopByHop ? 0 : upper, 64, s, d, hopByHop
                        ? List.of(Ipv6ExtensionHeader.of(0, upper, new byte[] {1, 4, 0, 0, 0, 0})) : List.of()));
        return Arbitraries.oneOf(ipv4, ipv6);
    }

    private Arbitrary<TransportHeader> transports() {
        Arbitrary<Integer> port = Arbitraries.integers().between(0, 0xffff);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<TcpHeader> tcp = Combinators.combine(port, port, u32, u32, Arbitraries.integers().between(0, 0xfff),
                Arbitraries.integers().between(0, 0xffff), tcpOptions()).as((sp, dp, seq, ack, flags, window, options) ->
                new TcpHeader(sp, dp, seq, ack, flags, window, Computed.VALUE, 0, options));
        Arbitrary<UdpHeader> udp = Combinators.combine(port, port).as(UdpHeader::of);
        return Arbitraries.oneOf(tcp, udp);
    }

    private Arbitrary<List<TcpOption>> tcpOptions() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<TcpOption> option = Arbitraries.oneOf(
                Arbitraries.just(new TcpOption.Nop()),
                Arbitraries.just(new TcpOption.SackPermitted()),
                Arbitraries.integers().between(0, 0xffff).map(TcpOption.MaximumSegmentSize::new),
                Arbitraries.integers().between(0, 14).map(TcpOption.WindowScale::new),
                Combinators.combine(u32, u32).as(TcpOption.Timestamps::new),
                Combinators.combine(u32, u32).as((l, r) -> new TcpOption.Sack(List.of(new TcpOption.SackBlock(l, r)))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(d -> new TcpOption.Unknown(30, d)));
        return option.list().ofMaxSize(6).map(list -> {
            // Keep within the 40 option bytes; padding then comes out as EOL bytes, so add them explicitly.
            List<TcpOption> kept = new ArrayList<>();
            int bytes = 0;
            for (TcpOption o : list) {
                if (bytes + o.length() <= 40) {
                    kept.add(o);
                    bytes += o.length();
                }
            }
            while (bytes % 4 != 0) {
                kept.add(new TcpOption.Eol());
                bytes++;
            }
            return kept;
        });
    }
}
