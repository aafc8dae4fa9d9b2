package org.wirelab.core.tcpstate;

/**
 * One endpoint's state change, shown at frame {@code frameNumber} (1-based) and caused by the segment of
 * frame {@code causeFrameNumber}: the same frame when the endpoint sent that segment or when the segment
 * needed no proof of arrival, a later one when the receiver's own later segment is what shows it took it
 * (its acknowledgement covers the FIN). {@code endpoint} is 0 or 1 within the frame's TCP stream (see
 * {@link TcpStateTimeline}). A state the capture makes likely without proving it is {@code inferred}.
 */
public record StateChange(int frameNumber, int stream, int endpoint, TcpState from, TcpState to,
        int causeFrameNumber, boolean fromInferred, boolean toInferred) {

    /** A change caused by the frame it is shown at, between states the capture proves. */
    public StateChange(int frameNumber, int stream, int endpoint, TcpState from, TcpState to) {
        this(frameNumber, stream, endpoint, from, to, frameNumber, false, false);
    }

    /** "ESTABLISHED -> FIN-WAIT-1", with "?" after an inferred state. */
    public String text() {
        return from.text(fromInferred) + " -> " + to.text(toInferred);
    }
}
