package org.wirelab.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Environment;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.reference.Wire.Segment;
import org.wirelab.simulator.tcp.CongestionAlgorithm;

/**
 * The congestion window after a loss, CUBIC's and Reno's, against real Linux (CUBIC, its default):
 * samples/reference/bulk-loss-client.pcap is a 2 MB transfer over the reference link (10 ms each way)
 * whose 150th data segment the relay dropped. A capture does not show the congestion window, but the
 * sender's flight does: the bytes it has sent and not yet seen acknowledged, counted as each new
 * segment leaves, are the window whenever the window is what holds it back, as it is here after the
 * recovery.
 */
class CongestionReferenceTest {
    private static final long MS = 1_000_000L;
    private static final int SEGMENT = 1448;

    /**
     * The sender's flight in segments: the largest before the fast retransmission, then its median over
     * 100 ms from 40 ms after it (the recovery over), and over the next 100 ms.
     */
    record Flight(double before, List<Double> after) {
        double ratio(int period) {
            return after.get(period) / before;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "flight before the loss %.0f segments, then", before));
            for (double median : after) {
                out.append(String.format(Locale.ROOT, " %.0f (%.2f)", median, median / before));
            }
            return out.toString();
        }
    }

    /**
     * {@code client}: what the client sent, at the times it sent it; {@code acks}: the server's ACKs at
     * the times they reached the client.
     */
    static Flight flight(List<Segment> client, List<Segment> acks) {
        List<long[]> events = new ArrayList<>(); // time, 0 for data (seq, end) or 1 for an ACK (ack)
        for (Segment s : client) {
            if (s.length() > 0) {
                events.add(new long[] {s.timeNanos(), 0, s.seq(), s.seq() + s.length()});
            }
        }
        for (Segment s : acks) {
            events.add(new long[] {s.timeNanos(), 1, s.ack(), 0});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        long highest = 0;
        long acknowledged = 0;
        long retransmittedAt = -1;
        Set<Long> sent = new HashSet<>();
        List<double[]> samples = new ArrayList<>(); // time, flight in segments
        for (long[] event : events) {
            if (event[1] == 1) {
                acknowledged = Math.max(acknowledged, event[2]);
            } else if (!sent.add(event[2])) {
                if (retransmittedAt < 0) {
                    retransmittedAt = event[0];
                }
            } else {
                highest = Math.max(highest, event[3]);
                samples.add(new double[] {event[0], (double) (highest - acknowledged) / SEGMENT});
            }
        }
        assertTrue(retransmittedAt > 0, "one segment is sent again");
        long loss = retransmittedAt;
        double before = samples.stream().filter(s -> s[0] < loss).mapToDouble(s -> s[1]).max().orElseThrow();
        List<Double> after = new ArrayList<>();
        for (int period = 0; period < 2; period++) {
            long from = loss + 40 * MS + period * 100 * MS;
            List<Double> flights = samples.stream().filter(s -> s[0] >= from && s[0] < from + 100 * MS)
                    .map(s -> s[1]).sorted().toList();
            assertTrue(flights.size() > 20, "the transfer goes on 200 ms after the recovery: " + flights.size());
            after.add(flights.get(flights.size() / 2));
        }
        return new Flight(before, after);
    }

    static Flight real() throws IOException {
        Path client = Environment.samples().resolve("reference/" + SimulatedScenarios.BULK_LOSS + "-client.pcap");
        Wire wire = Wire.of(CaptureFiles.read(client).frames(), Reference.SERVER_PORT);
        return flight(wire.sentBy(false), wire.sentBy(true)); // the client's capture: ACKs as they arrived
    }

    static Flight simulated(CongestionAlgorithm algorithm) {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(SimulatedScenarios.BULK_LOSS, Scenarios.Parameters.DEFAULTS);
        SimulationOptions defaults = SimulationOptions.defaults();
        SimulationOptions options = setup.options(defaults.withTcp(defaults.tcp().withCongestionControl(algorithm)), false);
        SimulationResult result = Simulation.run(setup.scenario(), options);
        assertTrue(result.log().succeeded(), String.join("\n", result.log().lines()));
        Wire wire = Wire.of(result.frames(), Reference.SERVER_PORT);
        long oneWay = options.link().delay().toNanos(); // the simulator captures each frame as it leaves
        List<Segment> arrived = wire.sentBy(true).stream().map(s -> new Segment(s.timeNanos() + oneWay, true,
                s.protocol(), s.flags(), s.seq(), s.ack(), s.length(), s.window(), s.windowScale(), s.sack(), s.dsack(),
                s.ipId(), s.icmpType())).toList();
        return flight(wire.sentBy(false), arrived);
    }

    @Test
    void cubicLeavesSevenTenthsOfTheWindowAndGrowsItBackAsLinuxDoes() throws IOException {
        Flight real = real();
        Flight cubic = simulated(CongestionAlgorithm.CUBIC);
        String both = "real Linux: " + real + "\nsimulated CUBIC: " + cubic;
        // Linux: 56 segments in flight when the loss was found, 38 after the recovery (0.68), 39 (0.70)
        // 100 ms later: close to the window of the loss, CUBIC's curve is nearly flat. The simulated
        // receiver opens its window sooner than that run's did, so the simulated sender has 165 segments
        // out at the loss; what is compared is the share left. Tolerance 0.07.
        assertEquals(0.7, real.ratio(0), 0.05, both);
        for (int period = 0; period < 2; period++) {
            assertEquals(real.ratio(period), cubic.ratio(period), 0.07, both);
            assertTrue(cubic.ratio(period) < 0.8, "no more than CUBIC's 0.7 and a slow climb: " + both);
        }
    }

    @Test
    void renoHalvesTheWindowAndClimbsASegmentARoundTrip() throws IOException {
        Flight real = real();
        Flight reno = simulated(CongestionAlgorithm.RENO);
        String both = "real Linux (CUBIC): " + real + "\nsimulated Reno: " + reno;
        assertEquals(0.5, reno.ratio(0), 0.06, both);
        assertTrue(real.ratio(0) - reno.ratio(0) > 0.12, "Reno falls further than Linux's CUBIC: " + both);
        // Then one segment per round trip (about 21 ms with the delayed ACKs): a few in 100 ms.
        double climbed = reno.after().get(1) - reno.after().get(0);
        assertTrue(climbed >= 3, both);
    }
}
