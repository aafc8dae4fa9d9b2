package org.wirelab.core.scenario;

/**
 * What a runner does for each kind of {@link Step}: the live runner on real sockets and the simulator
 * both implement it, and {@link #perform} picks the method, so the two can never disagree on which
 * steps exist. {@link #performUntilFailure} is the one policy both follow when a step does not go as
 * described, and {@link StepWords} holds the words both write in the log.
 *
 * @param <E> what a step may throw (the live runner's sockets and waits; nothing checked in a simulation)
 */
public interface StepRunner<E extends Exception> {
    /** The actor a failure is logged under when its step has none. */
    String RUNNER = "runner";

    /** Hears why a step failed, for its actor. */
    @FunctionalInterface
    interface Failures {
        void failed(String actor, String why);
    }

    /** Called before each step; the simulator lets pass the time a program takes between two calls. */
    default void beforeStep(Step step) {
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

    /**
     * Performs {@code steps} in order and stops at the first that does not go as described, which
     * {@code failures} hears about under the step's actor ({@link #RUNNER} for a step without one). A step
     * fails when it throws {@link StepFailed} or the runner's own exception (a socket's I/O error, in its
     * words), or when it is interrupted (the thread's flag is then set again). Any other unchecked
     * exception is a bug in wirelab, not a scenario's outcome, and propagates.
     *
     * @return true when every step went as described
     */
    static boolean performUntilFailure(Iterable<Step> steps, StepRunner<?> runner, Failures failures) {
        for (Step step : steps) {
            String actor = step.actor() == null ? RUNNER : step.actor();
            try {
                runner.beforeStep(step);
                perform(step, runner);
            } catch (StepFailed e) {
                failures.failed(actor, e.getMessage());
                return false;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    failures.failed(RUNNER, "interrupted");
                } else {
                    failures.failed(actor, String.valueOf(e.getMessage()));
                }
                return false;
            }
        }
        return true;
    }

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
