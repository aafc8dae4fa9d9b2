package org.wirelab.core.tcpstate;

/**
 * One endpoint's state change caused by one frame: {@code endpoint} is 0 or 1 within the frame's TCP
 * stream (see {@link TcpStateTimeline}), {@code frameNumber} is 1-based.
 */
public record StateChange(int frameNumber, int stream, int endpoint, TcpState from, TcpState to) {
}
