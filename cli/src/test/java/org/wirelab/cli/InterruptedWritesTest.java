package org.wirelab.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * SIGINT, SIGTERM and SIGKILL sent to the real command the moment it starts writing its output: afterwards
 * each output file is either the old one, byte for byte, or the complete new one (the same bytes as an
 * uninterrupted run of the same deterministic command), and tshark reads it.
 */
class InterruptedWritesTest {
    private static final Path SAMPLE = Environment.samples().resolve("tcp-hello.pcap");

    @TempDir
    static Path dir;
    private static Path bulk;

    /** What each command writes, with a reference run's bytes for each file. */
    private record Job(String name, List<String> outputs, String... args) {
        String[] argsIn(Path where) {
            return Arrays.stream(args).map(a -> a.replace("@", where.toString())).toArray(String[]::new);
        }
    }

    private static final Job SIMULATE = new Job("simulate", List.of("s.pcap"),
            "simulate", "--scenario", "tcp-bulk", "--bytes", "8000000", "--mtu", "1500", "--seed", "7", "--out", "@/s.pcap");
    private static final Job COMPARE = new Job("compare", List.of("r-udp.pcap", "r-tcp.pcap"),
            "compare", "--simulate", "--messages", "1000", "--seed", "3", "--report", "@/r.html");
    private static final Job EXPORT = new Job("export", List.of("bulk.svg"),
            "export", "BULK", "--diagram", "@/bulk.svg");

    @BeforeAll
    static void makeTheInput() {
        Tshark.require();
        Path input = dir.resolve("input");
        bulk = input.resolve("bulk.pcap");
        try {
            Files.createDirectories(input);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun made = CliRun.of("simulate", "--scenario", "tcp-bulk", "--bytes", "5000000", "--mtu", "1500",
                "--out", bulk.toString());
        assertEquals(0, made.exitCode(), made.err());
    }

    static Stream<Arguments> runs() {
        return Stream.of(SIMULATE, COMPARE, EXPORT).flatMap(job -> Stream.of("INT", "TERM", "KILL")
                .map(signal -> Arguments.of(job.name(), signal)));
    }

    private static Job job(String name) {
        return Stream.of(SIMULATE, COMPARE, EXPORT).filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private static String[] args(Job job, Path where) {
        return Arrays.stream(job.argsIn(where)).map(a -> a.replace("BULK", bulk.toString())).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} stopped by SIG{1}")
    @MethodSource("runs")
    void theOutputIsTheOldFileOrTheCompleteNewOne(String name, String signal) throws Exception {
        Job job = job(name);
        Map<String, byte[]> reference = reference(job);
        Path where = Files.createTempDirectory(dir, name + "-" + signal);
        byte[] old = Files.readAllBytes(SAMPLE);
        for (String output : job.outputs()) {
            Files.write(where.resolve(output), old);
        }
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            where.register(watcher, ENTRY_CREATE, ENTRY_MODIFY);
            Process process = CliProcess.builder(List.of(), where.resolve("stdout.txt"), args(job, where))
                    .redirectError(where.resolve("stderr.txt").toFile()).start();
            boolean sentWhileWriting = awaitWriting(watcher, process, job) && signal(process, signal);
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the command did not end");
            if (job == SIMULATE) {
                assertTrue(sentWhileWriting, "a simulation writes for long enough to be stopped half-way");
            } else if (!sentWhileWriting) {
                System.out.println(name + ": ended before it began a file; SIG" + signal + " not sent");
            }
        }
        for (String output : job.outputs()) {
            byte[] now = Files.readAllBytes(where.resolve(output));
            boolean isOld = Arrays.equals(old, now);
            if (!isOld) {
                assertArrayEquals(reference.get(output), now, output + " is neither the old file nor the complete new one");
            }
            Tshark.run("-r", where.resolve(output).toString());   // and tshark reads it whole
        }
        if (!signal.equals("KILL")) {
            // Shut down in order, the process deleted its temporary files.
            try (Stream<Path> files = Files.list(where)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
            }
        }
    }

    /** Waits until the command begins to write an output (a temporary file or the file itself); false when it ended first. */
    private static boolean awaitWriting(WatchService watcher, Process process, Job job) throws InterruptedException {
        while (process.isAlive()) {
            WatchKey key = watcher.poll(10, TimeUnit.MILLISECONDS);
            if (key == null) {
                continue;
            }
            boolean started = key.pollEvents().stream().map(e -> e.context().toString())
                    .anyMatch(file -> file.endsWith(".part") || job.outputs().contains(file));
            key.reset();
            if (started) {
                return true;
            }
        }
        return false;
    }

    private static boolean signal(Process process, String signal) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return false;
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        return kill.waitFor() == 0;
    }

    private static final Map<String, Map<String, byte[]>> REFERENCES = new LinkedHashMap<>();

    /** The files of one uninterrupted run of {@code job} (deterministic: same seed, same input). */
    private static synchronized Map<String, byte[]> reference(Job job) throws IOException {
        Map<String, byte[]> known = REFERENCES.get(job.name());
        if (known != null) {
            return known;
        }
        Path where = Files.createTempDirectory(dir, job.name() + "-reference");
        CliRun run = CliProcess.run(List.of(), where, args(job, where));
        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String output : job.outputs()) {
            files.put(output, Files.readAllBytes(where.resolve(output)));
        }
        REFERENCES.put(job.name(), files);
        return files;
    }
}
