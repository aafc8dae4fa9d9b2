package org.wirelab.core.stats;

/**
 * Traffic of one TCP stream or UDP flow, as tshark's conversation table counts it. Endpoint A is the
 * source of the conversation's first frame and B its destination, named by the caller's {@code side}
 * numbering ({@code sideA} is A's side, 0 or 1). Bytes are frame lengths on the wire (frame.len);
 * times are nanoseconds relative to the first frame of the capture.
 */
public record Conversation(int stream, int sideA, long framesAToB, long bytesAToB, long framesBToA,
        long bytesBToA, long relativeStartNanos, long relativeStopNanos) {

    public long frames() {
        return framesAToB + framesBToA;
    }

    public long bytes() {
        return bytesAToB + bytesBToA;
    }

    public long durationNanos() {
        return relativeStopNanos - relativeStartNanos;
    }
}
