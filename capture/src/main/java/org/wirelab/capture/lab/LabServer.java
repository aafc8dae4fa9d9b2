package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One of the lab's servers running in this JVM: {@link #start()} binds (port 0 picks a free one,
 * {@link #localAddress()} tells which) and returns once clients can connect; {@link #stop()} closes
 * every socket and joins every thread the server started. What the server does is printed, line by
 * line, to the output given to its constructor.
 */
public interface LabServer extends AutoCloseable {

    /** Binds and starts serving; a busy port throws {@link PortInUseException} with a one-line message. */
    void start() throws IOException;

    /** The bound address; only meaningful after {@link #start()}. */
    InetSocketAddress localAddress();

    /** Exchanges finished so far; what an exchange is depends on the server (see each class). */
    long handled();

    /** Waits until {@link #handled()} reaches {@code count}; false when {@code timeout} came first. */
    boolean awaitHandled(long count, Duration timeout) throws InterruptedException;

    /** Closes the sockets and joins the threads; safe to call twice, and before {@link #start()}. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
