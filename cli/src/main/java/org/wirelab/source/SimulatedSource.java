package org.wirelab.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.tcp.CongestionAlgorithm;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * One of the simulator's scenarios (the lab's, or a teaching one such as lost-syn-ack) run on simulated
 * hosts over {@code link} (delay, jitter, loss, duplication, reordering, bandwidth), the same seed
 * giving the same frames, plus the frames a teacher chose to drop ({@code droppedFrames}: with the same
 * seed, the run is the same up to the first of them). Needs no privilege and no network; the frames are
 * real Ethernet/IP/TCP bytes, decoded like a capture, and the feed learns which ones the network lost.
 */
public record SimulatedSource(String scenarioName, LinkConfig link, long seed, List<Integer> droppedFrames,
        CongestionAlgorithm congestionControl) implements FrameSource {

    public SimulatedSource {
        droppedFrames = List.copyOf(droppedFrames);
        if (congestionControl == null) {
            throw new IllegalArgumentException("a congestion control is required");
        }
    }

    /** With CUBIC, Linux's default congestion control. */
    public SimulatedSource(String scenarioName, LinkConfig link, long seed, List<Integer> droppedFrames) {
        this(scenarioName, link, seed, droppedFrames, CongestionAlgorithm.CUBIC);
    }

    public SimulatedSource(String scenarioName, LinkConfig link, long seed) {
        this(scenarioName, link, seed, List.of());
    }

    /** The loopback with this one-way delay and loss rate. */
    public SimulatedSource(String scenarioName, Duration delay, double lossRate, long seed) {
        this(scenarioName, SimulationOptions.LOOPBACK.withDelay(delay).withLoss(lossRate), seed);
    }

    /**
     * The scenario as it is meant to be seen: the lab's on the loopback (a few microseconds, nothing
     * lost), a teaching scenario with the delay that makes its timers readable.
     */
    public static SimulatedSource standard(String scenarioName) {
        Duration delay = SimulatedScenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS).delay();
        LinkConfig loopback = SimulationOptions.LOOPBACK;
        return new SimulatedSource(scenarioName, delay == null ? loopback : loopback.withDelay(delay), 1);
    }

    /** The same run, with frame {@code number} (1-based) also lost on the way. */
    public SimulatedSource dropping(int number) {
        List<Integer> dropped = new ArrayList<>(droppedFrames);
        dropped.add(number);
        return new SimulatedSource(scenarioName, link, seed, dropped, congestionControl);
    }

    /** The same run with another congestion control (CUBIC or NewReno). */
    public SimulatedSource withCongestionControl(CongestionAlgorithm algorithm) {
        return new SimulatedSource(scenarioName, link, seed, droppedFrames, algorithm);
    }

    @Override
    public String title() {
        return "simulated: " + scenarioName + (droppedFrames.isEmpty() ? "" : ", frame"
                + (droppedFrames.size() == 1 ? " " : "s ") + droppedList() + " dropped");
    }

    @Override
    public String title(Locale language) {
        String simulated = SourceWords.in(language).get("source.simulated", scenarioName);
        return droppedFrames.isEmpty() ? simulated : SourceWords.in(language).get("source.simulated.dropped", simulated,
                droppedList(), droppedFrames.size());
    }

    /** The scenario, what it does, and every setting of the link and the seed, so the run can be made again. */
    @Override
    public String settings(Locale language) {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS);
        return SourceWords.in(language).get("save.simulated", title(language), setup.scenario().summary(),
                millis(link.delay()), millis(link.jitter()), percent(link.lossRate()), percent(link.duplicationRate()),
                percent(link.reorderRate()), link.bandwidthBitsPerSecond(), link.queueLimit(), seed,
                "wirelab simulate --scenario " + scenarioName + " --seed " + seed);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static double percent(double rate) {
        return rate * 100;
    }

    /** "4" or "4, 9": the frames dropped on purpose, as both titles list them. */
    private String droppedList() {
        return droppedFrames.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public void run(FrameFeed feed) {
        List<Fault> faults = droppedFrames.stream().<Fault>map(Fault.DropFrame::new).toList();
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS);
        SimulationOptions defaults = SimulationOptions.defaults();
        SimulationOptions options = setup.options(defaults.withSeed(seed).withLink(link).withFaults(faults)
                .withTcp(defaults.tcp().withCongestionControl(congestionControl)), true);
        SimulationResult result = Simulation.run(setup.scenario(), options);
        for (int frame : result.marks().framesWith(Marks.LOST)) {
            feed.lost(frame);
        }
        feed.frames(result.frames());
        feed.progress(1);
    }
}
