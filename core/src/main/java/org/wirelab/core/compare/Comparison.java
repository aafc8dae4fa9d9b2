package org.wirelab.core.compare;

import java.io.IOException;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.scenario.Transport;

/**
 * The same {@link Workload} run over UDP and over TCP, by the same runner, and what each cost and
 * delivered. {@code conditions} says where it ran ("live on the loopback", "simulated: ...").
 */
public record Comparison(Workload workload, String conditions, ProtocolResult udp, ProtocolResult tcp) {

    /** Runs the workload over UDP, then over TCP, and measures both. */
    public static Comparison run(Workload workload, String conditions, WorkloadRunner runner) throws IOException {
        return new Comparison(workload, conditions, measure(workload, Transport.UDP, runner),
                measure(workload, Transport.TCP, runner));
    }

    private static ProtocolResult measure(Workload workload, Transport transport, WorkloadRunner runner)
            throws IOException {
        RecordedRun run = runner.run(workload.scenario(transport));
        TransportCost cost = TransportCost.of(CaptureAnalysis.of(run.frames()), transport);
        Delivery messages = Delivery.received(run.log(), Workload.SERVER, workload.messages());
        Delivery echoes = workload.echo() ? Delivery.echoes(run.log(), Workload.CLIENT, workload.messages()) : null;
        return new ProtocolResult(transport, cost, messages, echoes, run);
    }

    public ProtocolResult result(Transport transport) {
        return transport == Transport.UDP ? udp : tcp;
    }
}
