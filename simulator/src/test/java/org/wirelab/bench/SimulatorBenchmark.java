package org.wirelab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.tcp.TcpConfig;

/**
 * Issue 5 section 5, run by hand ({@code bench/simulate.sh}): a {@code tcp-bulk} of {@code --bytes}
 * (1 GB) over a 1 Gbit/s link with 10 ms of delay each way and 1% loss, on a 1500-byte MTU, streamed
 * to a pcap file. Prints simulated segments (frames) per second of wall time, wall time, virtual time,
 * and the heap in use after the run and its peak, so that memory can be compared across sizes.
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long bytes = 1_000_000_000L;
        double loss = 0.01;
        Path out = null;
        int runs = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bytes" -> bytes = Long.parseLong(args[++i]);
                case "--loss" -> loss = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--bytes N, --loss RATE, --out FILE, --runs N)");
            }
        }
        Path pcap = out != null ? out : Files.createTempFile("simulated-bulk", ".pcap");
        Scenario scenario = Scenarios.tcpBulk(bytes);
        SimulationOptions defaults = SimulationOptions.defaults().withSeed(1);
        SimulationOptions options = defaults.withTcp(TcpConfig.linux().withMtu(TcpConfig.ETHERNET_MTU))
                .withLink(defaults.link().withDelay(Duration.ofMillis(10)).withBandwidth(1_000_000_000L).withLoss(loss));
        System.out.printf(Locale.ROOT, "tcp-bulk of %,d bytes, 1 Gbit/s, 10 ms each way, loss %.2f%%, MTU 1500, into %s%n",
                bytes, loss * 100, pcap);
        try {
            for (int run = 1; run <= runs; run++) {
                resetPeaks();
                long start = System.nanoTime();
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long processCpuStart = processCpuNanos();
                SimulationResult result = Simulation.runToPcap(scenario, options, pcap);
                long wall = System.nanoTime() - start;
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
                long processCpu = processCpuNanos() - processCpuStart;
                SimulationResult.Statistics statistics = result.statistics();
                System.gc();
                long used = usedHeap();
                System.out.printf(Locale.ROOT,
                        "run %d: %,d segments in %.2f s wall = %,.0f segments/s (simulating thread %.2f s of CPU = %,.0f/s;"
                                + " whole process with the pcap writer, JIT and GC %.2f s); %.1f s virtual (%.1f Mbit/s of goodput),"
                                + " %,d lost, %,d retransmitted, %,d events; pcap %,d MB; heap after %,d MB, peak %,d MB%s%n",
                        run, statistics.packetsSent(), wall / 1e9, statistics.packetsSent() / (wall / 1e9),
                        cpu / 1e9, statistics.packetsSent() / (cpu / 1e9), processCpu / 1e9,
                        statistics.lastFrameNanos() / 1e9, bytes * 8 / (statistics.lastFrameNanos() / 1e9) / 1e6,
                        statistics.packetsLost(), statistics.retransmissions(), statistics.events(),
                        pcapSize(pcap) >> 20, used >> 20, peakHeap() >> 20,
                        result.log().succeeded() ? "" : "; FAILED: " + result.log().failures());
            }
        } finally {
            if (out == null && Files.isRegularFile(pcap)) {
                Files.deleteIfExists(pcap);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long pcapSize(Path pcap) throws IOException {
        return Files.isRegularFile(pcap) ? Files.size(pcap) : 0;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The largest heap in use during the run: the sum of the heap pools' peaks. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
