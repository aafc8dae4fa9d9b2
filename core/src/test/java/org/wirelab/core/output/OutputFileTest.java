package org.wirelab.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNewFileReplacesTheOldOnlyWhenComplete() throws IOException {
        Path target = dir.resolve("r.pcap");
        Files.writeString(target, "old");
        OutputFile.writeStream(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Until the content is complete the old file is still there, whole, beside a hidden temporary file.
            assertEquals("old", Files.readString(target));
            assertEquals(2, names().size());
            assertTrue(names().get(0).startsWith(".r.pcap.") && names().get(0).endsWith(".part"), names().toString());
        });
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("r.pcap"), names());
    }

    @Test
    void aDeviceIsWrittenAsItIsNotReplacedByAFile() throws IOException {
        // A temporary file renamed over /dev/null would, as root, replace the device with a plain file.
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null on this system");
        OutputFile.writeString(devNull, "discarded");
        assertTrue(Files.readAttributes(devNull, java.nio.file.attribute.BasicFileAttributes.class).isOther(),
                "/dev/null is still a device");
        assertEquals(0, Files.size(devNull));
    }

    @Test
    void aFailureHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("r.svg");
        Files.writeString(target, "old");
        IOException failure = assertThrows(IOException.class, () -> OutputFile.writeStream(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("r.svg"), names());
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("shared.pcap");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        OutputFile.writeString(target, "new");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void whatIsWrongIsSaidOnceInWords() throws IOException {
        Path regular = Files.writeString(dir.resolve("afile"), "x");
        assertEquals("directory " + dir.resolve("nodir") + " does not exist", assertThrows(CannotWriteException.class,
                () -> OutputFile.writeString(dir.resolve("nodir").resolve("x.svg"), "")).getMessage());
        assertEquals("directory nodir does not exist", assertThrows(CannotWriteException.class,
                () -> OutputFile.checkWritable(Path.of("nodir", "x.svg"))).getMessage());
        assertEquals("cannot write " + regular.resolve("x.svg") + ": " + regular + " is not a directory",
                assertThrows(CannotWriteException.class, () -> OutputFile.checkWritable(regular.resolve("x.svg")))
                        .getMessage());
        assertEquals("cannot write " + dir + ": it is a directory",
                assertThrows(CannotWriteException.class, () -> OutputFile.checkWritable(dir)).getMessage());
    }
}
