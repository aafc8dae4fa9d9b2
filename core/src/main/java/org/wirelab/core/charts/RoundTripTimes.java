package org.wirelab.core.charts;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.frame.FrameStore;

/**
 * Round-trip times of one TCP stream, one per ACKed segment, as tshark's tcp.analysis.ack_rtt: the time
 * from a segment to the acknowledgement that first covers it exactly (tcp.analysis.acks_frame). Zero
 * round trips are left out, as tshark leaves them out. {@code analysis} is a whole capture or a part of
 * it that holds the stream whole ({@code FileWindow}): frame numbers and times count in the file either way.
 */
public record RoundTripTimes(int stream, List<Sample> samples) {

    /** The ACK's frame and time (seconds since the first frame), the ACKed segment's frame, the round trip in seconds. */
    public record Sample(int ackFrameNumber, double time, int ackedFrameNumber, double seconds) {
    }

    public RoundTripTimes {
        samples = List.copyOf(samples);
    }

    public static RoundTripTimes of(CaptureAnalysis analysis, int stream) {
        ConversationIndex index = analysis.conversations();
        var conversation = index.tcpConversation(stream);
        FrameStore frames = analysis.frames();
        long start = analysis.times().captureStartNanos();
        int first = frames.firstIndex();
        List<Sample> samples = new ArrayList<>();
        for (int i = conversation.firstFrameIndex() - first; i <= conversation.lastFrameIndex() - first; i++) {
            if (index.tcpStream(i) != stream) {
                continue;
            }
            int acked = analysis.tcp().ackedFrameIndex(i);   // in the file
            long rtt = acked < 0 ? 0 : frames.timestampNanos(i) - analysis.tcp().ackedTimestampNanos(frames, i);
            if (rtt != 0) {
                samples.add(new Sample(first + i + 1, (frames.timestampNanos(i) - start) / 1e9, acked + 1,
                        rtt / 1e9));
            }
        }
        return new RoundTripTimes(stream, samples);
    }
}
