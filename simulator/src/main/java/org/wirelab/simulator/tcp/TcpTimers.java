package org.wirelab.simulator.tcp;

import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.engine.Timer;

/** The timers of one connection; what each does on expiry is {@link Actions}'. */
final class TcpTimers {
    /** What happens when each timer expires. */
    interface Actions {
        void retransmissionTimeout();

        void reorderTimeout();

        void lossProbeTimeout();

        void delayedAckTimeout();

        void persistTimeout();

        void timeWaitTimeout();

        void copiedIn();

        void sendCallEnded();

        void keepAliveTimeout();
    }

    /** RFC 6298's retransmission timer. */
    final Timer retransmission;
    /** RACK's reorder timer: a segment will be lost if nothing is delivered before it expires. */
    final Timer reorder;
    /** The tail loss probe's timer, which stands for the retransmission timer while it runs (as in Linux). */
    final Timer lossProbe;
    final Timer delayedAck;
    /** The persist timer, which probes a zero window (section 3.8.6.1). */
    final Timer persist;
    final Timer timeWait;
    /** Expires when the write queue's oldest segment has been copied in. */
    final Timer copied;
    /** Expires when the application's send call returns. */
    final Timer sendCallEnd;
    /** The keep-alive timer (SO_KEEPALIVE), when the application turned it on. */
    final Timer keepAlive;

    TcpTimers(Simulator simulator, Actions actions) {
        retransmission = new Timer(simulator, actions::retransmissionTimeout);
        reorder = new Timer(simulator, actions::reorderTimeout);
        lossProbe = new Timer(simulator, actions::lossProbeTimeout);
        delayedAck = new Timer(simulator, actions::delayedAckTimeout);
        persist = new Timer(simulator, actions::persistTimeout);
        timeWait = new Timer(simulator, actions::timeWaitTimeout);
        copied = new Timer(simulator, actions::copiedIn);
        sendCallEnd = new Timer(simulator, actions::sendCallEnded);
        keepAlive = new Timer(simulator, actions::keepAliveTimeout);
    }

    /** Every timer that moves the connection on, TIME-WAIT's and the send call's excepted. */
    void stopAll() {
        retransmission.stop();
        reorder.stop();
        lossProbe.stop();
        delayedAck.stop();
        persist.stop();
        keepAlive.stop();
    }
}
