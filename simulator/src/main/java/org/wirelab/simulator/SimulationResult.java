package org.wirelab.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.tcp.StateChange;

/**
 * One simulated run: the captured frames (empty when they were streamed to a file), what each actor
 * did, what the simulator knows about each frame (its marks, and the sender's congestion window when
 * it was sent), every TCP state change with its virtual time, and the run's counters.
 */
public record SimulationResult(FrameStore frames, ScenarioLog log, FrameMarks marks, CongestionTrace congestion,
        List<StateChange> states, Statistics statistics) {

    /** One TCP endpoint's state at a moment: the actor it belongs to, its ports, its RFC 9293 state. */
    public record EndpointState(String endpoint, int localPort, int remotePort, TcpState state) {
    }

    /**
     * The state of every TCP endpoint that existed at virtual time {@code timeNanos} (ns since the run
     * started: a frame's timestamp less {@link SimulationOptions#start()}), after the changes made at
     * that instant, in the order the endpoints appeared. CLOSED ones are left out.
     */
    public List<EndpointState> statesAt(long timeNanos) {
        Map<String, EndpointState> latest = new LinkedHashMap<>();
        for (StateChange change : states) {
            if (change.timeNanos() > timeNanos) {
                break;
            }
            String key = change.endpoint() + " " + change.localPort() + " " + change.remotePort();
            latest.put(key, new EndpointState(change.endpoint(), change.localPort(), change.remotePort(), change.to()));
        }
        List<EndpointState> open = new ArrayList<>();
        for (EndpointState state : latest.values()) {
            if (state.state() != TcpState.CLOSED) {
                open.add(state);
            }
        }
        return open;
    }

    /**
     * Counters of a run: packets sent and captured, lost on the way, sent again by TCP; the virtual
     * time of the last captured frame and of the run's end (after TIME-WAIT), and events fired.
     */
    public record Statistics(int packetsSent, int framesCaptured, long packetsLost, long retransmissions,
            long lastFrameNanos, long virtualNanos, long events) {
    }
}
