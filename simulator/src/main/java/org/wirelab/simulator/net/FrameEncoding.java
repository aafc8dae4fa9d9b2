package org.wirelab.simulator.net;

import java.util.Arrays;
import java.util.List;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.encode.FrameEncoder;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.encode.NetworkHeader;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.encode.TransportHeader;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.header.EtherType;
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

    /** The encoded frame. */
    public static byte[] encode(Packet packet) {
        int[] length = new int[1];
        return encodeInto(packet, new byte[length(packet)], length, new Memory());
    }

    /**
     * Writes the frame into {@code out} (or a larger buffer if it is too small); returns the buffer used
     * and sets {@code length[0]}. A TCP segment's headers are written field by field with core's writers
     * (the bulk of a simulation: no header object per segment), its checksum adding its payload's sum
     * from {@code memory} rather than summing the payload again (a bulk transfer's segments share a few
     * dozen payload arrays); UDP and ICMP go through core's {@link FrameEncoder}.
     */
    static byte[] encodeInto(Packet packet, byte[] out, int[] length, Memory memory) {
        int size = length(packet);
        byte[] buffer = out.length >= size ? out : new byte[Math.max(size, out.length * 2)];
        if (packet.protocol == Packet.TCP) {
            encodeTcp(packet, buffer, memory);
        } else {
            NetworkHeader network = network(packet);
            FrameEncoder.encode(LOOPBACK, network, transport(packet), payload(packet, network), NONE, buffer, 0);
        }
        length[0] = size;
        return buffer;
    }

    private static void encodeTcp(Packet packet, byte[] out, Memory memory) {
        int headerLength = 20 + (tcpOptionBytes(packet) + 3) / 4 * 4;
        byte[] payload = packet.payload;
        int segmentLength = headerLength + payload.length;
        int transportAt;
        long pseudoHeaderSum;
        if (packet.ipv6) {
            NetworkHeader network = network(packet);
            LOOPBACK.write(out, 0, network.etherType());
            transportAt = LOOPBACK.headerLength() + network.headerLength();
            network.write(out, LOOPBACK.headerLength(), segmentLength, Packet.TCP);
            pseudoHeaderSum = network.pseudoHeaderSum(Packet.TCP, segmentLength);
        } else {
            LOOPBACK.write(out, 0, EtherType.IPV4);
            int networkAt = LOOPBACK.headerLength();
            transportAt = networkAt + 20;
            Ipv4Header.write(out, networkAt, 0, 0, 20 + segmentLength, packet.identification,
                    Ipv4Header.FLAG_DONT_FRAGMENT, 0, 64, Packet.TCP, packet.source, packet.destination);
            pseudoHeaderSum = Ipv4Header.pseudoHeaderSum(packet.source, packet.destination, Packet.TCP, segmentLength);
        }
        TcpHeader.writeFixedFields(out, transportAt, packet.sourcePort, packet.destinationPort, packet.sequenceNumber,
                packet.acknowledgmentNumber, headerLength / 4, packet.flags, packet.window, 0);
        int optionsEnd = writeTcpOptions(packet, out, transportAt + 20);
        Arrays.fill(out, optionsEnd, transportAt + headerLength, (byte) 0);
        System.arraycopy(payload, 0, out, transportAt + headerLength, payload.length);
        TcpHeader.writeChecksum(out, transportAt, headerLength, pseudoHeaderSum, memory.payloadSum(payload));
    }

    /**
     * What the encoder remembers from frame to frame: the Internet checksum sums of the payload arrays
     * seen last, by identity (packets never change their payload, so an array's sum never changes), in
     * a small cache where each array may sit in either of two places, so that two arrays a transfer
     * alternates between do not keep evicting each other.
     */
    static final class Memory {
        private static final int SIZE = 1024;
        private final byte[][] arrays = new byte[SIZE][];
        private final long[] sums = new long[SIZE];

        long payloadSum(byte[] payload) {
            if (payload.length < 256) {
                return InternetChecksum.add(0, payload, 0, payload.length); // not worth remembering
            }
            int slot = System.identityHashCode(payload) & (SIZE - 1);
            if (arrays[slot] == payload) {
                return sums[slot];
            }
            int other = slot ^ 1;
            if (arrays[other] == payload) {
                return sums[other];
            }
            if (arrays[slot] != null && arrays[other] == null) {
                slot = other;
            }
            arrays[slot] = payload;
            sums[slot] = InternetChecksum.add(0, payload, 0, payload.length);
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

    /** The UDP header; null for ICMP, whose message is the payload. */
    private static TransportHeader transport(Packet packet) {
        return icmp(packet) ? null : UdpHeader.of(packet.sourcePort, packet.destinationPort);
    }

    private static byte[] payload(Packet packet, NetworkHeader network) {
        return icmp(packet) ? icmpMessage(packet, network) : packet.payload;
    }

    /**
     * Writes the TCP options at {@code at} in the order Linux writes them (SYN: MSS, SACK-permitted,
     * timestamps, NOP, window scale; then NOP, NOP, timestamps, and NOP, NOP, SACK blocks); returns
     * where they end. {@link #tcpOptionBytes} counts the same bytes.
     */
    private static int writeTcpOptions(Packet packet, byte[] out, int at) {
        if (packet.maximumSegmentSize >= 0) {
            TcpOption.MaximumSegmentSize.write(out, at, packet.maximumSegmentSize);
            at += 4;
        }
        if (packet.sackPermitted) {
            if (!packet.timestamps) {
                at = nops(out, at, 2);
            }
            SACK_PERMITTED.write(out, at);
            at += SACK_PERMITTED.length();
        }
        if (packet.timestamps) {
            if (!packet.sackPermitted) {
                at = nops(out, at, 2);
            }
            TcpOption.Timestamps.write(out, at, packet.timestampValue, packet.timestampEchoReply);
            at += 10;
        }
        if (packet.windowScale >= 0) {
            at = nops(out, at, 1);
            TcpOption.WindowScale.write(out, at, packet.windowScale);
            at += 3;
        }
        if (packet.sackBlocks != null) {
            at = nops(out, at, 2);
            TcpOption.Sack.write(out, at, packet.sackBlocks);
            at += 2 + 4 * packet.sackBlocks.length;
        }
        return at;
    }

    private static int nops(byte[] out, int at, int count) {
        for (int i = 0; i < count; i++) {
            NOP.write(out, at + i);
        }
        return at + count;
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
