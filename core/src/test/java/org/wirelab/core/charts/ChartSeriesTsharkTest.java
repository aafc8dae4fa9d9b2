package org.wirelab.core.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * The charts' data series against tshark on the same files: the time-sequence graph's segments and ACK
 * and window lines (tcp.seq, tcp.len, tcp.ack, tcp.window_size, frame.time_relative,
 * tcp.analysis.retransmission), the round-trip times (tcp.analysis.ack_rtt) and the traffic per
 * conversation (frame.len summed per stream and time bucket).
 */
class ChartSeriesTsharkTest {
    private static final List<String> FIELDS = List.of("frame.number", "frame.time_relative", "frame.len", "tcp.stream",
            "udp.stream", "tcp.srcport", "tcp.seq", "tcp.len", "tcp.ack", "tcp.window_size", "tcp.flags",
            "tcp.analysis.retransmission", "tcp.analysis.ack_rtt", "frame.protocols");
    private static final double NANO = 1e-9;

    /** The samples and the corpus captures that have retransmissions. */
    static Stream<Path> captures() {
        List<Path> files = new ArrayList<>(Environment.sampleFiles());
        for (String name : List.of("dpkt__http.pcap", "tcpdump__pptp.pcap", "zeek__ctu-64702-888.pcap",
                "zeek__retransmit-fast009.pcap")) {
            files.add(Corpus.capture(name));
        }
        return files.stream();
    }

    private record Row(int frame, double time, int length, int tcpStream, int udpStream, int sourcePort, long seq,
            int tcpLength, long ack, long window, int flags, boolean retransmission, String rtt) {
    }

    private static List<Row> tshark(Path capture) {
        List<String[]> lines = Tshark.fields(capture, FIELDS);
        List<Row> rows = new ArrayList<>();
        for (String[] f : lines.subList(1, lines.size())) {
            // The streams tshark gives an ICMP error are those of the datagram it quotes, not the error's own.
            boolean icmp = f.length > 13 && f[13].contains(":icmp");
            boolean tcp = !f[3].isEmpty() && !icmp;
            rows.add(new Row(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                    tcp ? Integer.parseInt(f[3]) : -1, f[4].isEmpty() || icmp ? -1 : Integer.parseInt(f[4].split(",")[0]),
                    tcp ? Integer.parseInt(f[5]) : -1, tcp ? Long.parseLong(f[6]) : 0, tcp ? Integer.parseInt(f[7]) : 0,
                    tcp ? Long.parseLong(f[8]) : 0, tcp && !f[9].isEmpty() ? Long.parseLong(f[9]) : 0,
                    tcp ? Integer.decode(f[10]) : 0, !f[11].isEmpty(), f[12]));
        }
        return rows;
    }

    private static CaptureAnalysis analysis(Path capture) throws Exception {
        return CaptureAnalysis.of(CaptureFiles.read(capture).frames());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void timeSequenceSegmentsAcksAndWindowAreTsharks(Path capture) throws Exception {
        CaptureAnalysis analysis = analysis(capture);
        List<Row> rows = tshark(capture);
        for (int stream = 0; stream < analysis.conversations().tcpStreamCount(); stream++) {
            Conversation c = analysis.conversations().tcpConversation(stream);
            for (boolean fromClient : new boolean[] {true, false}) {
                int senderPort = fromClient ? c.client().port() : c.server().port();
                TcpTimeSequence graph = TcpTimeSequence.of(analysis, stream, fromClient);
                List<String> expectedSegments = new ArrayList<>();
                List<String> expectedAcks = new ArrayList<>();
                for (Row r : rows) {
                    if (r.tcpStream != stream) {
                        continue;
                    }
                    if (r.sourcePort == senderPort && (r.tcpLength > 0 || (r.flags & 0x03) != 0)) {
                        expectedSegments.add(r.frame + " " + r.seq + "-" + (r.seq + r.tcpLength) + " "
                                + r.retransmission);
                    } else if (r.sourcePort != senderPort && (r.flags & 0x10) != 0) {
                        expectedAcks.add(r.frame + " " + r.ack + " " + (r.ack + r.window));
                    }
                }
                List<String> segments = new ArrayList<>();
                for (TcpTimeSequence.Segment s : graph.segments()) {
                    segments.add(s.frameNumber() + " " + s.sequence() + "-" + s.end() + " " + s.retransmission());
                    assertEquals(rows.get(s.frameNumber() - 1).time, s.time(), NANO, "time of frame " + s.frameNumber());
                }
                List<String> acks = new ArrayList<>();
                for (TcpTimeSequence.Ack a : graph.acks()) {
                    acks.add(a.frameNumber() + " " + a.acknowledgement() + " " + a.windowEdge());
                    assertEquals(rows.get(a.frameNumber() - 1).time, a.time(), NANO);
                }
                String where = capture.getFileName() + " stream " + stream + (fromClient ? " client" : " server");
                assertEquals(expectedSegments, segments, where);
                assertEquals(expectedAcks, acks, where);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void roundTripTimesAreTsharksAckRtt(Path capture) throws Exception {
        CaptureAnalysis analysis = analysis(capture);
        List<Row> rows = tshark(capture);
        for (int stream = 0; stream < analysis.conversations().tcpStreamCount(); stream++) {
            Map<Integer, Double> expected = new HashMap<>();
            for (Row r : rows) {
                if (r.tcpStream == stream && !r.rtt.isEmpty()) {
                    expected.put(r.frame, Double.parseDouble(r.rtt));
                }
            }
            RoundTripTimes rtt = RoundTripTimes.of(analysis, stream);
            assertEquals(expected.size(), rtt.samples().size(), capture.getFileName() + " stream " + stream);
            for (RoundTripTimes.Sample s : rtt.samples()) {
                assertTrue(expected.containsKey(s.ackFrameNumber()), "frame " + s.ackFrameNumber() + " has an RTT");
                assertEquals(expected.get(s.ackFrameNumber()), s.seconds(), NANO);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void trafficPerConversationSumsTsharksFrameLengths(Path capture) throws Exception {
        CaptureAnalysis analysis = analysis(capture);
        ConversationTraffic traffic = ConversationTraffic.of(analysis);
        List<Row> rows = tshark(capture);
        Map<String, long[]> bytes = new HashMap<>();
        Map<String, int[]> frames = new HashMap<>();
        int buckets = traffic.bucketCount();
        for (Row r : rows) {
            String key = r.tcpStream >= 0 ? "TCP " + r.tcpStream : r.udpStream >= 0 ? "UDP " + r.udpStream : "other";
            int b = (int) Math.min(buckets - 1, Math.max(0, Math.floor(r.time * 1e9 / traffic.bucketNanos() + 1e-6)));
            bytes.computeIfAbsent(key, k -> new long[buckets])[b] += r.length;
            frames.computeIfAbsent(key, k -> new int[buckets])[b]++;
        }
        long total = 0;
        for (ConversationTraffic.Series s : traffic.series()) {
            if (s.conversation() == null) {
                continue;   // the rest: checked through the total
            }
            String key = s.conversation().protocol() + " " + s.conversation().stream();
            assertEquals(java.util.Arrays.toString(bytes.get(key)), java.util.Arrays.toString(s.bytes()), key);
            assertEquals(java.util.Arrays.toString(frames.get(key)), java.util.Arrays.toString(s.frames()), key);
        }
        for (ConversationTraffic.Series s : traffic.series()) {
            total += java.util.Arrays.stream(s.bytes()).sum();
        }
        assertEquals(rows.stream().mapToLong(Row::length).sum(), total, "every frame counted once");
    }
}
