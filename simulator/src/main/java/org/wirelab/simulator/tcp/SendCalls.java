package org.wirelab.simulator.tcp;

/**
 * The application's send calls. A send call is not instantaneous: the kernel copies the bytes in,
 * segment after segment, holding the socket meanwhile. What it cuts and when each segment may leave is
 * the write queue's; what arrives during the call waits in the backlog; a second call starts when the
 * first returns.
 */
final class SendCalls extends EndpointPart {
    SendCalls(TcpEndpoint endpoint) {
        super(endpoint);
    }

    /**
     * The application's send call took {@code taken} bytes from sequence offset {@code from}. It is
     * copied in now, or after the calls before it.
     */
    void written(long from, int taken) {
        if (taken == 0) {
            return;
        }
        if (inSendCall()) {
            tcb.waitingCalls.addLast(new long[] {from, taken});
            return;
        }
        startSendCall(from, taken);
    }

    boolean inSendCall() {
        return endpoint.now() < tcb.sendCallEnds;
    }

    /** The call's bytes join the write queue in segments of today's size goal (Linux's tcp_sendmsg). */
    private void startSendCall(long from, long length) {
        long now = endpoint.now();
        tcb.writeQueue.written(from, from + length, endpoint.sender.sendMss(), snd.maxWnd / 2, now, tcb.config.copyBytesPerSecond());
        long duration = length * 1_000_000_000L / tcb.config.copyBytesPerSecond();
        tcb.sendCallEnds = now + duration;
        if (duration > 0) {
            timers.sendCallEnd.start(duration);
        }
        endpoint.sender.output();
    }

    /**
     * The send call returns: its last segment is pushed (tcp_push), then the backlog is processed
     * (release_sock), so an ACK that came back during the call is seen only now; then the next call.
     */
    void endSendCall() {
        endpoint.sender.output();
        while (!tcb.backlog.isEmpty()) {
            endpoint.arrival.receive(tcb.backlog.pollFirst());
        }
        if (!tcb.waitingCalls.isEmpty()) {
            long[] call = tcb.waitingCalls.pollFirst();
            startSendCall(call[0], call[1]);
        } else if (tcb.shutdownAfterSendCalls) {
            tcb.shutdownAfterSendCalls = false;
            endpoint.shutdownOutput();
        }
    }
}
