package org.wirelab.bench;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.encode.FrameEncoder;
import org.wirelab.core.encode.FrameLayers;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.encode.NetworkHeader;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.encode.TransportHeader;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Writes realistic loopback traffic as Linux {@code lo} shows it (Ethernet link type, all-zero MACs):
 * many interleaved TCP connections (handshake with Linux's SYN options, HTTP-like requests and
 * responses in MSS-sized and small segments, delayed ACKs, FIN teardown, some RSTs and refused
 * connections, some retransmissions after a lost segment) and UDP request/reply flows (DNS to
 * 127.0.0.53 and a text echo service), over IPv4 and about a fifth over IPv6. The same seed always
 * gives the same bytes. Frames are built with {@code org.wirelab.core.encode}, so every checksum is right.
 *
 * <p>{@code main(FILE FRAMES [SEED])} writes a file, e.g. for the decode benchmark.
 */
public final class LoopbackTrafficGenerator {
    /** Conversations in flight at once: enough to interleave, as on a busy host. */
    private static final int CONCURRENT = 48;
    private static final long START_NANOS = 1_764_000_000_000_000_000L;
    private static final byte[] LOCALHOST = {127, 0, 0, 1};
    private static final byte[] RESOLVER = {127, 0, 0, 53};
    private static final byte[] V6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final byte[] NONE = new byte[0];
    /** Ports tshark decodes as HTTP, so that the ephemeral side never selects another dissector. */
    private static final int[] TCP_SERVICES = {8080, 8080, 8080, 80, 8088, 3128};
    /** The MSS Linux lo announces: MTU 65536 minus the IP and TCP headers. */
    private static final int LOOPBACK_MSS_V4 = 65495;
    private static final int LOOPBACK_MSS_V6 = 65476;
    /** Data per segment when the timestamps option takes 12 bytes of every header. */
    private static final int TIMESTAMP_OPTION_BYTES = 12;
    /** The MSS of a route with advmss 1460, which keeps frames near Ethernet size. */
    private static final int ETHERNET_SIZED_MSS = 1460;

    /** What receives the frames, in time order. */
    public interface FrameSink {
        void accept(long timestampNanos, byte[] frame) throws IOException;
    }

    /** One frame a conversation will send, at a time of its own timeline. */
    private record Planned(long time, FrameLayers frame) {
    }

    /** A conversation's frames, consumed in order. */
    private static final class Script implements Comparable<Script> {
        final List<Planned> frames;
        int next;

        Script(List<Planned> frames) {
            this.frames = frames;
        }

        long nextTime() {
            return frames.get(next).time();
        }

        @Override
        public int compareTo(Script o) {
            return Long.compare(nextTime(), o.nextTime());
        }
    }

    private final SplittableRandom random;
    private int nextEphemeralPort = 32768;

    public LoopbackTrafficGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LoopbackTrafficGenerator FILE FRAMES [SEED]");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1);
    }

    /** Writes {@code frames} frames to a nanosecond pcap file. */
    public static void write(Path file, int frames, long seed) throws IOException {
        try (PcapWriter out = PcapWriter.create(file, LinkType.ETHERNET)) {
            new LoopbackTrafficGenerator(seed).generate(frames,
                    (time, bytes) -> out.append(time, LinkType.ETHERNET, bytes, 0, bytes.length, bytes.length));
        }
    }

    /** Hands exactly {@code count} frames to {@code sink}, in time order. */
    public void generate(int count, FrameSink sink) throws IOException {
        PriorityQueue<Script> live = new PriorityQueue<>();
        long clock = START_NANOS;
        for (int emitted = 0; emitted < count; emitted++) {
            while (live.size() < CONCURRENT) {
                long start = clock + random.nextLong(1_000, 400_000);
                live.add(new Script(random.nextInt(100) < 45 ? udpExchange(start) : new TcpConnection(start).plan()));
            }
            Script script = live.poll();
            Planned frame = script.frames.get(script.next++);
            clock = Math.max(clock, frame.time());
            sink.accept(clock, FrameEncoder.encode(frame.frame()));
            if (script.next < script.frames.size()) {
                live.add(script);
            }
        }
    }

    // ---------------------------------------------------------------- TCP

    /** Both ends of one TCP connection, tracking each side's SND.NXT as RFC 9293 names it. */
    private final class TcpConnection {
        final List<Planned> out = new ArrayList<>();
        final boolean v6;
        final int clientPort;
        final int serverPort;
        final int mss;
        final long clockBase;   // TSval clock in milliseconds (RFC 7323 section 5.4); one host, one clock
        long clientNext;
        long serverNext;
        int clientId;
        int serverId;
        long time;

        TcpConnection(long start) {
            v6 = random.nextInt(100) < 20;
            clientPort = ephemeralPort();
            serverPort = TCP_SERVICES[random.nextInt(TCP_SERVICES.length)];
            int loopbackMss = v6 ? LOOPBACK_MSS_V6 : LOOPBACK_MSS_V4;
            mss = (random.nextInt(100) < 85 ? ETHERNET_SIZED_MSS : loopbackMss) - TIMESTAMP_OPTION_BYTES;
            clientNext = random.nextLong(1L << 32);
            serverNext = random.nextLong(1L << 32);
            clockBase = random.nextLong(1L << 31);
            clientId = random.nextInt(1 << 16);
            serverId = random.nextInt(1 << 16);
            time = start;
        }

        List<Planned> plan() {
            send(true, Tcp.SYN, 65495, synOptions(0), NONE);
            after(5_000, 40_000);
            if (random.nextInt(100) < 3) {
                // Nothing listens on the port: RST+ACK answers the SYN (RFC 9293 section 3.10.7.1).
                serverNext = 0;
                send(false, Tcp.RST | Tcp.ACK, 0, List.of(), NONE);
                return out;
            }
            send(false, Tcp.SYN | Tcp.ACK, 65483, synOptions(tsval()), NONE);
            after(5_000, 40_000);
            send(true, Tcp.ACK, 512, timestamps(), NONE);
            int rounds = 1 + (int) Math.min(12, -Math.log(1 - random.nextDouble()) * 3);
            for (int round = 0; round < rounds; round++) {
                after(20_000, 3_000_000);
                transfer(true, request(round));
                after(30_000, 2_000_000);
                transfer(false, response());
            }
            after(50_000, 5_000_000);
            int end = random.nextInt(100);
            if (end < 8) {
                // The client aborts (SO_LINGER 0): RST+ACK and nothing after it.
                send(true, Tcp.RST | Tcp.ACK, 0, List.of(), NONE);
                return out;
            }
            boolean clientCloses = end < 85;
            send(clientCloses, Tcp.FIN | Tcp.ACK, 512, timestamps(), NONE);
            after(5_000, 60_000);
            if (random.nextBoolean()) {
                send(!clientCloses, Tcp.ACK, 512, timestamps(), NONE);
                after(5_000, 200_000);
            }
            send(!clientCloses, Tcp.FIN | Tcp.ACK, 512, timestamps(), NONE);
            after(5_000, 60_000);
            send(clientCloses, Tcp.ACK, 512, timestamps(), NONE);
            return out;
        }

        /** Sends {@code bytes} in MSS-sized segments, the receiver ACKing every second one (RFC 9293 3.8.6.3). */
        void transfer(boolean fromClient, byte[] bytes) {
            int segments = 0;
            for (int at = 0; at < bytes.length; ) {
                int length = Math.min(mss, bytes.length - at);
                byte[] segment = Arrays.copyOfRange(bytes, at, at + length);
                at += length;
                boolean last = at == bytes.length;
                int flags = Tcp.ACK | (last ? Tcp.PSH : 0);
                long seq = fromClient ? clientNext : serverNext;
                send(fromClient, flags, 512, timestamps(), segment);
                if (random.nextInt(1000) < 4) {
                    // Lost after the capture point: no ACK comes, and the retransmission timer (RFC 6298,
                    // 200 ms minimum on Linux) sends the same bytes again.
                    after(200_000_000, 230_000_000);
                    emit(fromClient, seq, fromClient ? serverNext : clientNext, flags, 512, timestamps(), segment);
                }
                after(2_000, 12_000);
                if (++segments % 2 == 0 || last) {
                    send(!fromClient, Tcp.ACK, 512 + random.nextInt(64), timestamps(), NONE);
                    after(1_000, 6_000);
                }
            }
        }

        void send(boolean fromClient, int flags, int window, List<TcpOption> options, byte[] payload) {
            long seq = fromClient ? clientNext : serverNext;
            long ack = (flags & Tcp.ACK) != 0 ? (fromClient ? serverNext : clientNext) : 0;
            emit(fromClient, seq, ack, flags, window, options, payload);
            long advance = payload.length + ((flags & (Tcp.SYN | Tcp.FIN)) != 0 ? 1 : 0);
            if (fromClient) {
                clientNext = (clientNext + advance) & 0xffffffffL;
            } else {
                serverNext = (serverNext + advance) & 0xffffffffL;
            }
        }

        void emit(boolean fromClient, long seq, long ack, int flags, int window, List<TcpOption> options,
                byte[] payload) {
            byte[] address = v6 ? V6_LOOPBACK : LOCALHOST;
            NetworkHeader ip = v6 ? Ipv6Header.of(address, address)
                    : Ipv4Header.of(address, address, (fromClient ? clientId++ : serverId++) & 0xffff);
            TransportHeader tcp = TcpHeader.of(fromClient ? clientPort : serverPort,
                    fromClient ? serverPort : clientPort, seq, ack, flags, window).withOptions(options);
            out.add(new Planned(time, new FrameLayers(EthernetHeader.loopback(), ip, tcp, payload, NONE)));
        }

        long tsval() {
            return (clockBase + (time - START_NANOS) / 1_000_000) & 0xffffffffL;
        }

        /** NOP, NOP, Timestamps: what Linux puts in every segment after the handshake. */
        List<TcpOption> timestamps() {
            long now = tsval();
            return List.of(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Timestamps(now, (now - 1) & 0xffffffffL));
        }

        /** Linux's SYN options, in its order: MSS, SACK permitted, timestamps, NOP, window scale 7. */
        List<TcpOption> synOptions(long echo) {
            return List.of(new TcpOption.MaximumSegmentSize(v6 ? LOOPBACK_MSS_V6 : LOOPBACK_MSS_V4),
                    new TcpOption.SackPermitted(), new TcpOption.Timestamps(tsval(), echo), new TcpOption.Nop(),
                    new TcpOption.WindowScale(7));
        }

        void after(long minNanos, long maxNanos) {
            time += random.nextLong(minNanos, maxNanos);
        }

        byte[] request(int round) {
            String text = "GET /api/items/" + random.nextInt(100_000) + "?page=" + round + " HTTP/1.1\r\nHost: localhost:"
                    + serverPort + "\r\nUser-Agent: wirelab-bench\r\nAccept: */*\r\n\r\n";
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        byte[] response() {
            int kind = random.nextInt(100);
            int body = kind < 70 ? random.nextInt(20, 600) : kind < 97 ? random.nextInt(600, 6_000)
                    : random.nextInt(6_000, 40_000);
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] bytes = Arrays.copyOf(head, head.length + body);
            for (int i = head.length; i < bytes.length; i++) {
                bytes[i] = (byte) ('a' + i % 26);
            }
            return bytes;
        }
    }

    // ---------------------------------------------------------------- UDP

    /** DNS lookups (RFC 1035) or text echoes on one socket pair; about one request in fifty is sent twice. */
    private List<Planned> udpExchange(long start) {
        List<Planned> out = new ArrayList<>();
        boolean v6 = random.nextInt(100) < 20;
        boolean dns = random.nextInt(100) < 60;
        byte[] client = v6 ? V6_LOOPBACK : LOCALHOST;
        byte[] server = v6 ? V6_LOOPBACK : dns ? RESOLVER : LOCALHOST;
        int clientPort = ephemeralPort();
        int serverPort = dns ? 53 : 7777;
        int queries = 1 + random.nextInt(3);
        long time = start;
        int id = random.nextInt(1 << 16);
        for (int q = 0; q < queries; q++) {
            String name = "host" + random.nextInt(500) + ".lab.example";
            byte[] request = dns ? dnsQuery(id + q, name) : ("echo " + name + " #" + q).getBytes(StandardCharsets.US_ASCII);
            byte[] reply = dns ? dnsAnswer(request, random.nextInt(1, 255)) : request;
            out.add(udp(time, v6, client, server, clientPort, serverPort, id + 2 * q, request));
            if (random.nextInt(100) < 2) {
                time += random.nextLong(1_000_000_000, 1_100_000_000);   // a stub resolver's 1 s retry
                out.add(udp(time, v6, client, server, clientPort, serverPort, id + 2 * q + 1, request));
            }
            time += random.nextLong(20_000, 600_000);
            out.add(udp(time, v6, server, client, serverPort, clientPort, 0, reply));
            time += random.nextLong(50_000, 20_000_000);
        }
        return out;
    }

    private static Planned udp(long time, boolean v6, byte[] source, byte[] destination, int sourcePort,
            int destinationPort, int id, byte[] payload) {
        NetworkHeader ip = v6 ? Ipv6Header.of(source, destination) : Ipv4Header.of(source, destination, id & 0xffff);
        return new Planned(time, new FrameLayers(EthernetHeader.loopback(), ip, UdpHeader.of(sourcePort, destinationPort),
                payload, NONE));
    }

    /** A recursive query for one A record. */
    static byte[] dnsQuery(int id, String name) {
        byte[] question = dnsName(name);
        byte[] message = new byte[12 + question.length + 4];
        message[0] = (byte) (id >>> 8);
        message[1] = (byte) id;
        message[2] = 0x01;                         // RD
        message[5] = 1;                            // QDCOUNT
        System.arraycopy(question, 0, message, 12, question.length);
        message[12 + question.length + 1] = 1;     // QTYPE A
        message[12 + question.length + 3] = 1;     // QCLASS IN
        return message;
    }

    /** The reply to {@code query}: its question and one A record 127.0.1.{@code host}, TTL 300. */
    static byte[] dnsAnswer(byte[] query, int host) {
        byte[] message = Arrays.copyOf(query, query.length + 16);
        message[2] = (byte) 0x81;                  // QR, RD
        message[3] = (byte) 0x80;                  // RA
        message[7] = 1;                            // ANCOUNT
        int at = query.length;
        message[at] = (byte) 0xc0;                 // a pointer to the question's name at offset 12
        message[at + 1] = 12;
        message[at + 3] = 1;                       // TYPE A
        message[at + 5] = 1;                       // CLASS IN
        message[at + 8] = 1;                       // TTL 300
        message[at + 9] = 44;
        message[at + 11] = 4;                      // RDLENGTH
        message[at + 12] = 127;
        message[at + 14] = 1;
        message[at + 15] = (byte) host;
        return message;
    }

    private static byte[] dnsName(String name) {
        byte[] out = new byte[name.length() + 2];
        int at = 0;
        for (String label : name.split("\\.")) {
            out[at++] = (byte) label.length();
            for (char c : label.toCharArray()) {
                out[at++] = (byte) c;
            }
        }
        return out;   // the last byte stays 0: the root label
    }

    /** Linux's ephemeral range (net.ipv4.ip_local_port_range 32768 60999), taken in turn with small gaps. */
    private int ephemeralPort() {
        int port = nextEphemeralPort;
        nextEphemeralPort = port + 1 + random.nextInt(3);
        if (nextEphemeralPort > 60999) {
            nextEphemeralPort = 32768;
        }
        return port;
    }
}
