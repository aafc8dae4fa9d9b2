package org.wirelab.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.Environment;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.simulator.reference.Wire.Segment;

/**
 * The receiver's window against real Linux: the window scale it announces, how it rounds the window
 * to the scale's unit, and how autotuning lets the window open as data arrives, on lo
 * (samples/scenarios/tcp-bulk.pcap, 200,000 bytes; samples/reference/loopback-bulk.pcap, 4,000,000
 * bytes between two processes) and on the reference veth link (samples/reference/bulk-loss-server.pcap).
 */
class ReceiveWindowReferenceTest {
    /** The receiver's windows in bytes (the field scaled by its shift), each change once, from the SYN-ACK on. */
    private static List<Long> windows(List<Segment> receiver) {
        Segment synAck = receiver.stream().filter(s -> s.has(Tcp.SYN)).findFirst().orElseThrow();
        List<Long> windows = new ArrayList<>();
        for (Segment s : receiver) {
            long window = s.has(Tcp.SYN) ? s.window() : (long) s.window() << synAck.windowScale();
            if (windows.isEmpty() || windows.get(windows.size() - 1) != window) {
                windows.add(window);
            }
        }
        return windows;
    }

    private static Wire real(Path file) throws IOException {
        FrameStore frames = CaptureFiles.read(file).frames();
        byte[] syn = frames.frame(0).bytes(); // Ethernet, IPv4 without options, TCP: the SYN's destination port
        int serverPort = (syn[14 + 20 + 2] & 0xff) << 8 | syn[14 + 20 + 3] & 0xff;
        return Wire.of(frames, serverPort);
    }

    private static Wire simulated(String scenario, long bytes) {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(scenario, new Scenarios.Parameters(bytes, 1_000, 100));
        SimulationResult result = Simulation.run(setup.scenario(), setup.options(SimulationOptions.defaults(), false));
        assertTrue(result.log().succeeded(), String.join("\n", result.log().lines()));
        return Wire.of(result.frames(), Reference.SERVER_PORT);
    }

    private static Segment syn(Wire wire, boolean server) {
        return wire.sentBy(server).stream().filter(s -> s.has(Tcp.SYN)).findFirst().orElseThrow();
    }

    @Test
    void onLoTheWindowScaleIsTenAndTheWindowOpensAsLinuxOpensIt() throws IOException {
        Wire real = real(Environment.samples().resolve("scenarios/tcp-bulk.pcap"));
        Wire simulated = simulated(Scenarios.TCP_BULK, 200_000);
        for (boolean server : new boolean[] {false, true}) {
            assertEquals(syn(real, server).window(), syn(simulated, server).window(), "SYN window, server " + server);
            assertEquals(10, syn(real, server).windowScale(), "tcp_rmem[2] of 32 MB: shift 10");
            assertEquals(10, syn(simulated, server).windowScale(), "server " + server);
        }
        // Linux: 65483 in the SYN-ACK, 95232 (93 units of 1024: 128 KiB of buffer less the first segment,
        // rounded up), then two segments more per segment once autotuning has grown the buffer.
        List<Long> realWindows = windows(real.sentBy(true));
        List<Long> simulatedWindows = windows(simulated.sentBy(true));
        assertEquals(List.of(65_483L, 95_232L, 226_304L, 357_376L, 488_448L), realWindows);
        assertEquals(realWindows.subList(0, 4), simulatedWindows.subList(0, 4), "real " + realWindows + ", simulated " + simulatedWindows);
    }

    @Test
    void onLoAutotuningOpensTheWindowBeyondOneMegabyte() throws IOException {
        Wire real = real(Environment.samples().resolve("reference/loopback-bulk.pcap"));
        Wire simulated = simulated(Scenarios.TCP_BULK, 4_000_000);
        long realLargest = windows(real.sentBy(true)).stream().mapToLong(Long::longValue).max().orElseThrow();
        long simulatedLargest = windows(simulated.sentBy(true)).stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(realLargest > 1_000_000, "Linux: " + realLargest);
        assertTrue(simulatedLargest > 1_000_000, "simulated: " + simulatedLargest);
        assertEquals(windows(real.sentBy(true)).subList(0, 2), windows(simulated.sentBy(true)).subList(0, 2));
    }

    @Test
    void onAVethTheWindowGrowsTwoSegmentsASegmentRoundedUp() throws IOException {
        Wire real = Wire.of(CaptureFiles.read(Environment.samples().resolve("reference/bulk-loss-server.pcap")).frames(),
                Reference.SERVER_PORT);
        Wire simulated = simulated(SimulatedScenarios.BULK_LOSS, 2_000_000);
        Wire realClient = Wire.of(CaptureFiles.read(Environment.samples().resolve("reference/bulk-loss-client.pcap"))
                .frames(), Reference.SERVER_PORT);
        assertEquals(64_240, syn(realClient, false).window());
        assertEquals(syn(realClient, false).window(), syn(simulated, false).window());
        assertEquals(65_160, syn(real, true).window());
        assertEquals(syn(real, true).window(), syn(simulated, true).window());
        assertEquals(10, syn(simulated, true).windowScale());
        // 65160 + 2 x 1448 = 68056, rounded up to the next 1024: 68608; then 71680, 74752.
        List<Long> realWindows = windows(real.sentBy(true));
        List<Long> simulatedWindows = windows(simulated.sentBy(true));
        assertEquals(List.of(65_160L, 68_608L, 71_680L, 74_752L), realWindows.subList(0, 4));
        assertEquals(realWindows.subList(0, 4), simulatedWindows.subList(0, 4), "simulated " + simulatedWindows);
        long realLargest = realWindows.stream().mapToLong(Long::longValue).max().orElseThrow();
        long simulatedLargest = simulatedWindows.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(realLargest > 4 * 68_608 && simulatedLargest > 4 * 68_608,
                "autotuning opens the window: real " + realLargest + ", simulated " + simulatedLargest);
    }
}
