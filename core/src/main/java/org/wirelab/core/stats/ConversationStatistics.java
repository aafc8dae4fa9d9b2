package org.wirelab.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames, bytes and times per conversation (TCP stream or UDP flow), accumulated from one frame at a
 * time in primitive columns indexed by stream number, as Wireshark's conversation table does
 * (epan/conversation_table.c: A is the first frame's source, the "->" direction is A to B, the start
 * is the earliest frame and the stop the latest).
 */
public final class ConversationStatistics {
    private final long captureStartNanos;
    private int streams;
    private byte[] sideA = new byte[16];
    private long[] framesAToB = new long[16];
    private long[] bytesAToB = new long[16];
    private long[] framesBToA = new long[16];
    private long[] bytesBToA = new long[16];
    private long[] start = new long[16];
    private long[] stop = new long[16];
    private boolean[] seen = new boolean[16];
    /** Streams in the order their first frame was counted: tshark's conversation table keeps that order. */
    private int[] creationOrder = new int[16];

    /** {@code captureStartNanos} is the first frame's timestamp: tshark's times are relative to it. */
    public ConversationStatistics(long captureStartNanos) {
        this.captureStartNanos = captureStartNanos;
    }

    /**
     * Counts one frame of {@code stream} sent by {@code side} (0 or 1, the caller's numbering of the
     * stream's two endpoints), {@code frameLength} bytes on the wire.
     */
    public void add(int stream, int side, long timestampNanos, long frameLength) {
        ensure(stream);
        long t = timestampNanos - captureStartNanos;
        if (!seen[stream]) {
            seen[stream] = true;
            if (streams == creationOrder.length) {
                creationOrder = Arrays.copyOf(creationOrder, streams * 2);
            }
            creationOrder[streams++] = stream;
            sideA[stream] = (byte) side;
            start[stream] = t;
            stop[stream] = t;
        } else if (t > stop[stream]) {
            stop[stream] = t;
        } else if (t < start[stream]) {
            start[stream] = t;
        }
        if (side == sideA[stream]) {
            framesAToB[stream]++;
            bytesAToB[stream] += frameLength;
        } else {
            framesBToA[stream]++;
            bytesBToA[stream] += frameLength;
        }
    }

    /** Every conversation that had a frame, in the order their first frame was counted. */
    public List<Conversation> conversations() {
        List<Conversation> result = new ArrayList<>(streams);
        for (int k = 0; k < streams; k++) {
            int s = creationOrder[k];
            result.add(new Conversation(s, sideA[s], framesAToB[s], bytesAToB[s], framesBToA[s], bytesBToA[s],
                    start[s], stop[s]));
        }
        return result;
    }

    private void ensure(int stream) {
        if (stream < seen.length) {
            return;
        }
        int n = Math.max(stream + 1, seen.length * 2);
        sideA = Arrays.copyOf(sideA, n);
        framesAToB = Arrays.copyOf(framesAToB, n);
        bytesAToB = Arrays.copyOf(bytesAToB, n);
        framesBToA = Arrays.copyOf(framesBToA, n);
        bytesBToA = Arrays.copyOf(bytesBToA, n);
        start = Arrays.copyOf(start, n);
        stop = Arrays.copyOf(stop, n);
        seen = Arrays.copyOf(seen, n);
    }
}
