package org.wirelab.core.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

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
        Counter counter = new Counter();
        counter.count(frames, index);
        counter.rank(index);
        counter.bucket(frames, index);
        return counter.traffic();
    }

    /**
     * The traffic of a capture read a part at a time, in two readings of the file, with the conversations
     * numbered again in each ({@link ConversationIndex#after}): the first reading finds the capture's first
     * and last times and each conversation's bytes, and ranks the busiest ({@link #count(CaptureSegments)}),
     * the second sums each bucket ({@link #bucket(CaptureSegments)}). What it keeps is a total per
     * conversation and the buckets of the few shown, never a frame: a capture larger than the heap is charted
     * as the whole capture would be.
     */
    public static final class Counter {
        private long start;
        private long end;
        private boolean started;
        private long[] tcpTotals = new long[64];
        private long[] udpTotals = new long[64];
        private int tcpCount;
        private int udpCount;
        // Known once ranked.
        private long bucket = 1;
        private int[] seriesOfTcp;
        private int[] seriesOfUdp;
        private Conversation[] shownConversations;
        private long[][] bytes;
        private int[][] counts;
        private int[][] first;

        /** The first reading, every part of {@code segments}; then the conversations are ranked. */
        public void count(CaptureSegments segments) throws IOException {
            ConversationIndex index = null;
            for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
                index = numbered(index, frames);
                count(frames, index);
            }
            if (index != null) {
                rank(index);
            }
        }

        /** The second reading, every part of {@code segments}, the conversations numbered again. */
        public void bucket(CaptureSegments segments) throws IOException {
            ConversationIndex index = null;
            for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
                index = numbered(index, frames);
                bucket(frames, index);
            }
        }

        private static ConversationIndex numbered(ConversationIndex previous, FrameStore frames) {
            PacketTable packets = new SummaryDecoder().decode(frames);
            return previous == null ? ConversationIndex.build(frames, packets)
                    : ConversationIndex.after(previous, frames, packets);
        }

        /** {@code frames}, a part of the capture, and its conversations, in the first reading. */
        void count(FrameStore frames, ConversationIndex index) {
            for (int i = 0; i < frames.size(); i++) {
                long time = frames.timestampNanos(i);
                if (!started) {
                    start = time;
                    end = time;
                    started = true;
                }
                end = Math.max(end, time);
                int tcp = index.tcpStream(i);
                int udp = index.udpStream(i);
                if (tcp != ConversationIndex.NONE) {
                    tcpTotals = grown(tcpTotals, tcp);
                    tcpTotals[tcp] += frames.originalLength(i);
                    tcpCount = Math.max(tcpCount, tcp + 1);
                } else if (udp != ConversationIndex.NONE) {
                    udpTotals = grown(udpTotals, udp);
                    udpTotals[udp] += frames.originalLength(i);
                    udpCount = Math.max(udpCount, udp + 1);
                }
            }
        }

        /**
         * Ranks the conversations by bytes, at the end of the first reading: {@code index} is its last
         * part's, which knows every conversation.
         */
        void rank(ConversationIndex index) {
            if (!started) {
                return;
            }
            bucket = roundBucket(Math.max(1, (end - start) / BUCKETS));
            int buckets = (int) ((end - start) / bucket) + 1;
            // A key is a TCP stream, or the TCP stream count plus a UDP stream: TCP first on a tie.
            long[] totals = new long[tcpCount + udpCount];
            System.arraycopy(tcpTotals, 0, totals, 0, tcpCount);
            System.arraycopy(udpTotals, 0, totals, tcpCount, udpCount);
            tcpTotals = null;
            udpTotals = null;
            Integer[] ranked = new Integer[totals.length];
            Arrays.setAll(ranked, k -> k);
            Arrays.sort(ranked, Comparator.comparingLong((Integer k) -> totals[k]).reversed().thenComparing(k -> k));
            int shown = Math.min(MAX_SERIES, ranked.length);
            seriesOfTcp = new int[tcpCount];
            seriesOfUdp = new int[udpCount];
            Arrays.fill(seriesOfTcp, shown);
            Arrays.fill(seriesOfUdp, shown);
            shownConversations = new Conversation[shown];
            for (int r = 0; r < shown; r++) {
                int key = ranked[r];
                if (key < tcpCount) {
                    seriesOfTcp[key] = r;
                    shownConversations[r] = index.tcpConversation(key);
                } else {
                    seriesOfUdp[key - tcpCount] = r;
                    shownConversations[r] = index.udpConversation(key - tcpCount);
                }
            }
            bytes = new long[shown + 1][buckets];
            counts = new int[shown + 1][buckets];
            first = new int[shown + 1][buckets];
        }

        /** {@code frames}, a part of the capture, and its conversations numbered again, in the second reading. */
        void bucket(FrameStore frames, ConversationIndex index) {
            if (!started) {
                return;
            }
            int shown = shownConversations.length;
            for (int i = 0; i < frames.size(); i++) {
                int tcp = index.tcpStream(i);
                int udp = index.udpStream(i);
                int s = tcp != ConversationIndex.NONE ? seriesOfTcp[tcp]
                        : udp != ConversationIndex.NONE ? seriesOfUdp[udp] : shown;
                int b = (int) ((frames.timestampNanos(i) - start) / bucket);
                b = Math.max(0, Math.min(bytes[s].length - 1, b));   // a time before the first frame's: bucket 0
                bytes[s][b] += frames.originalLength(i);
                counts[s][b]++;
                if (first[s][b] == 0) {
                    first[s][b] = frames.firstIndex() + i + 1;
                }
            }
        }

        /** The chart's data, once both readings are done. */
        public ConversationTraffic traffic() {
            if (!started) {
                return new ConversationTraffic(1, List.of());
            }
            int shown = shownConversations.length;
            List<Series> series = new ArrayList<>();
            for (int r = 0; r < shown; r++) {
                series.add(new Series(shownConversations[r], bytes[r], counts[r], first[r]));
            }
            if (Arrays.stream(counts[shown]).sum() > 0) {
                series.add(new Series(null, bytes[shown], counts[shown], first[shown]));
            }
            return new ConversationTraffic(bucket, series);
        }

        private static long[] grown(long[] totals, int key) {
            return key < totals.length ? totals : Arrays.copyOf(totals, Math.max(key + 1, totals.length * 2));
        }
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
