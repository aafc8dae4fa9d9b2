package org.wirelab.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Copies a jar or a class directory where any user can read it: tests that run a child JVM as an
 * unprivileged user (setpriv to nobody) give it a class path it can read, since root's Maven
 * repository is closed to others.
 */
public final class ReadableCopy {
    private ReadableCopy() {
    }

    /** Copies {@code source} (a file, or a directory with everything under it) to {@code target}, readable by all. */
    public static void of(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(path, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }
}
