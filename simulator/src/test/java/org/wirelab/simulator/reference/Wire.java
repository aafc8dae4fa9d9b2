package org.wirelab.simulator.reference;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * The packets of one IPv4 capture of a few conversations with one server, as the comparison with real
 * Linux needs them: who sent each, on which connection, its flags, its sequence and acknowledgment numbers
 * relative to each side's ISN on that connection (as tshark shows them), its length, window field, SACK
 * blocks (relative to the data sender's ISN) and whether the first block is a D-SACK (RFC 2883 section
 * 4). The server is the side whose port is {@code serverPort}; an ICMP error is the server's. Connections
 * are numbered from 0 in the order their first packet appears (the chat's three clients).
 */
record Wire(List<Segment> segments) {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;
    static final int ICMPV6 = 58;

    /** One packet. {@code sack}: left and right edges in pairs; empty when none. */
    record Segment(long timeNanos, boolean fromServer, int protocol, int flags, long seq, long ack, int length,
            int window, int windowScale, long[] sack, boolean dsack, int ipId, int icmpType, int connection) {

        /** A packet of the first (or only) connection. */
        Segment(long timeNanos, boolean fromServer, int protocol, int flags, long seq, long ack, int length,
                int window, int windowScale, long[] sack, boolean dsack, int ipId, int icmpType) {
            this(timeNanos, fromServer, protocol, flags, seq, ack, length, window, windowScale, sack, dsack, ipId,
                    icmpType, 0);
        }

        boolean has(int flag) {
            return (flags & flag) == flag;
        }

        /** Compact text for assertion messages: {@code C S}, {@code S A ack=15 sack=15-16}, {@code C PA 1+14}. */
        String text() {
            StringBuilder out = new StringBuilder(fromServer ? "S " : "C ");
            if (protocol == UDP) {
                return out.append("UDP ").append(length).toString();
            }
            if (protocol == ICMP) {
                return out.append("ICMP ").append(icmpType).toString();
            }
            out.append(Wire.flags(flags));
            if (length > 0 || has(Tcp.FIN)) {
                out.append(' ').append(seq).append('+').append(length);
            }
            if (has(Tcp.ACK)) {
                out.append(" ack=").append(ack);
            }
            for (int i = 0; i + 1 < sack.length; i += 2) {
                out.append(i == 0 && dsack ? " dsack=" : " sack=").append(sack[i]).append('-').append(sack[i + 1]);
            }
            return out.toString();
        }
    }

    /** The flags as tshark's Info column abbreviates them, in a fixed order: S, R, F, P, A. */
    static String flags(int flags) {
        StringBuilder out = new StringBuilder();
        if ((flags & Tcp.SYN) != 0) {
            out.append('S');
        }
        if ((flags & Tcp.RST) != 0) {
            out.append('R');
        }
        if ((flags & Tcp.FIN) != 0) {
            out.append('F');
        }
        if ((flags & Tcp.PSH) != 0) {
            out.append('P');
        }
        if ((flags & Tcp.ACK) != 0) {
            out.append('A');
        }
        return out.toString();
    }

    /** Reads every IPv4 frame of an Ethernet capture. */
    static Wire of(FrameStore frames, int serverPort) {
        // Per connection (the client's port), in order of appearance: the client's ISN, the server's.
        java.util.Map<Integer, long[]> isns = new java.util.LinkedHashMap<>();
        List<Segment> segments = new ArrayList<>();
        List<Object[]> pending = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            RawFrame frame = frames.frame(i);
            byte[] b = frame.bytes();
            if (b.length >= 62 && Bytes.u16(b, 12) == 0x86dd) {
                // IPv6 without extension headers: a datagram, or an ICMPv6 error (the server's).
                int next = b[14 + 6] & 0xff;
                int l4 = 14 + 40;
                if (next == UDP || next == ICMPV6) {
                    int length = next == UDP ? Bytes.u16(b, l4 + 4) - 8 : Bytes.u16(b, 14 + 4);
                    boolean fromServer = next == ICMPV6 || Bytes.u16(b, l4) == serverPort;
                    segments.add(new Segment(frame.timestampNanos(), fromServer, next == UDP ? UDP : ICMP, 0, 0, 0,
                            length, 0, -1, new long[0], false, -1, next == ICMPV6 ? b[l4] & 0xff : -1));
                }
                continue;
            }
            if (b.length < 34 || Bytes.u16(b, 12) != 0x0800) {
                continue;
            }
            int ip = 14;
            int ihl = (b[ip] & 0x0f) * 4;
            int protocol = b[ip + Ipv4.PROTOCOL] & 0xff;
            int total = Bytes.u16(b, ip + Ipv4.TOTAL_LENGTH);
            int ipId = Bytes.u16(b, ip + Ipv4.IDENTIFICATION);
            int l4 = ip + ihl;
            if (protocol == TCP) {
                int sourcePort = Tcp.sourcePort(b, l4);
                boolean fromServer = sourcePort == serverPort;
                int header = Tcp.headerLength(b, l4);
                int flags = Tcp.flags(b, l4);
                long seq = Integer.toUnsignedLong(Tcp.sequenceNumber(b, l4));
                long ack = Integer.toUnsignedLong(Tcp.acknowledgmentNumber(b, l4));
                int clientPort = fromServer ? Tcp.destinationPort(b, l4) : sourcePort;
                long[] isn = isns.computeIfAbsent(clientPort, port -> new long[] {-1, -1});
                if ((flags & Tcp.SYN) != 0 && isn[fromServer ? 1 : 0] < 0) {
                    isn[fromServer ? 1 : 0] = seq;
                }
                List<Long> edges = new ArrayList<>();
                int windowScale = -1;
                for (int at = l4 + 20; at < l4 + header;) {
                    int kind = b[at] & 0xff;
                    if (kind == Tcp.OPTION_EOL) {
                        break;
                    }
                    if (kind == Tcp.OPTION_NOP) {
                        at++;
                        continue;
                    }
                    int length = b[at + 1] & 0xff;
                    if (length < 2) {
                        break;
                    }
                    if (kind == Tcp.OPTION_WINDOW_SCALE && length == 3) {
                        windowScale = b[at + 2] & 0xff;
                    }
                    if (kind == Tcp.OPTION_SACK) {
                        for (int edge = at + 2; edge + 8 <= at + length; edge += 8) {
                            edges.add(Integer.toUnsignedLong(Bytes.u32(b, edge)));
                            edges.add(Integer.toUnsignedLong(Bytes.u32(b, edge + 4)));
                        }
                    }
                    at += length;
                }
                pending.add(new Object[] {frame.timestampNanos(), fromServer, flags, seq, ack, total - ihl - header,
                        Tcp.window(b, l4), edges, ipId, windowScale, clientPort});
            } else if (protocol == UDP || protocol == ICMP) {
                int length = protocol == UDP ? Bytes.u16(b, l4 + 4) - 8 : total - ihl;
                // A datagram is the server's when it leaves the server's port; an ICMP error always is.
                boolean fromServer = protocol == ICMP || Bytes.u16(b, l4) == serverPort;
                segments.add(new Segment(frame.timestampNanos(), fromServer, protocol, 0, 0, 0, length, 0, -1,
                        new long[0], false, ipId, protocol == ICMP ? b[l4] & 0xff : -1));
            }
        }
        List<Integer> connections = List.copyOf(isns.keySet());
        for (Object[] p : pending) {
            boolean fromServer = (boolean) p[1];
            int flags = (int) p[2];
            long[] isn = isns.get((int) p[10]);
            long own = isn[fromServer ? 1 : 0];
            long peer = isn[fromServer ? 0 : 1];
            long seq = own < 0 ? (long) p[3] : ((long) p[3] - own) & 0xffffffffL;
            long ack = (flags & Tcp.ACK) == 0 || peer < 0 ? 0 : ((long) p[4] - peer) & 0xffffffffL;
            @SuppressWarnings("unchecked")
            List<Long> edges = (List<Long>) p[7];
            long[] sack = new long[edges.size()];
            for (int e = 0; e < sack.length; e++) {
                sack[e] = peer < 0 ? edges.get(e) : (edges.get(e) - peer) & 0xffffffffL;
            }
            // RFC 2883 section 4: the first block is a D-SACK when it lies below the ACK, or inside the second.
            boolean dsack = sack.length >= 2 && (sack[1] <= ack
                    || (sack.length >= 4 && sack[0] >= sack[2] && sack[1] <= sack[3]));
            segments.add(new Segment((long) p[0], fromServer, TCP, flags, seq, ack, (int) p[5], (int) p[6], (int) p[9],
                    sack, dsack, (int) p[8], -1, connections.indexOf((int) p[10])));
        }
        segments.sort(java.util.Comparator.comparingLong(Segment::timeNanos));
        return new Wire(List.copyOf(segments));
    }

    /** What one side sent, in order. */
    List<Segment> sentBy(boolean server) {
        return segments.stream().filter(s -> s.fromServer() == server).toList();
    }

    /** What one side sent on connection {@code connection}, in order. */
    static List<Segment> onConnection(List<Segment> segments, int connection) {
        return segments.stream().filter(s -> s.connection() == connection).toList();
    }

    /** The texts of what one side sent. */
    List<String> texts(boolean server) {
        return sentBy(server).stream().map(Segment::text).toList();
    }

    /** The time of the first packet, to measure from. */
    long start() {
        return segments.isEmpty() ? 0 : segments.get(0).timeNanos();
    }
}
