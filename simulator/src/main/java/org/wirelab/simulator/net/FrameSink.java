package org.wirelab.simulator.net;

import java.io.IOException;

/**
 * Where captured frames go: a frame store kept in memory, or a pcap file written as the run goes.
 * {@code bytes} is only valid during the call (the network reuses its buffer); {@code packet} is what
 * was encoded, with what the simulator knows about it ({@link Packet#marks}, the sender's congestion
 * window).
 */
public interface FrameSink {
    void frame(long timestampNanos, byte[] bytes, int length, Packet packet) throws IOException;
}
