package org.wirelab.core.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file written whole or not at all: the content goes to a temporary file beside it (same
 * directory, so same file system), forced to disk, then renamed over the target in one atomic step. Until
 * then the old file, if any, stays as it was; a run killed half-way (Ctrl-C, SIGTERM, SIGKILL, a full disk)
 * leaves it untouched, and the temporary file is deleted on the way out (all but SIGKILL). A live capture,
 * which must keep every frame up to a Ctrl-C, writes its file frame by frame instead.
 *
 * <p>Problems are said before anything is written, as a {@link CannotWriteException} naming the file as the
 * user typed it: "directory nodir does not exist", "cannot write ro.svg: permission denied".
 */
public final class OutputFile {
    /** Temporary files of the runs under way, deleted if the process is stopped before they are renamed. */
    private static final Set<Path> UNFINISHED = new HashSet<>();
    /** Set once the process is shutting down: no temporary file is made after the last ones were deleted. */
    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OutputFile::deleteUnfinished, "output-file-cleanup"));
    }

    private static synchronized void deleteUnfinished() {
        stopping = true;
        for (Path temporary : UNFINISHED) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Shutting down: nothing more can be done; the target is untouched either way.
            }
        }
    }

    private static synchronized void finished(Path temporary) {
        UNFINISHED.remove(temporary);
    }

    /**
     * What writes the content, into the temporary file's channel (which it may close). It never opens the
     * temporary file by its name: deleted by a shutdown under way, a file opened by name would come back.
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel out) throws IOException;
    }

    /** The same, for writers of streams (image and chart libraries). */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * Writes {@code target} through {@code content}, into a temporary file beside it, renamed into place
     * only when {@code content} returns. On any failure the target is as it was.
     */
    public static void write(Path target, Content content) throws IOException {
        if (isDeviceOrPipe(target)) {
            writeInPlace(target, content);
            return;
        }
        Path temporary = createTemporary(target);
        try {
            // Opened without CREATE: if a shutdown deleted the file already, this fails instead of making it again.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
            }
            forceToDisk(temporary, target);
            move(temporary, target);
        } finally {
            finished(temporary);
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A device or a pipe ({@code --out /dev/null}, {@code /dev/stdout}, a FIFO) is written as it is: a file
     * renamed over it would replace the device itself (as root, /dev/null would become a plain file).
     */
    private static boolean isDeviceOrPipe(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    private static void writeInPlace(Path target, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            content.writeTo(channel);
        } catch (AccessDeniedException denied) {
            throw new CannotWriteException("cannot write " + target + ": permission denied", denied);
        }
    }

    public static void writeStream(Path target, StreamContent content) throws IOException {
        write(target, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
        });
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, channel -> {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    /** Forces the content to disk before the rename, so that a crash cannot leave a renamed empty file. */
    private static void forceToDisk(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (NoSuchFileException stopped) {
            throw new CannotWriteException("cannot write " + target + ": stopped before it was complete", stopped);
        }
    }

    /**
     * Checks that {@code target} can be written (its directory exists and lets us create a file, it is no
     * directory, and an existing file there is writable), and says in words what is wrong when it cannot.
     */
    public static void checkWritable(Path target) throws CannotWriteException {
        Path directory = directoryOf(target);
        if (!Files.exists(directory)) {
            throw new CannotWriteException("directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new CannotWriteException("cannot write " + target + ": " + directory + " is not a directory");
        }
        if (Files.isDirectory(target)) {
            throw new CannotWriteException("cannot write " + target + ": it is a directory");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new CannotWriteException("cannot write " + target + ": permission denied");
        }
        if (!Files.isWritable(directory)) {
            throw new CannotWriteException("cannot write " + target + ": permission denied");
        }
    }

    /** A new empty file beside {@code target}, listed for deletion should the process stop. */
    private static synchronized Path createTemporary(Path target) throws IOException {
        if (stopping) {
            throw new CannotWriteException("cannot write " + target + ": wirelab is stopping");
        }
        checkWritable(target);
        Path directory = directoryOf(target);
        for (int attempt = 0; ; attempt++) {
            // Hidden and named after the target, so that a file left by a SIGKILL says what it was.
            Path temporary = directory.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".part");
            try {
                Files.createFile(temporary);
                UNFINISHED.add(temporary);
                keepPermissions(target, temporary);
                return temporary;
            } catch (FileAlreadyExistsException taken) {
                if (attempt > 10) {
                    throw taken;
                }
            } catch (AccessDeniedException denied) {
                throw new CannotWriteException("cannot write " + target + ": permission denied", denied);
            } catch (FileSystemException other) {
                throw new CannotWriteException("cannot write " + target + ": " + reason(other), other);
            }
        }
    }

    /** A file replaced keeps its permissions (a shared capture stays readable by the group it was). */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (old != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(temporary, old.readAttributes().permissions());
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (AccessDeniedException denied) {
            throw new CannotWriteException("cannot write " + target + ": permission denied", denied);
        } catch (NoSuchFileException stopped) {
            // The temporary file was removed under us: the process is stopping. The target is untouched.
            throw new CannotWriteException("cannot write " + target + ": stopped before the file was complete", stopped);
        } catch (FileSystemException other) {
            throw new CannotWriteException("cannot write " + target + ": " + reason(other), other);
        }
    }

    private static Path directoryOf(Path target) {
        Path parent = target.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** The operating system's reason in lower case ("Read-only file system" -> "read-only file system"). */
    private static String reason(FileSystemException e) {
        String reason = e.getReason();
        if (reason == null || reason.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
