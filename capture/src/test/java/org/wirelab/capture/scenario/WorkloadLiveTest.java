package org.wirelab.capture.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirelab.capture.live.LiveCaptureRequirement;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.Delivery;
import org.wirelab.core.compare.FrameRole;
import org.wirelab.core.compare.RecordedRun;
import org.wirelab.core.compare.TransportCost;
import org.wirelab.core.compare.Workload;
import org.wirelab.core.compare.WorkloadRunner;
import org.wirelab.core.scenario.IpVersion;

/**
 * Issue 6 live: the comparison workload on real sockets, captured on lo. The Linux loopback loses
 * nothing, so the counts are the protocols' own: UDP one datagram per message and per echo, TCP its
 * handshake, the same data, and a teardown.
 */
class WorkloadLiveTest {
    private static final int N = 30;

    @BeforeEach
    void requireCapture() {
        LiveCaptureRequirement.require();
    }

    @Test
    void anEchoWorkloadOverUdpAndTcpOnTheLoopback() throws IOException {
        Comparison comparison = Comparison.run(new Workload(N, 300, Workload.Pattern.ECHO), "live", live());
        TransportCost udp = comparison.udp().cost();
        assertEquals(2 * N, udp.bytes().frames(), "a datagram each way per message");
        assertEquals((14 + 20 + 8) * 2L * N, udp.bytes().headers());
        assertEquals(300L * 2 * N, udp.bytes().payload());

        TransportCost tcp = comparison.tcp().cost();
        assertEquals(3, tcp.count(FrameRole.HANDSHAKE));
        assertEquals(2 * N, tcp.count(FrameRole.DATA), "each message and each echo in its own segment");
        assertTrue(tcp.count(FrameRole.TEARDOWN) >= 3, "two FINs and the last ACK");
        assertEquals(0, tcp.count(FrameRole.RETRANSMISSION) + tcp.count(FrameRole.RESET));
        for (var result : java.util.List.of(comparison.udp(), comparison.tcp())) {
            assertEquals(new Delivery(N, N, 0, 0, 0), result.messages(), result.transport() + ": the server got all");
            assertEquals(new Delivery(N, N, 0, 0, 0), result.echoes(), result.transport() + ": the client got all back");
        }
    }

    /** The live runner, with the checks every live run must pass. */
    private static WorkloadRunner live() {
        LiveWorkloadRunner runner = new LiveWorkloadRunner(IpVersion.IPV4);
        return scenario -> {
            RecordedRun run = runner.run(scenario);
            assertTrue(run.log().succeeded(), String.join("\n", run.log().lines()));
            return run;
        };
    }
}
