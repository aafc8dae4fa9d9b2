package org.wirelab.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs tshark, the referee of the decoding tests, with default preferences (an empty temporary HOME).
 * Skips the calling test when tshark is not installed, or fails it in CI.
 */
public final class Tshark {
    private static Path home;

    private Tshark() {
    }

    /**
     * An empty HOME for tshark, so that nobody's preferences change its output: one directory for the
     * whole test run, removed when the JVM ends (a directory per call left tens of thousands in /tmp).
     */
    public static synchronized Path emptyHome() throws IOException {
        if (home == null) {
            Path created = Files.createTempDirectory("tshark-home");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
            home = created;
        }
        return home;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary directory left behind.
        }
    }

    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "tshark"))) {
                return true;
            }
        }
        return false;
    }

    public static void require() {
        if (!installed()) {
            Environment.missing("tshark is not installed (apt-get install -y tshark)");
        }
    }

    /** Runs {@code tshark args...} and returns its standard output; fails on a non-zero exit. */
    public static String run(String... args) {
        return run(false, args);
    }

    /**
     * Like {@link #run}, but also accepts exit code 2, which tshark returns after printing what it read
     * from a damaged file (a record cut short, a bad block after good ones): its output is still the
     * referee for the frames before the damage.
     */
    public static String runOnDamagedFile(String... args) {
        return run(true, args);
    }

    private static String run(boolean damageAccepted, String... args) {
        require();
        Path err = null;
        try {
            List<String> command = new ArrayList<>();
            command.add("tshark");
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
            builder.environment().put("HOME", emptyHome().toString());
            err = Files.createTempFile("tshark", ".err");
            builder.redirectError(err.toFile());
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tshark did not finish: " + command);
            }
            if (process.exitValue() != 0 && !(damageAccepted && process.exitValue() == 2)) {
                throw new IllegalStateException("tshark exited with " + process.exitValue() + ": "
                        + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (err != null) {
                err.toFile().delete();
            }
        }
    }

    /** {@code tshark -r file -T fields -E header=y -E separator=/t -e f1 -e f2 ...} as rows of cells. */
    public static List<String[]> fields(Path capture, List<String> fieldNames) {
        return fields(capture, fieldNames, false);
    }

    /** Like {@link #fields(Path, List)}; with {@code damageAccepted}, see {@link #runOnDamagedFile}. */
    public static List<String[]> fields(Path capture, List<String> fieldNames, boolean damageAccepted) {
        return fields(capture, fieldNames, damageAccepted, List.of());
    }

    /** Like {@link #fields(Path, List)}, with more tshark options first ({@code -d tcp.port==N,http}...). */
    public static List<String[]> fields(Path capture, List<String> fieldNames, List<String> options) {
        return fields(capture, fieldNames, false, options);
    }

    private static List<String[]> fields(Path capture, List<String> fieldNames, boolean damageAccepted,
            List<String> options) {
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-r", capture.toString(), "-T", "fields", "-E", "header=y", "-E", "separator=/t"));
        for (String field : fieldNames) {
            args.add("-e");
            args.add(field);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : run(damageAccepted, args.toArray(String[]::new)).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
