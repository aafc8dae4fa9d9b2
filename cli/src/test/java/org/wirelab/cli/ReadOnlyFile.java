package org.wirelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.wirelab.core.testing.Environment;

/**
 * Makes a file or directory one that wirelab may not write, until closed. For root (CI), whom file modes do
 * not stop, the immutable attribute ({@code chattr +i}) does; for anyone else, modes do.
 */
final class ReadOnlyFile implements AutoCloseable {
    private final Path path;
    private final boolean immutable;

    private ReadOnlyFile(Path path, boolean immutable) {
        this.path = path;
        this.immutable = immutable;
    }

    static ReadOnlyFile of(Path path) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            return new ReadOnlyFile(path, false);
        }
        if (chattr("+i", path) != 0) {
            Environment.missing("chattr +i does not work on " + path.getParent() + " (e2fsprogs, an ext4 or xfs file system"
                    + " and CAP_LINUX_IMMUTABLE are needed to test a file root may not write)");
        }
        return new ReadOnlyFile(path, true);
    }

    private static int chattr(String change, Path path) throws IOException {
        try {
            Process process = new ProcessBuilder("chattr", change, path.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException notInstalled) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            chattr("-i", path);
        } else {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
