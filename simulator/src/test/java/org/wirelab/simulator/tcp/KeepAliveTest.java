package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.ConnectResult;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Service;
import org.wirelab.core.scenario.Step;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.net.Fault;

/** A peer that vanished is found by keep-alive: its probes go unanswered, and the connection is reset. */
class KeepAliveTest {

    @Test
    void unansweredProbesEndTheConnectionWithAReset() {
        Scenario idle = new Scenario("idle", "a line, then 10 s of silence",
                List.of(new Step.Serve("server", Service.TCP_SINK, LabProtocol.TCP_PORT),
                        new Step.Connect("client", "server", LabProtocol.TCP_PORT, ConnectResult.ESTABLISHED),
                        new Step.Send("client", Payload.text(LabProtocol.TCP_MESSAGE)),
                        new Step.Pause(Duration.ofSeconds(10)),
                        new Step.Close("client")));
        SimulationOptions options = SimulationOptions.defaults();
        // The cable is cut at 100 ms, once the line is acknowledged: nothing the client sends after arrives.
        options = options.withLink(options.link().withDelay(Duration.ofMillis(10)))
                .withFaults(List.of(new Fault.CutAt(Duration.ofMillis(100))))
                .withClientKeepAlive(new KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
        SimulationResult result = Simulation.run(idle, options);

        FrameStore frames = result.frames();
        List<Long> probes = new ArrayList<>();
        long reset = -1;
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.frame(i).bytes();
            int tcp = 14 + 20;
            int flags = frame[tcp + 13] & 0xff;
            int payload = frame.length - tcp - ((frame[tcp + 12] & 0xf0) >> 2);
            long ms = (frames.timestampNanos(i) - frames.timestampNanos(0)) / 1_000_000;
            if (flags == 0x10 && payload == 0 && ms > 500) {
                probes.add(ms);
            } else if ((flags & 0x04) != 0) {
                reset = ms;
            }
        }
        // Idle 1 s after the last segment received (the ACK of the line, arriving at 40 ms), then one probe a
        // second (TCP_KEEPINTVL), and after the third unanswered one (TCP_KEEPCNT) a RST.
        assertEquals(List.of(1040L, 2040L, 3040L), probes);
        assertEquals(4040L, reset);
        assertEquals(TcpState.CLOSED, result.states().get(result.states().size() - 1).to());
    }
}
