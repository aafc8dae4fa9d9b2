package org.wirelab.core.scenario;

/**
 * What a runner does for each kind of {@link Step}: the live runner on real sockets and the simulator
 * both implement it, and {@link #perform} picks the method, so the two can never disagree on which
 * steps exist. The log's wording of the steps both runners describe the same way is here too.
 *
 * @param <E> what a step may throw (the live runner's sockets and waits; nothing checked in a simulation)
 */
public interface StepRunner<E extends Exception> {
    /** The log line of a {@link Step.Close}. */
    String CLOSES = "closes the connection (FIN)";
    /** The log line of a {@link Step.Shutdown}. */
    String SHUTS_DOWN = "shuts down its sending direction (FIN) and goes on reading";
    /** The log line of a {@link Step.Abort}. */
    String VANISHES = "vanishes: its connection is reset (RST)";

    /** The log note of a {@link Step.UdpReceive} whose datagram ({@code expected}, as the runner describes it) never came. */
    static String datagramLost(Step.UdpReceive step, String expected) {
        return "no datagram after " + step.lostAfter().toMillis() + " ms: " + expected
                + " taken as lost (UDP does not retransmit)";
    }

    /** The log note of an earlier message skipped while waiting for a later one ({@code header}: its quoted start). */
    static String earlierSkipped(String header) {
        return "skipped " + header + ", an earlier message (a late reply or a duplicate)";
    }

    void serve(Step.Serve step) throws E;

    void connect(Step.Connect step) throws E;

    void send(Step.Send step) throws E;

    void receive(Step.Receive step) throws E;

    void receiveEnd(Step.ReceiveEnd step) throws E;

    void shutdown(Step.Shutdown step) throws E;

    void close(Step.Close step) throws E;

    void abort(Step.Abort step) throws E;

    void udpSend(Step.UdpSend step) throws E;

    void udpReceive(Step.UdpReceive step) throws E;

    void httpGet(Step.HttpGet step) throws E;

    void awaitHandled(Step.AwaitHandled step) throws E;

    void pause(Step.Pause step) throws E;

    /** Calls the method of {@code step}'s kind. */
    static <E extends Exception> void perform(Step step, StepRunner<E> runner) throws E {
        if (step instanceof Step.Serve serve) {
            runner.serve(serve);
        } else if (step instanceof Step.Connect connect) {
            runner.connect(connect);
        } else if (step instanceof Step.Send send) {
            runner.send(send);
        } else if (step instanceof Step.Receive receive) {
            runner.receive(receive);
        } else if (step instanceof Step.ReceiveEnd end) {
            runner.receiveEnd(end);
        } else if (step instanceof Step.Shutdown shutdown) {
            runner.shutdown(shutdown);
        } else if (step instanceof Step.Close close) {
            runner.close(close);
        } else if (step instanceof Step.Abort abort) {
            runner.abort(abort);
        } else if (step instanceof Step.UdpSend send) {
            runner.udpSend(send);
        } else if (step instanceof Step.UdpReceive receive) {
            runner.udpReceive(receive);
        } else if (step instanceof Step.HttpGet get) {
            runner.httpGet(get);
        } else if (step instanceof Step.AwaitHandled await) {
            runner.awaitHandled(await);
        } else if (step instanceof Step.Pause pause) {
            runner.pause(pause);
        } else {
            throw new IllegalArgumentException("a step this runner does not know: " + step);
        }
    }
}
