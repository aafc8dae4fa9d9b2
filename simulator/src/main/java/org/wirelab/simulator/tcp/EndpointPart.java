package org.wirelab.simulator.tcp;

/**
 * What every part of an endpoint (its handshake, segment arrival, sending...) works with: the endpoint,
 * which ties the parts together and reaches the others, and the connection's state, the Transmission
 * Control Block, with its sequence spaces, options and timers at hand.
 */
abstract class EndpointPart {
    final TcpEndpoint endpoint;
    final TransmissionControlBlock tcb;
    final SendSequence snd;
    final ReceiveSequence rcv;
    final ConnectionOptions options;
    final TcpTimers timers;

    EndpointPart(TcpEndpoint endpoint) {
        this.endpoint = endpoint;
        this.tcb = endpoint.tcb;
        this.snd = tcb.snd;
        this.rcv = tcb.rcv;
        this.options = tcb.options;
        this.timers = tcb.timers;
    }
}
