package org.wirelab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

/**
 * Issue 2 section 8, in one run: generates an N-frame loopback pcap (1,000,000 by default) in a temporary
 * directory, then measures wirelab's read + summary decode + analysis (the public facade:
 * {@link CaptureFiles#read} then {@link CaptureAnalysis#of}) in frames per second, tshark's
 * {@code -T fields} rate with the same fields and with one field, and the heap wirelab keeps per frame
 * beyond the file's own bytes. bench/decode.sh runs it; bench/README.md explains each figure.
 *
 * <p>Options: {@code --frames N}, {@code --iterations N}, {@code --warmup N}, {@code --seed N},
 * {@code --file PCAP} (measure an existing file instead), {@code --no-tshark}, {@code --keep}.
 */
public final class DecodeBenchmark {
    /** tshark fields matching what wirelab's analysis computes (issue 2 section 5's core set). */
    static final List<String> TSHARK_FIELDS = List.of("frame.number", "frame.time_epoch", "ip.src", "ip.dst",
            "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len",
            "tcp.window_size", "tcp.stream", "udp.srcport", "udp.dstport", "udp.stream", "tcp.analysis.flags");

    private int frames = 1_000_000;
    private int iterations = 5;
    private int warmup = 2;
    private long seed = 1;
    private Path file;
    private boolean tshark = true;
    private boolean keep;

    public static void main(String[] args) throws Exception {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> benchmark.frames = Integer.parseInt(args[++i]);
                case "--iterations" -> benchmark.iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> benchmark.warmup = Integer.parseInt(args[++i]);
                case "--seed" -> benchmark.seed = Long.parseLong(args[++i]);
                case "--file" -> benchmark.file = Path.of(args[++i]);
                case "--no-tshark" -> benchmark.tshark = false;
                case "--keep" -> benchmark.keep = true;
                default -> {
                    System.err.println("unknown option " + args[i] + "; see bench/README.md");
                    System.exit(2);
                }
            }
        }
        benchmark.run();
    }

    private void run() throws Exception {
        Path dir = null;
        if (file == null) {
            dir = Files.createTempDirectory("wirelab-bench");
            file = dir.resolve("loopback-" + frames + ".pcap");
            long start = System.nanoTime();
            LoopbackTrafficGenerator.write(file, frames, seed);
            System.out.printf(Locale.ROOT, "generated %,d frames (%,d bytes) in %.1f s: %s%n", frames, Files.size(file),
                    seconds(System.nanoTime() - start), file);
        }
        try {
            measure();
        } finally {
            if (dir != null && !keep) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            } else if (dir != null) {
                System.out.println("kept " + file);
            }
        }
    }

    private void measure() throws Exception {
        long fileBytes = Files.size(file);
        long baseline = usedHeapAfterGc();

        // wirelab: the stages timed apart, their sum being the facade's work.
        List<long[]> runs = new ArrayList<>();
        CaptureAnalysis kept = null;
        for (int i = 0; i < warmup + iterations; i++) {
            kept = null;
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            CaptureFile capture = CaptureFiles.read(file);
            long t1 = System.nanoTime();
            long c1 = processCpuNanos();
            FrameStore store = capture.frames();
            PacketTable packets = new SummaryDecoder().decode(store);
            long t2 = System.nanoTime();
            long c2 = processCpuNanos();
            CaptureAnalysis analysis = CaptureAnalysis.of(store, packets);
            analysis.tcp();   // made on first use: the stage measures it as before
            long t3 = System.nanoTime();
            long c3 = processCpuNanos();
            kept = analysis;
            if (i >= warmup) {
                runs.add(new long[] {t1 - t0, t2 - t1, t3 - t2, t3 - t0, c1 - c0, c2 - c1, c3 - c2, c3 - c0});
            }
            System.out.printf(Locale.ROOT, "  %s %d: read %s ms, decode %s ms, analysis %s ms; process CPU %s ms%n",
                    i < warmup ? "warm-up" : "run", i + 1, millis(t1 - t0), millis(t2 - t1), millis(t3 - t2),
                    millis(c3 - c0));
        }
        int n = kept.size();
        long retained = usedHeapAfterGc() - baseline;
        long storeBytes = kept.frames().retainedBytes();
        long packetBytes = kept.packets().retainedBytes();
        long analysisBytes = kept.retainedBytes() - packetBytes;
        long readNs = median(runs, 0);
        long decodeNs = median(runs, 1);
        long analysisNs = median(runs, 2);
        long totalNs = median(runs, 3);
        long totalCpuNs = median(runs, 7);
        double wirelabRate = n / seconds(totalNs);

        long[] tsharkAll = {0, 0};
        long[] tsharkOne = {0, 0};
        if (tshark) {
            tsharkAll = runTshark(TSHARK_FIELDS);
            tsharkOne = runTshark(List.of("tcp.seq"));
        }
        double tsharkRate = n / seconds(tsharkAll[0]);
        double tsharkOneRate = n / seconds(tsharkOne[0]);
        Reference.reachabilityFence(kept);   // alive while the heap was measured above

        double perFrame = (retained - fileBytes) / (double) n;
        System.out.println();
        String load = loadAverage();
        System.out.printf(Locale.ROOT, "load average at the end: %s on %d cores%s%n", load,
                Runtime.getRuntime().availableProcessors(), busy(load) ? " -- the machine is busy: wall-clock rates are"
                        + " low, read the per-CPU-second rates" : "");
        System.out.printf(Locale.ROOT, "wirelab decode benchmark: %,d frames, %,d file bytes (%.0f B/frame), %d runs "
                + "after %d warm-up, median shown%n", n, fileBytes, fileBytes / (double) n, iterations, warmup);
        System.out.println("--------------------------------------------------------------------------------------");
        row("stage: read (CaptureFiles.read)", rate(n, readNs), millis(readNs) + " ms; per CPU second "
                + rate(n, median(runs, 4)));
        row("stage: summary decode (SummaryDecoder)", rate(n, decodeNs), millis(decodeNs) + " ms; per CPU second "
                + rate(n, median(runs, 5)));
        row("stage: analysis (CaptureAnalysis.of)", rate(n, analysisNs), millis(analysisNs) + " ms; per CPU second "
                + rate(n, median(runs, 6)));
        row("wirelab read + decode + analysis", rate(n, totalNs), target(wirelabRate >= 1_500_000, ">= 1.5 M/s"));
        row("  the same per process CPU second", rate(n, totalCpuNs), "(GC and JIT threads included)");
        if (tshark) {
            row("tshark -T fields, " + TSHARK_FIELDS.size() + " fields", rate(tsharkRate),
                    String.format(Locale.ROOT, "wirelab is %.1fx", wirelabRate / tsharkRate)
                            + " " + target(wirelabRate >= 20 * tsharkRate, ">= 20x"));
            row("  the same per tshark CPU second", rate(n, tsharkAll[1]), "");
            row("tshark -T fields -e tcp.seq", rate(tsharkOneRate),
                    String.format(Locale.ROOT, "wirelab is %.1fx", wirelabRate / tsharkOneRate)
                            + " " + target(wirelabRate >= 20 * tsharkOneRate, ">= 20x"));
            row("  the same per tshark CPU second", rate(n, tsharkOne[1]), "");
        }
        System.out.println("--------------------------------------------------------------------------------------");
        System.out.printf(Locale.ROOT, "heap retained after GC, structures alive     %,15d B%n", retained);
        System.out.printf(Locale.ROOT, "  minus the file's bytes                      %,15d B%n", retained - fileBytes);
        System.out.printf(Locale.ROOT, "  per frame beyond the file                   %15.1f B   %s%n", perFrame,
                target(perFrame <= 100, "<= 100 B"));
        System.out.printf(Locale.ROOT, "retainedBytes(): FrameStore %,d (%.1f B/frame beyond the file), "
                        + "PacketTable %,d (%.1f B/frame), analysis %,d (%.1f B/frame)%n",
                storeBytes, (storeBytes - fileBytes) / (double) n, packetBytes, packetBytes / (double) n,
                analysisBytes, analysisBytes / (double) n);
    }

    private static void row(String what, String rate, String note) {
        System.out.printf(Locale.ROOT, "%-44s %16s   %s%n", what, rate, note);
    }

    private static String rate(int frames, long nanos) {
        return rate(frames / seconds(nanos));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f frames/s", perSecond);
    }

    private static String target(boolean met, String target) {
        return (met ? "MET " : "MISSED ") + "(target " + target + ")";
    }

    /**
     * Runs tshark over the file with its output discarded; returns its wall-clock and CPU nanoseconds
     * (user + system, from the shell's {@code times} after tshark exits).
     */
    private long[] runTshark(List<String> fields) throws IOException, InterruptedException {
        StringBuilder command = new StringBuilder("tshark -r '" + file + "' -T fields");
        for (String field : fields) {
            command.append(" -e ").append(field);
        }
        command.append(" >/dev/null 2>&1 || exit 1; times");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HOME", org.wirelab.core.testing.Tshark.emptyHome().toString());   // default preferences, as the tests use
        long start = System.nanoTime();
        Process process = builder.start();
        String times = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("tshark failed: " + command);
        }
        long elapsed = System.nanoTime() - start;
        // times prints the shell's user/system times, then its children's: "0m12.345s 0m0.678s".
        String[] children = times.strip().split("\n")[1].trim().split("\\s+");
        long cpu = shellTime(children[0]) + shellTime(children[1]);
        System.out.printf(Locale.ROOT, "  tshark with %d field(s): %.1f s, CPU %.1f s%n", fields.size(),
                seconds(elapsed), seconds(cpu));
        return new long[] {elapsed, cpu};
    }

    /** Parses bash's {@code 1m2.345s}. */
    private static long shellTime(String text) {
        int m = text.indexOf('m');
        double secs = Integer.parseInt(text.substring(0, m)) * 60 + Double.parseDouble(text.substring(m + 1,
                text.length() - 1));
        return (long) (secs * 1e9);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static boolean busy(String load) {
        try {
            return Double.parseDouble(load) > Runtime.getRuntime().availableProcessors();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long median(List<long[]> runs, int column) {
        long[] values = runs.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }
}
