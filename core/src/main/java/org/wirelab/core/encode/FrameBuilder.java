package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.frame.RawFrame;

/**
 * Assembles a frame layer by layer and encodes it. The link header defaults to Linux {@code lo}'s
 * (Ethernet, all-zero MACs); headers made with their {@code of} factories have their lengths and
 * checksums computed.
 *
 * <pre>{@code
 * byte[] syn = new FrameBuilder()
 *         .network(Ipv4Header.of(client, server, 1))
 *         .transport(TcpHeader.of(40000, 80, isn, 0, Tcp.SYN, 65495)
 *                 .withOptions(List.of(new TcpOption.MaximumSegmentSize(65495))))
 *         .encode();
 * }</pre>
 */
public final class FrameBuilder {
    private static final byte[] NONE = new byte[0];

    private LinkHeader link = EthernetHeader.loopback();
    private NetworkHeader network;
    private TransportHeader transport;
    private byte[] payload = NONE;
    private byte[] trailer = NONE;

    public FrameBuilder link(LinkHeader header) {
        this.link = header;
        return this;
    }

    public FrameBuilder network(NetworkHeader header) {
        this.network = header;
        return this;
    }

    public FrameBuilder transport(TransportHeader header) {
        this.transport = header;
        return this;
    }

    public FrameBuilder payload(byte[] bytes) {
        this.payload = bytes;
        return this;
    }

    /** Bytes after the IP datagram, such as Ethernet padding up to 60 bytes. */
    public FrameBuilder trailer(byte[] bytes) {
        this.trailer = bytes;
        return this;
    }

    public FrameLayers build() {
        return new FrameLayers(link, network, transport, payload, trailer);
    }

    public byte[] encode() {
        return FrameEncoder.encode(build());
    }

    /** The encoded frame as a whole, uncut {@link RawFrame}. */
    public RawFrame toRawFrame(int number, long timestampNanos) {
        byte[] bytes = encode();
        return new RawFrame(number, timestampNanos, link.linkType(), bytes, bytes.length);
    }
}
