package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;

/** One endpoint moving from one RFC 9293 state to another, at a virtual time (ns since the run started). */
public record StateChange(long timeNanos, String endpoint, int localPort, int remotePort, TcpState from, TcpState to) {
}
