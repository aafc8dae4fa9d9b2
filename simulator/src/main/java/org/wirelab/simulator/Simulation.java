package org.wirelab.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.net.FrameEncoding;
import org.wirelab.simulator.net.FrameSink;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.net.Network;
import org.wirelab.simulator.net.Packet.Marks;
import org.wirelab.simulator.scenario.SimulatedExecution;
import org.wirelab.simulator.tcp.TcpEndpoint;

/**
 * Runs a {@link Scenario} on a simulated loopback: every actor on one host (127.0.0.1 and ::1, as the
 * live runner has them), its packets through a link that delays, limits and loses as the options say,
 * captured once each as {@code tcpdump -i lo} would, as real Ethernet/IP/TCP/UDP bytes.
 *
 * <pre>{@code
 * SimulationResult run = Simulation.run(Scenarios.tcpHello(), SimulationOptions.defaults().withSeed(7));
 * FrameStore frames = run.frames();        // decode, analyse, draw as any capture
 * }</pre>
 */
public final class Simulation {
    /** After the last step, the network may go on this long (virtual) to finish closing: TIME-WAIT and more. */
    public static final Duration DRAIN = Duration.ofMinutes(30);

    private Simulation() {
    }

    /** Runs the scenario and keeps its frames in memory. */
    public static SimulationResult run(Scenario scenario, SimulationOptions options) {
        FrameStore store = new FrameStore();
        FrameMarks marks = new FrameMarks();
        CongestionTrace congestion = new CongestionTrace();
        FrameSink sink = (time, bytes, length, packet) -> {
            int number = store.append(time, FrameEncoding.LINK_TYPE, bytes, 0, length, length);
            marks.add(number, packet.marks);
            congestion.add(number, packet);
        };
        return execute(scenario, options, sink, store, marks, congestion);
    }

    /**
     * Runs the scenario and writes its frames to a pcap file as they are captured, keeping none in
     * memory (the result's frame store and congestion trace are empty; only the marked frames are
     * listed): memory stays flat however long the transfer.
     */
    public static SimulationResult runToPcap(Scenario scenario, SimulationOptions options, Path pcap) throws IOException {
        FrameMarks marks = new FrameMarks();
        SimulationResult[] result = new SimulationResult[1];
        // Into a temporary file renamed over pcap at the end: an interrupted run leaves the old file whole.
        OutputFile.write(pcap, channel -> {
            try (PcapWriter writer = PcapWriter.to(channel, FrameEncoding.LINK_TYPE, PcapWriter.DEFAULT_SNAP_LENGTH,
                    PcapWriter.Resolution.NANOSECONDS)) {
                int[] count = {0};
                FrameSink sink = (time, bytes, length, packet) -> {
                    writer.append(time, FrameEncoding.LINK_TYPE, bytes, 0, length, length);
                    marks.add(++count[0], packet.marks);
                };
                result[0] = execute(scenario, options, sink, new FrameStore(64, 16), marks, new CongestionTrace());
            }
        });
        return result[0];
    }

    private static SimulationResult execute(Scenario scenario, SimulationOptions options, FrameSink sink,
            FrameStore store, FrameMarks marks, CongestionTrace congestion) {
        Simulator simulator = new Simulator();
        Network network = new Network(simulator, options.seed(), options.faults());
        Host localhost = network.addHost("localhost", new byte[] {127, 0, 0, 1},
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, options.tcp());
        network.link(localhost, localhost, options.link());
        long epoch = options.start().getEpochSecond() * 1_000_000_000L + options.start().getNano();
        network.capture(localhost, sink, epoch);
        ScenarioLog.Recorder recorder = new ScenarioLog.Recorder(scenario.name(), simulator::now);
        SimulatedExecution execution = new SimulatedExecution(simulator, localhost, localhost,
                options.ipVersion() == IpVersion.IPV6, options.stepTimeout().toNanos(), options.readerPace(), options.clientKeepAlive(), recorder);
        execution.run(scenario, DRAIN.toNanos());
        long retransmissions = 0;
        for (TcpEndpoint endpoint : localhost.tcp().endpoints()) {
            retransmissions += endpoint.retransmissions();
        }
        store.trimToSize();
        var statistics = new SimulationResult.Statistics(network.packetsSent(), network.framesCaptured(),
                network.packetsLost(), retransmissions, network.lastCaptureNanos(), simulator.now(), simulator.firedEvents());
        marks.addToEach(network.lostFrames(), Marks.LOST);
        return new SimulationResult(store, recorder.log(), marks, congestion, network.stateChanges(), statistics);
    }
}
