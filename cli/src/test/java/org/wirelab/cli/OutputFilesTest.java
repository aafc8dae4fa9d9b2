package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * Every output file is checked before the work and written whole or not at all, and a problem is one line
 * that says what is wrong, naming the file once.
 */
class OutputFilesTest {
    private static final String SAMPLE = Environment.samples().resolve("tcp-hello.pcap").toString();

    @TempDir
    Path dir;

    @Test
    void aDirectoryThatDoesNotExistIsSaidSo() {
        String nodir = dir.resolve("nodir").toString();
        assertEquals(List.of("wirelab export: directory " + nodir + " does not exist"),
                CliRun.of("export", SAMPLE, "--diagram", nodir + "/x.svg").errLines());
        assertEquals(List.of("wirelab export: directory " + nodir + " does not exist"),
                CliRun.of("export", SAMPLE, "--chart", "traffic", nodir + "/t.png").errLines());
        assertEquals(List.of("wirelab simulate: directory " + nodir + " does not exist"),
                CliRun.of("simulate", "--scenario", "tcp-hello", "--out", nodir + "/s.pcap").errLines());
        // Said before the comparison runs, not after it.
        CliRun compare = CliRun.of("compare", "--simulate", "--messages", "3", "--report", nodir + "/r.html");
        assertEquals(1, compare.exitCode());
        assertEquals(List.of("wirelab compare: directory " + nodir + " does not exist"), compare.errLines());
        assertEquals("", compare.out());
    }

    @Test
    void aPathUnderARegularFileIsSaidSo() throws IOException {
        Path regular = Files.writeString(dir.resolve("afile"), "x");
        assertEquals(List.of("wirelab export: cannot write " + regular + "/x.svg: " + regular + " is not a directory"),
                CliRun.of("export", SAMPLE, "--diagram", regular + "/x.svg").errLines());
    }

    @Test
    void aFileWeMayNotWriteIsPermissionDenied() throws IOException {
        Path readOnly = Files.writeString(dir.resolve("ro.svg"), "old");
        try (ReadOnlyFile ignored = ReadOnlyFile.of(readOnly)) {
            CliRun run = CliRun.of("export", SAMPLE, "--diagram", readOnly.toString());
            assertEquals(1, run.exitCode());
            assertEquals(List.of("wirelab export: cannot write " + readOnly + ": permission denied"), run.errLines());
        }
        assertEquals("old", Files.readString(readOnly));
        Path readOnlyDir = Files.createDirectory(dir.resolve("ro"));
        try (ReadOnlyFile ignored = ReadOnlyFile.of(readOnlyDir)) {
            CliRun run = CliRun.of("simulate", "--scenario", "tcp-hello", "--out", readOnlyDir + "/s.pcap");
            assertEquals(List.of("wirelab simulate: cannot write " + readOnlyDir + "/s.pcap: permission denied"),
                    run.errLines());
        }
    }

    @Test
    void compareNamesThePcapsItWritesAndReplacesThemWhole() throws IOException {
        Path html = dir.resolve("cours #1.html");
        Files.writeString(dir.resolve("cours #1-udp.pcap"), "an older file");
        CliRun run = CliRun.of("compare", "--simulate", "--messages", "3", "--report", html.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("report written to " + html + ", with cours #1-udp.pcap and cours #1-tcp.pcap beside it"),
                run.err());
        for (String pcap : List.of("cours #1-udp.pcap", "cours #1-tcp.pcap")) {
            Tshark.run("-r", dir.resolve(pcap).toString());   // fails on a file tshark cannot read whole
        }
        String page = Files.readString(html);
        assertTrue(page.contains("href=\"cours%20%231-udp.pcap\"") && page.contains("href=\"cours%20%231-tcp.pcap\""),
                page);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void anExportReplacesTheOldFileWithACompleteOne() throws IOException {
        Path svg = dir.resolve("ladder.svg");
        Files.writeString(svg, "old");
        assertEquals(0, CliRun.of("export", SAMPLE, "--diagram", svg.toString()).exitCode());
        assertTrue(Files.readString(svg).strip().endsWith("</svg>"));
        assertArrayEquals(new String[] {"ladder.svg"}, dir.toFile().list());
    }
}
