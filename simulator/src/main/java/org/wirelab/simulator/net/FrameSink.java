package org.wirelab.simulator.net;

import java.io.IOException;

/**
 * Where captured frames go: a frame store kept in memory, or a pcap file written as the run goes.
 * {@code bytes} is only valid during the call (the network reuses its buffer).
 */
public interface FrameSink {
    void frame(long timestampNanos, byte[] bytes, int length, int marks) throws IOException;
}
