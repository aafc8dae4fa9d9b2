package org.wirelab.simulator.net;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.encode.FrameBuilder;
import org.wirelab.core.encode.FrameEncoder;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.encode.NetworkHeader;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.encode.TransportHeader;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.net.InternetChecksum;

/**
 * Serialises a {@link Packet} into the bytes of a Linux loopback frame with core's encoder: Ethernet II
 * with all-zero addresses, IPv4 (TTL 64, Don't Fragment) or IPv6 (hop limit 64), then TCP, UDP or
 * ICMP with every length and checksum computed. TCP options come in the order Linux writes them
 * (SYN: MSS, SACK-permitted, timestamps, NOP, window scale; then NOP, NOP, timestamps).
 */
public final class FrameEncoding {
    public static final int LINK_TYPE = LinkType.ETHERNET;
    private static final EthernetHeader LOOPBACK = EthernetHeader.loopback();
    private static final TcpOption NOP = new TcpOption.Nop();
    private static final TcpOption SACK_PERMITTED = new TcpOption.SackPermitted();
    private static final byte[] NONE = new byte[0];

    private FrameEncoding() {
    }

    /** The encoded frame, built with {@link FrameBuilder}. */
    public static byte[] encode(Packet packet) {
        NetworkHeader network = network(packet);
        return new FrameBuilder().link(LOOPBACK).network(network).transport(transport(packet))
                .payload(payload(packet, network)).encode();
    }

    /**
     * Writes the frame into {@code out} (or a larger buffer if it is too small) with core's encoder,
     * without copying the payload first; returns the buffer used and sets {@code length[0]}. A TCP
     * segment's checksum adds its payload's sum from {@code memory} rather than summing the payload
     * again (a bulk transfer's segments share a few dozen payload arrays), and its options are the
     * last segment's when they are the same (a millisecond's segments carry the same timestamps).
     */
    static byte[] encodeInto(Packet packet, byte[] out, int[] length, Memory memory) {
        NetworkHeader network = network(packet);
        boolean tcp = packet.protocol == Packet.TCP;
        TransportHeader transport = tcp
                ? new TcpHeader(packet.sourcePort, packet.destinationPort, packet.sequenceNumber,
                        packet.acknowledgmentNumber, packet.flags, packet.window, 0, 0, memory.tcpOptions(packet))
                : transport(packet);
        byte[] payload = payload(packet, network);
        int transportAt = LOOPBACK.headerLength() + network.headerLength();
        int transportLength = transport == null ? 0 : transport.headerLength();
        int size = transportAt + transportLength + payload.length;
        byte[] buffer = out.length >= size ? out : new byte[Math.max(size, out.length * 2)];
        FrameEncoder.encode(LOOPBACK, network, transport, payload, NONE, buffer, 0);
        if (tcp) {
            // As core's TcpHeader computes it (RFC 9293 section 3.1): pseudo-header, header with a zero
            // checksum, payload. The payload starts at a multiple of 4 bytes into the segment, so its own
            // sum adds in unchanged.
            long sum = network.pseudoHeaderSum(Packet.TCP, transportLength + payload.length);
            sum = InternetChecksum.add(sum, buffer, transportAt, transportLength) + memory.payloadSum(payload);
            int checksum = InternetChecksum.finish(sum);
            buffer[transportAt + Tcp.CHECKSUM] = (byte) (checksum >>> 8);
            buffer[transportAt + Tcp.CHECKSUM + 1] = (byte) checksum;
        }
        length[0] = size;
        return buffer;
    }

    /**
     * What the encoder remembers from frame to frame: the Internet checksum sums of the payload arrays
     * seen last, by identity, in a small direct-mapped cache (packets never change their payload, so an
     * array's sum never changes); and the last TCP options with nothing but timestamps.
     */
    static final class Memory {
        private static final int SIZE = 256;
        private final byte[][] arrays = new byte[SIZE][];
        private final long[] sums = new long[SIZE];
        private List<TcpOption> lastOptions;
        private long lastTimestampValue;
        private long lastTimestampEchoReply;

        /** The options of {@code packet}'s TCP header, as {@link FrameEncoding#tcpOptions} makes them. */
        List<TcpOption> tcpOptions(Packet packet) {
            boolean timestampsOnly = packet.timestamps && packet.maximumSegmentSize < 0 && !packet.sackPermitted
                    && packet.windowScale < 0 && packet.sackBlocks == null;
            if (!timestampsOnly) {
                return FrameEncoding.tcpOptions(packet);
            }
            if (lastOptions == null || packet.timestampValue != lastTimestampValue
                    || packet.timestampEchoReply != lastTimestampEchoReply) {
                lastOptions = List.copyOf(FrameEncoding.tcpOptions(packet));
                lastTimestampValue = packet.timestampValue;
                lastTimestampEchoReply = packet.timestampEchoReply;
            }
            return lastOptions;
        }

        long payloadSum(byte[] payload) {
            if (payload.length < 256) {
                return InternetChecksum.add(0, payload, 0, payload.length); // not worth remembering
            }
            int slot = System.identityHashCode(payload) & (SIZE - 1);
            if (arrays[slot] != payload) {
                arrays[slot] = payload;
                sums[slot] = InternetChecksum.add(0, payload, 0, payload.length);
            }
            return sums[slot];
        }
    }

    /** The frame's size on the wire, without encoding it. */
    static int length(Packet packet) {
        int network = packet.ipv6 ? 40 : 20;
        return switch (packet.protocol) {
            case Packet.TCP -> 14 + network + 20 + (tcpOptionBytes(packet) + 3) / 4 * 4 + packet.payload.length;
            case Packet.UDP -> 14 + network + 8 + packet.payload.length;
            default -> 14 + network + 8 + packet.payload.length;
        };
    }

    private static boolean icmp(Packet packet) {
        return packet.protocol == Packet.ICMP || packet.protocol == Packet.ICMPV6;
    }

    private static NetworkHeader network(Packet packet) {
        if (icmp(packet)) {
            // Linux sends ICMP errors with DSCP CS6 (TOS 0xc0) and without Don't Fragment.
            return packet.ipv6
                    ? new Ipv6Header(0, packet.flowLabel, Computed.VALUE, Packet.ICMPV6, 64, packet.source, packet.destination, List.of())
                    : new Ipv4Header(0xc0 >> 2, 0, Computed.VALUE, packet.identification, 0, 0, 64, Packet.ICMP,
                            Computed.VALUE, packet.source, packet.destination, NONE);
        }
        return packet.ipv6
                ? new Ipv6Header(0, packet.flowLabel, Computed.VALUE, Computed.VALUE, 64, packet.source,
                        packet.destination, List.of())
                : Ipv4Header.of(packet.source, packet.destination, packet.identification);
    }

    /** The TCP or UDP header; null for ICMP, whose message is the payload. */
    private static TransportHeader transport(Packet packet) {
        if (icmp(packet)) {
            return null;
        }
        return packet.protocol == Packet.TCP ? tcp(packet) : UdpHeader.of(packet.sourcePort, packet.destinationPort);
    }

    private static byte[] payload(Packet packet, NetworkHeader network) {
        return icmp(packet) ? icmpMessage(packet, network) : packet.payload;
    }

    private static TcpHeader tcp(Packet packet) {
        return TcpHeader.of(packet.sourcePort, packet.destinationPort, packet.sequenceNumber,
                packet.acknowledgmentNumber, packet.flags, packet.window).withOptions(tcpOptions(packet));
    }

    private static List<TcpOption> tcpOptions(Packet packet) {
        List<TcpOption> options = new ArrayList<>(8);
        if (packet.maximumSegmentSize >= 0) {
            options.add(new TcpOption.MaximumSegmentSize(packet.maximumSegmentSize));
        }
        if (packet.sackPermitted) {
            if (packet.timestamps) {
                options.add(SACK_PERMITTED);
            } else {
                options.add(NOP);
                options.add(NOP);
                options.add(SACK_PERMITTED);
            }
        }
        if (packet.timestamps) {
            if (!packet.sackPermitted) {
                options.add(NOP);
                options.add(NOP);
            }
            options.add(new TcpOption.Timestamps(packet.timestampValue, packet.timestampEchoReply));
        }
        if (packet.windowScale >= 0) {
            options.add(NOP);
            options.add(new TcpOption.WindowScale(packet.windowScale));
        }
        if (packet.sackBlocks != null) {
            options.add(NOP);
            options.add(NOP);
            List<TcpOption.SackBlock> blocks = new ArrayList<>(packet.sackBlocks.length / 2);
            for (int i = 0; i < packet.sackBlocks.length; i += 2) {
                blocks.add(new TcpOption.SackBlock(packet.sackBlocks[i], packet.sackBlocks[i + 1]));
            }
            options.add(new TcpOption.Sack(blocks));
        }
        return options;
    }

    private static int tcpOptionBytes(Packet packet) {
        int bytes = 0;
        if (packet.maximumSegmentSize >= 0) {
            bytes += 4;
        }
        if (packet.sackPermitted) {
            bytes += packet.timestamps ? 2 : 4;
        }
        if (packet.timestamps) {
            bytes += packet.sackPermitted ? 10 : 12;
        }
        if (packet.windowScale >= 0) {
            bytes += 4;
        }
        if (packet.sackBlocks != null) {
            bytes += 4 + 4 * packet.sackBlocks.length;
        }
        return bytes;
    }

    /** An ICMP (RFC 792) or ICMPv6 (RFC 4443) error: type, code, checksum, 4 unused bytes, the original. */
    private static byte[] icmpMessage(Packet packet, NetworkHeader network) {
        byte[] message = new byte[8 + packet.payload.length];
        message[0] = (byte) packet.icmpType;
        message[1] = (byte) packet.icmpCode;
        System.arraycopy(packet.payload, 0, message, 8, packet.payload.length);
        long sum = packet.ipv6 ? network.pseudoHeaderSum(Packet.ICMPV6, message.length) : 0;
        int checksum = InternetChecksum.finish(InternetChecksum.add(sum, message, 0, message.length));
        message[2] = (byte) (checksum >>> 8);
        message[3] = (byte) checksum;
        return message;
    }
}
