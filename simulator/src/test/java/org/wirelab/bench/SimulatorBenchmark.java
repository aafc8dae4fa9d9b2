package org.wirelab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
 * {@code --warmup N} runs the same transfer N times first, untimed (the JIT compiles the simulator
 * during the first runs, for longer when the machine is busy); with several {@code --runs} it ends
 * with the median of the timed runs. Each run's line begins with the load average before and after.
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long bytes = 1_000_000_000L;
        double loss = 0.01;
        Path out = null;
        int runs = 1;
        int warmups = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bytes" -> bytes = Long.parseLong(args[++i]);
                case "--loss" -> loss = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmups = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--bytes N, --loss RATE, --out FILE, --runs N, --warmup N)");
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
            double[] wallRates = new double[runs];
            double[] cpuRates = new double[runs];
            for (int run = 1 - warmups; run <= runs; run++) {
                String load = loadAverage();
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
                if (run >= 1) {
                    wallRates[run - 1] = statistics.packetsSent() / (wall / 1e9);
                    cpuRates[run - 1] = statistics.packetsSent() / (cpu / 1e9);
                }
                System.out.printf(Locale.ROOT,
                        "%s: load %s -> %s; %,d segments in %.2f s wall = %,.0f segments/s (simulating thread %.2f s of CPU = %,.0f/s;"
                                + " whole process with the pcap writer, JIT and GC %.2f s); %.1f s virtual (%.1f Mbit/s of goodput),"
                                + " %,d lost, %,d retransmitted, %,d events; pcap %,d MB; heap after %,d MB, peak %,d MB%s%n",
                        run >= 1 ? "run " + run : "warm-up " + (run + warmups), load, loadAverage(),
                        statistics.packetsSent(), wall / 1e9, statistics.packetsSent() / (wall / 1e9),
                        cpu / 1e9, statistics.packetsSent() / (cpu / 1e9), processCpu / 1e9,
                        statistics.lastFrameNanos() / 1e9, bytes * 8 / (statistics.lastFrameNanos() / 1e9) / 1e6,
                        statistics.packetsLost(), statistics.retransmissions(), statistics.events(),
                        pcapSize(pcap) >> 20, used >> 20, peakHeap() >> 20,
                        result.log().succeeded() ? "" : "; FAILED: " + result.log().failures());
            }
            if (runs > 1) {
                System.out.printf(Locale.ROOT, "median of %d runs: %,.0f segments per wall second, %,.0f per CPU second of the simulating thread%n",
                        runs, median(wallRates), median(cpuRates));
            }
        } finally {
            if (out == null && Files.isRegularFile(pcap)) {
                Files.deleteIfExists(pcap);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The 1-minute load average (the machine is shared: every figure goes with it); "?" where unknown. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
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
