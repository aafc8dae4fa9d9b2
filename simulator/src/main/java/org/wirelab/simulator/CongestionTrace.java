package org.wirelab.simulator;

import java.util.Arrays;
import java.util.OptionalLong;
import org.wirelab.simulator.net.Packet;

/**
 * The congestion window and slow-start threshold (RFC 5681) of the TCP endpoint that sent each
 * captured segment, at the moment it sent it: what a chart of cwnd over time, or an explanation of a
 * retransmission, needs and no capture holds. Frames no connection sent (UDP, ICMP, a RST to a closed
 * port) have none.
 */
public final class CongestionTrace {
    private int[] frames = new int[64];
    private long[] windows = new long[64];
    private long[] thresholds = new long[64];
    private int size;

    void add(int frame, Packet packet) {
        if (packet.congestionWindow < 0) {
            return;
        }
        if (size == frames.length) {
            frames = Arrays.copyOf(frames, size * 2);
            windows = Arrays.copyOf(windows, size * 2);
            thresholds = Arrays.copyOf(thresholds, size * 2);
        }
        frames[size] = frame;
        windows[size] = packet.congestionWindow;
        thresholds[size] = packet.slowStartThreshold;
        size++;
    }

    /** The sender's cwnd in bytes when it sent frame {@code number} (1-based); empty for other frames. */
    public OptionalLong congestionWindow(int number) {
        int at = Arrays.binarySearch(frames, 0, size, number);
        return at >= 0 ? OptionalLong.of(windows[at]) : OptionalLong.empty();
    }

    /**
     * The sender's ssthresh in bytes when it sent frame {@code number}: empty for frames no connection
     * sent, and before the connection's first loss (when it is still "arbitrarily high").
     */
    public OptionalLong slowStartThreshold(int number) {
        int at = Arrays.binarySearch(frames, 0, size, number);
        return at >= 0 && thresholds[at] != Long.MAX_VALUE ? OptionalLong.of(thresholds[at]) : OptionalLong.empty();
    }

    /** Frames with a congestion window, in order. */
    public int size() {
        return size;
    }
}
