package org.wirelab.core.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.frame.FrameStore;

/**
 * Bytes and frames over time per conversation: the capture cut in equal time buckets (a round 1, 2 or 5
 * times a power of ten, about a hundred buckets over the capture), and for each of the busiest
 * conversations the bytes on the wire (frame.len) and the frames in each bucket. The other conversations
 * and the frames of none (ARP, ICMP) are summed in one last series, when there are any.
 */
public record ConversationTraffic(long bucketNanos, List<Series> series) {
    /** About this many buckets over the capture. */
    static final int BUCKETS = 100;
    /** At most this many conversations get a series of their own. */
    public static final int MAX_SERIES = 8;

    /**
     * One conversation's (or the rest's, when {@code conversation} is null) traffic per bucket, with the
     * first frame of each bucket (0 when the bucket is empty) for a click to select.
     */
    public record Series(Conversation conversation, long[] bytes, int[] frames, int[] firstFrameNumbers) {
        public Series {
            bytes = bytes.clone();
            frames = frames.clone();
            firstFrameNumbers = firstFrameNumbers.clone();
        }

        @Override
        public long[] bytes() {
            return bytes.clone();
        }

        @Override
        public int[] frames() {
            return frames.clone();
        }

        @Override
        public int[] firstFrameNumbers() {
            return firstFrameNumbers.clone();
        }

        /** "TCP 0: 127.0.0.1:60728 <-> 127.0.0.1:8080", or {@code rest} for the other traffic. */
        public String name(String rest) {
            if (conversation == null) {
                return rest;
            }
            return conversation.protocol() + " " + conversation.stream() + ": " + conversation.client() + " <-> "
                    + conversation.server();
        }
    }

    public ConversationTraffic {
        series = List.copyOf(series);
    }

    /** Start of bucket {@code b} in seconds since the first frame. */
    public double bucketStart(int b) {
        return b * bucketNanos / 1e9;
    }

    public int bucketCount() {
        return series.isEmpty() ? 0 : series.get(0).bytes.length;
    }

    public static ConversationTraffic of(CaptureAnalysis analysis) {
        FrameStore frames = analysis.frames();
        ConversationIndex index = analysis.conversations();
        if (frames.size() == 0) {
            return new ConversationTraffic(1, List.of());
        }
        long start = frames.timestampNanos(0);
        long end = start;
        for (int i = 0; i < frames.size(); i++) {
            end = Math.max(end, frames.timestampNanos(i));
        }
        long bucket = roundBucket(Math.max(1, (end - start) / BUCKETS));
        int buckets = (int) ((end - start) / bucket) + 1;
        // Conversations ranked by bytes; a key is a TCP stream, or the TCP stream count plus a UDP stream.
        int tcpCount = index.tcpStreamCount();
        long[] totals = new long[tcpCount + index.udpStreamCount()];
        for (int i = 0; i < frames.size(); i++) {
            int key = key(index, i, tcpCount);
            if (key >= 0) {
                totals[key] += frames.originalLength(i);
            }
        }
        Integer[] ranked = new Integer[totals.length];
        Arrays.setAll(ranked, k -> k);
        Arrays.sort(ranked, Comparator.comparingLong((Integer k) -> totals[k]).reversed().thenComparing(k -> k));
        int shown = Math.min(MAX_SERIES, ranked.length);
        int[] seriesOf = new int[totals.length];
        Arrays.fill(seriesOf, shown);
        for (int r = 0; r < shown; r++) {
            seriesOf[ranked[r]] = r;
        }
        long[][] bytes = new long[shown + 1][buckets];
        int[][] counts = new int[shown + 1][buckets];
        int[][] first = new int[shown + 1][buckets];
        for (int i = 0; i < frames.size(); i++) {
            int key = key(index, i, tcpCount);
            int s = key < 0 ? shown : seriesOf[key];
            int b = (int) ((frames.timestampNanos(i) - start) / bucket);
            b = Math.max(0, Math.min(buckets - 1, b));   // a timestamp before the first frame counts in bucket 0
            bytes[s][b] += frames.originalLength(i);
            counts[s][b]++;
            if (first[s][b] == 0) {
                first[s][b] = i + 1;
            }
        }
        List<Series> series = new ArrayList<>();
        for (int r = 0; r < shown; r++) {
            int key = ranked[r];
            Conversation c = key < tcpCount ? index.tcpConversation(key) : index.udpConversation(key - tcpCount);
            series.add(new Series(c, bytes[r], counts[r], first[r]));
        }
        if (Arrays.stream(counts[shown]).sum() > 0) {
            series.add(new Series(null, bytes[shown], counts[shown], first[shown]));
        }
        return new ConversationTraffic(bucket, series);
    }

    private static int key(ConversationIndex index, int i, int tcpCount) {
        int tcp = index.tcpStream(i);
        if (tcp != ConversationIndex.NONE) {
            return tcp;
        }
        int udp = index.udpStream(i);
        return udp != ConversationIndex.NONE ? tcpCount + udp : -1;
    }

    /** The smallest 1, 2 or 5 times a power of ten (in nanoseconds, at least 1 µs) not below {@code nanos}. */
    static long roundBucket(long nanos) {
        long power = 1000;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= nanos) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }
}
