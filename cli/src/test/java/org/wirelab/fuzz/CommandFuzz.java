package org.wirelab.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wirelab.cli.Main;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import picocli.CommandLine;

/**
 * Large mutated captures run through every command and every decoder: frames of the samples and the
 * corpus, each changed by a few mutations (bytes and 16-bit words overwritten where lengths live, cut
 * short, extended, spliced with another frame), written with sound record headers so that the damage
 * reaches the decoders rather than stopping the reader. Each file is read, every frame decoded as a
 * tree and explained in English and French, and {@code packets} (every field), {@code conversations},
 * {@code follow}, {@code show}, {@code show --frame} and {@code export} run on it in-process.
 *
 * <p>A failure is an exception escaping the API, a command's internal error (exit 3: a bug, where bad
 * input must give exit 0 or 1), or a hang (a step still running after its time limit). Run from
 * {@code bench/fuzz-commands.sh} for millions of frames; {@code CommandFuzzTest} runs a small share
 * in every build.
 */
public final class CommandFuzz {
    private final Random random;
    private final Map<Integer, List<byte[]>> seedsByLinkType;
    private final Path directory;
    private final long stepTimeoutSeconds;
    private final List<String> failures = new ArrayList<>();
    private ExecutorService worker = Executors.newSingleThreadExecutor(CommandFuzz::daemon);
    private long frames;
    private int files;
    private int hangs;
    private long commandRuns;

    /** What a run found. */
    public record Report(long frames, int files, long commandRuns, List<String> failures, int hangs,
            long peakHeapBytes) {
        public String summary() {
            return String.format(Locale.ROOT, "%,d mutated frames in %,d files, %,d command runs: %d exceptions,"
                    + " %d hangs, peak heap %,d MB", frames, files, commandRuns, failures.size() - hangs, hangs,
                    peakHeapBytes >> 20);
        }
    }

    public CommandFuzz(long seed, Path directory, long stepTimeoutSeconds) throws IOException {
        this.random = new Random(seed);
        this.directory = directory;
        this.stepTimeoutSeconds = stepTimeoutSeconds;
        this.seedsByLinkType = seedFrames();
    }

    public static void main(String[] args) throws Exception {
        long total = 10_000_000;
        int perFile = 50_000;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--frames" -> total = Long.parseLong(args[i + 1]);
                case "--frames-per-file" -> perFile = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path directory = Files.createTempDirectory("wirelab-fuzz");
        long start = System.nanoTime();
        CommandFuzz fuzz = new CommandFuzz(seed, directory, 120);
        Report report = fuzz.run(total, perFile, (done, soFar) -> System.out.printf(Locale.ROOT,
                "%,d frames, %d failures, %.0f s%n", done, soFar, (System.nanoTime() - start) / 1e9));
        System.out.println(report.summary());
        System.out.printf(Locale.ROOT, "seed %d, %.0f s%n", seed, (System.nanoTime() - start) / 1e9);
        report.failures().forEach(f -> System.out.println("FAILURE " + f));
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    /** Progress, called after each file. */
    @FunctionalInterface
    public interface Progress {
        void after(long frames, int failures);
    }

    public Report run(long totalFrames, int framesPerFile, Progress progress) throws IOException {
        List<Integer> linkTypes = new ArrayList<>(seedsByLinkType.keySet());
        while (frames < totalFrames) {
            int linkType = linkTypes.get(random.nextInt(linkTypes.size()));
            int count = (int) Math.min(framesPerFile, totalFrames - frames);
            Path file = directory.resolve("mutated-" + files + ".pcap");
            writeMutated(file, linkType, count);
            exercise(file, count);
            Files.deleteIfExists(file);
            frames += count;
            files++;
            progress.after(frames, failures.size());
        }
        worker.shutdownNow();
        return new Report(frames, files, commandRuns, List.copyOf(failures), hangs, peakHeap());
    }

    private void writeMutated(Path file, int linkType, int count) throws IOException {
        List<byte[]> seeds = seedsByLinkType.get(linkType);
        long time = 1_700_000_000_000_000_000L + random.nextInt(1000);
        try (PcapWriter writer = PcapWriter.create(file, linkType, PcapWriter.DEFAULT_SNAP_LENGTH,
                PcapWriter.Resolution.NANOSECONDS)) {
            for (int i = 0; i < count; i++) {
                byte[] frame = mutate(seeds.get(random.nextInt(seeds.size())), seeds);
                // Mostly forward in time, sometimes backwards, as merged or damaged captures are.
                time += random.nextInt(10) == 0 ? -random.nextInt(1_000_000) : random.nextInt(2_000_000);
                int original = random.nextInt(8) == 0 ? frame.length + random.nextInt(2000) : frame.length;
                writer.append(time, linkType, frame, 0, frame.length, original);
            }
        }
    }

    private byte[] mutate(byte[] seed, List<byte[]> seeds) {
        byte[] bytes = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> {
                    int[] interesting = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, bytes.length, bytes.length - at};
                    int value = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                            : random.nextInt(65536);
                    bytes[at] = (byte) (value >>> 8);
                    if (at + 1 < bytes.length) {
                        bytes[at + 1] = (byte) value;
                    }
                }
                case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 3 -> {
                    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
                    for (int i = bytes.length; i < longer.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    bytes = longer;
                }
                case 4 -> {
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(Math.max(1, other.length));
                    int length = Math.min(other.length - from, bytes.length - at);
                    if (length > 0) {
                        System.arraycopy(other, from, bytes, at, length);
                    }
                }
                default -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return bytes;
    }

    private void exercise(Path file, int count) {
        CaptureFile capture = step(file, "read", () -> CaptureFiles.read(file));
        if (capture == null) {
            return;
        }
        FrameStore store = capture.frames();
        step(file, "tree decode and explanation of every frame", () -> {
            CaptureAnalysis analysis = CaptureAnalysis.of(store);
            FrameDecoder decoder = FrameDecoder.standard();
            Explainer explainer = Explainer.of(analysis);
            for (int i = 0; i < store.size(); i++) {
                try {
                    decoder.decode(store, i);
                    explainer.explain(i, Locale.ENGLISH);
                    explainer.explain(i, Locale.FRENCH);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("frame " + (i + 1) + ": " + e, e);
                }
            }
            return null;
        });
        List<String> packets = new ArrayList<>(List.of("packets", file.toString(), "-T", "fields"));
        for (String field : FieldCatalog.knownNames()) {
            packets.add("-e");
            packets.add(field);
        }
        command(file, packets);
        command(file, List.of("conversations", file.toString()));
        command(file, List.of("follow", file.toString(), "--stream", "0"));
        command(file, List.of("follow", file.toString(), "--stream", "0", "--udp"));
        command(file, List.of("show", file.toString()));
        for (int k = 0; k < 5 && count > 0; k++) {
            command(file, List.of("show", file.toString(), "--frame", Integer.toString(1 + random.nextInt(count)),
                    "--lang", random.nextBoolean() ? "fr" : "en"));
        }
        if (count <= 5_000) {
            command(file, List.of("export", file.toString(), "--diagram",
                    directory.resolve("ladder-" + files + ".svg").toString()));
        }
    }

    /** Runs one command in-process; exit 3 (an internal error) or an escaping exception is a failure. */
    private void command(Path file, List<String> args) {
        StringWriter err = new StringWriter();
        Integer exit = step(file, String.join(" ", args.subList(0, Math.min(args.size(), 6))), () -> {
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(Writer.nullWriter()));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute(args.toArray(String[]::new));
        });
        commandRuns++;
        if (exit != null && exit != 0 && exit != 1) {
            fail(file, String.join(" ", args.subList(0, Math.min(args.size(), 6))) + " exited " + exit + ": "
                    + err.toString().strip());
        }
    }

    /** Runs a step with a time limit; records an exception or a hang and returns null then. */
    private <T> T step(Path file, String what, Callable<T> work) {
        Future<T> future = worker.submit(work);
        try {
            return future.get(stepTimeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            hangs++;
            fail(file, what + ": still running after " + stepTimeoutSeconds + " s");
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor(CommandFuzz::daemon);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            fail(file, what + ": " + e.getCause());
        }
        return null;
    }

    /** Records a failure, says it at once on standard error, and keeps the file for replay. */
    private void fail(Path file, String what) {
        String failure = directory.resolve("failed-" + file.getFileName()) + ": " + what;
        failures.add(failure);
        System.err.println("FAILURE " + failure);
        keepForReplay(file);
    }

    /** A file that made something fail is kept beside the others, for replay. */
    private void keepForReplay(Path file) {
        try {
            Files.copy(file, directory.resolve("failed-" + file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // The failure is recorded already; keeping the file is a convenience.
        }
    }

    /** Every frame of the samples and the corpus, by link type. */
    private static Map<Integer, List<byte[]>> seedFrames() throws IOException {
        List<Path> captures = new ArrayList<>(Environment.sampleFiles());
        captures.addAll(Corpus.captures());
        Map<Integer, List<byte[]>> seeds = new LinkedHashMap<>();
        for (Path capture : captures) {
            FrameStore store;
            try {
                store = CaptureFiles.read(capture).frames();
            } catch (IOException refused) {
                continue;
            }
            for (int i = 0; i < store.size(); i++) {
                seeds.computeIfAbsent(store.linkType(i), k -> new ArrayList<>()).add(store.frame(i).bytes());
            }
        }
        return seeds;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "fuzz-step");
        thread.setDaemon(true);
        return thread;
    }
}
