package org.wirelab.core.analysis;

import static org.wirelab.core.protocol.tcp.Tcp.ACK;
import static org.wirelab.core.protocol.tcp.Tcp.FIN;
import static org.wirelab.core.protocol.tcp.Tcp.PSH;
import static org.wirelab.core.protocol.tcp.Tcp.RST;
import static org.wirelab.core.protocol.tcp.Tcp.SYN;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.analysis.TcpTrace.Socket;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.fields.TsharkAgreement;

/**
 * Differential test against tshark: random but plausible TCP conversations (losses, retransmissions,
 * reordering, duplicate and unseen ACKs, zero windows, keep-alives, closes, port reuse, sequence
 * numbers near the 32-bit wrap, gaps of a few microseconds to a second) interleaved with UDP flows,
 * written as one capture; every field of every frame must equal tshark's. The seeds are fixed so a
 * failure reproduces.
 */
class TcpAnalysisDifferentialTest {
    private static final long[] GAPS_MICROS = {0, 300, 1_000, 2_500, 5_000, 15_000, 25_000, 200_000, 1_000_000};
    private static final int[] LENGTHS = {0, 0, 1, 10, 100, 536, 1460};

    @TempDir
    Path dir;

    private record Segment(long micros, int order, Socket from, Socket to, long seq, long ack, int flags,
            int window, int length, TcpOption[] options, boolean udp) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomConversationsAgreeWithTshark(long seed) throws IOException {
        Random random = new Random(seed);
        List<Segment> segments = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            conversation(random, k, segments);
        }
        for (int k = 0; k < 6; k++) {
            Socket a = Socket.of("192.168.7." + (1 + random.nextInt(3)), 5000 + random.nextInt(4));
            Socket b = Socket.of("192.168.7.9", 53);
            long t = random.nextInt(2_000_000);
            for (int n = 0; n < 5; n++) {
                boolean forward = random.nextBoolean();
                segments.add(new Segment(t, segments.size(), forward ? a : b, forward ? b : a, 0, 0, 0, 0,
                        random.nextInt(200), new TcpOption[0], true));
                t += GAPS_MICROS[random.nextInt(GAPS_MICROS.length)];
            }
        }
        segments.sort(Comparator.comparingLong(Segment::micros).thenComparingInt(Segment::order));
        TcpTrace trace = new TcpTrace();
        for (Segment s : segments) {
            trace.at(s.micros() / 1000.0);
            if (s.udp()) {
                trace.udp(s.from(), s.to(), s.length());
            } else {
                trace.tcp(s.from(), s.to(), s.seq(), s.ack(), s.flags(), s.window(), s.length(), s.options());
            }
        }
        TsharkAgreement.assertAllFieldsAgree(trace.write(dir.resolve("random-" + seed + ".pcap")));
    }

    /** One connection's segments: a handshake (or none), then random events from both sides. */
    private static void conversation(Random random, int k, List<Segment> out) {
        Socket client = Socket.of(random.nextInt(4) == 0 ? "2001:db8::" + (k + 1) : "10.1.0." + (k % 5 + 1),
                30000 + k);
        Socket server = client.address().length == 4 ? Socket.of("10.2.0.1", random.nextBoolean() ? 80 : 443)
                : Socket.of("2001:db8::ff", 80);
        long[] next = {isn(random), isn(random)};        // next sequence number of client, server
        int[] window = {1 + random.nextInt(65535), 1 + random.nextInt(65535)};
        long t = random.nextInt(3_000_000);
        int style = random.nextInt(4);
        if (style < 3) {
            TcpOption[] clientOptions = random.nextBoolean()
                    ? new TcpOption[] {new TcpOption.MaximumSegmentSize(1460), new TcpOption.WindowScale(random.nextInt(15))}
                    : new TcpOption[] {new TcpOption.MaximumSegmentSize(1460)};
            TcpOption[] serverOptions = random.nextBoolean()
                    ? new TcpOption[] {new TcpOption.MaximumSegmentSize(1460), new TcpOption.WindowScale(random.nextInt(15))}
                    : new TcpOption[] {new TcpOption.MaximumSegmentSize(1460)};
            Segment syn = new Segment(t, out.size(), client, server, next[0], 0, SYN, window[0], 0, clientOptions,
                    false);
            t += GAPS_MICROS[random.nextInt(GAPS_MICROS.length)];
            Segment synAck = new Segment(t, out.size() + 1, server, client, next[1], next[0] + 1, SYN | ACK,
                    window[1], 0, serverOptions, false);
            if (style == 2) {
                out.add(new Segment(t, out.size(), synAck.from(), synAck.to(), synAck.seq(), synAck.ack(),
                        synAck.flags(), synAck.window(), 0, serverOptions, false));
                out.add(new Segment(t + 100, out.size(), client, server, next[0], 0, SYN, window[0], 0, clientOptions,
                        false));
            } else {
                out.add(syn);
                out.add(synAck);
            }
            next[0]++;
            next[1]++;
            t += GAPS_MICROS[random.nextInt(GAPS_MICROS.length)] + 200;
            out.add(new Segment(t, out.size(), client, server, next[0], next[1], ACK, window[0], 0,
                    new TcpOption[0], false));
        }
        long[] lastSeq = {next[0], next[1]};
        int events = 20 + random.nextInt(40);
        for (int e = 0; e < events; e++) {
            t += GAPS_MICROS[random.nextInt(GAPS_MICROS.length)];
            int side = random.nextInt(2);
            Socket from = side == 0 ? client : server;
            Socket to = side == 0 ? server : client;
            long ack = next[1 - side] - (random.nextInt(5) == 0 ? LENGTHS[random.nextInt(LENGTHS.length)] : 0);
            if (random.nextInt(15) == 0) {
                ack += 1 + random.nextInt(3000);              // acknowledges data never captured
            }
            if (random.nextInt(10) == 0) {
                window[side] = random.nextInt(4) == 0 ? 0 : random.nextInt(65536);
            }
            int flags = ACK;
            long seq = next[side];
            int length = LENGTHS[random.nextInt(LENGTHS.length)];
            int kind = random.nextInt(20);
            if (kind < 3) {
                seq = lastSeq[side];                            // retransmission of the last segment
            } else if (kind < 5) {
                seq = next[side] + 1 + random.nextInt(2000);    // a segment was lost before this one
            } else if (kind == 5) {
                seq = next[side] - 1;                           // keep-alive
                length = random.nextInt(2);
            } else if (kind == 6) {
                flags |= FIN;
                length = random.nextInt(3) == 0 ? 50 : 0;
            } else if (kind == 7 && random.nextInt(3) == 0) {
                flags = RST | (random.nextBoolean() ? ACK : 0);
                length = 0;
            } else if (kind == 8 && random.nextInt(4) == 0) {
                // A new connection on the same ports, with a new or the same initial sequence number.
                long newIsn = random.nextBoolean() ? isn(random) : next[side] - 1;
                out.add(new Segment(t, out.size(), client, server, newIsn, 0, SYN, window[0], 0,
                        new TcpOption[] {new TcpOption.MaximumSegmentSize(1460)}, false));
                next[0] = newIsn + 1;
                lastSeq[0] = next[0];
                continue;
            } else if (kind == 9) {
                seq = next[side] - 1 - random.nextInt(700);     // overlaps data already sent
                length = 1 + random.nextInt(1460);
            } else if (kind == 10) {
                length = 0;                                     // a pure ACK, maybe a window update
                window[side] = random.nextInt(3) == 0 ? window[side] : random.nextInt(65536);
            } else if (length > 0) {
                flags |= PSH;
            }
            out.add(new Segment(t, out.size(), from, to, seq, ack, flags, window[side], length, new TcpOption[0],
                    false));
            lastSeq[side] = seq;
            long end = seq + length + ((flags & FIN) != 0 ? 1 : 0);
            if (end - next[side] > 0) {
                next[side] = end;
            }
        }
    }

    /** Initial sequence numbers, a quarter of them close to the 32-bit wrap. */
    private static long isn(Random random) {
        return random.nextInt(4) == 0 ? 0xffffffffL - random.nextInt(3000) : random.nextInt() & 0xffffffffL;
    }
}
