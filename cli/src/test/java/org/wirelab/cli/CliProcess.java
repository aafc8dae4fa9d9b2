package org.wirelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line run as a user runs it, in a JVM of its own (its own heap, its own signals): the tests
 * of what only a real process shows, such as running out of memory or being killed mid-write.
 */
public final class CliProcess {
    private CliProcess() {
    }

    /**
     * {@code java JVM_OPTIONS... org.wirelab.cli.Main ARGS...}, standard output to {@code out}, not started.
     * The process takes SIGINT as a terminal's Ctrl-C delivers it, even when the tests run in the
     * background, whose children inherit SIGINT ignored (env execs java, so the pid is java's).
     */
    public static ProcessBuilder builder(List<String> jvmOptions, Path out, String... args) {
        List<String> command = new ArrayList<>();
        command.add("env");
        command.add("--default-signal=INT");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }

    /** Runs the command to its end (at most two minutes): its exit code, standard output, standard error. */
    public static CliRun run(List<String> jvmOptions, Path dir, String... args) {
        try {
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            Process process = builder(jvmOptions, out, args).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("wirelab " + String.join(" ", args) + " did not finish in two minutes");
            }
            return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
