package org.wirelab.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the tests find the repository, ../shared and external tools, and the one rule for what is
 * missing: skip with a printed reason on a developer's machine, fail in CI ({@code CI=true}), because
 * CI can always provide it.
 */
public final class Environment {
    private Environment() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The repository root (set by the build; the working directory's parent otherwise). */
    public static Path repositoryRoot() {
        String root = System.getProperty("wirelab.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("samples")) ? here : here.getParent();
    }

    public static Path samples() {
        return repositoryRoot().resolve("samples");
    }

    /** Every capture file under samples/ (its subdirectories too, such as scenarios/ and reference/), in path order. */
    public static List<Path> sampleFiles() {
        try (Stream<Path> files = Files.walk(samples())) {
            return files.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ../shared beside the repository, or {@code WIRELAB_SHARED}; skips or fails when absent. */
    public static Path shared() {
        String configured = System.getenv("WIRELAB_SHARED");
        Path shared = configured != null ? Path.of(configured) : repositoryRoot().resolve("../shared").normalize();
        if (!Files.isDirectory(shared.resolve("corpus"))) {
            missing("../shared (the lab and the conformance corpus) is not beside the repository at " + shared);
        }
        return shared;
    }

    /** Skips the calling test with {@code reason}, or fails it in CI. */
    public static void missing(String reason) {
        if (inCi()) {
            fail(reason + " (CI=true: nothing CI can provide may be skipped)");
        }
        System.out.println("SKIPPED: " + reason);
        abort(reason);
    }
}
