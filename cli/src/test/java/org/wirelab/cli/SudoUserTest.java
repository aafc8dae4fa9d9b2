package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.core.testing.Environment;

class SudoUserTest {
    /** Debian's nobody and nogroup: a user that surely is not root. */
    private static final String NOBODY = "65534";
    /** CAP_NET_RAW is capability 13. */
    private static final long NET_RAW = 1L << 13;

    @TempDir
    Path dir;

    @Test
    void onlyRootStartedBySudoStartsAgainAsTheUserKeepingOnlyNetRaw() {
        Map<String, String> sudo = Map.of("SUDO_UID", "1000", "SUDO_GID", "1001");
        String[] args = {"capture", "--scenario", "chat", "--out", "chat.pcap"};
        List<String> command = SudoUser.command(sudo, 0, args).orElseThrow();
        assertTrue(command.get(0).endsWith("setpriv"), command.toString());
        assertEquals(List.of("--reuid=1000", "--regid=1001", "--init-groups", "--inh-caps=+net_raw",
                "--ambient-caps=+net_raw", "--"), command.subList(1, 7));
        assertEquals(List.of(Main.class.getName(), "capture", "--scenario", "chat", "--out", "chat.pcap"),
                command.subList(command.size() - 6, command.size()));
        assertEquals(Optional.empty(), SudoUser.command(sudo, 1000, args), "not root: nothing to give up");
        assertEquals(Optional.empty(), SudoUser.command(Map.of(), 0, args), "a root login: nobody to go back to");
        assertEquals(Optional.empty(), SudoUser.command(Map.of("SUDO_UID", "0", "SUDO_GID", "0"), 0, args));
        assertEquals(Optional.empty(), SudoUser.command(Map.of("SUDO_UID", "1000; rm", "SUDO_GID", "1"), 0, args));
    }

    @Test
    void aScenarioCapturedWithSudoRunsItsServersAsTheUserNotRoot() throws Exception {
        if (SudoUser.effectiveUid() != 0) {
            Environment.missing("this test runs wirelab as root started by sudo: run it as root");
        }
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        // The user must be able to read the classes and to enter the working directory, which a checkout
        // under /root does not allow: a world-readable copy of the class path.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String classpath = readableCopyOfClassPath(dir.resolve("classpath"));
        Path file = dir.resolve("chat.pcap");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, Main.class.getName(),
                "capture", "--scenario", "chat", "--free-ports", "--out", file.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("SUDO_UID", NOBODY);
        builder.environment().put("SUDO_GID", NOBODY);
        Process root = builder.start();

        // The relaunched wirelab, which runs the scenario's servers and clients: its identity while it runs.
        List<String> status = List.of();
        while (root.isAlive() && status.isEmpty()) {
            Optional<ProcessHandle> user = root.toHandle().children().findFirst();
            if (user.isPresent()) {
                status = statusOf(user.get().pid());
            }
            Thread.sleep(5);
        }
        assertTrue(root.waitFor(120, TimeUnit.SECONDS), "the capture ends");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, root.exitValue(), err);
        assertTrue(err.contains("server  client 1 quit"), "the chat scenario ran: " + err);
        assertTrue(!status.isEmpty(), "the relaunched process was seen");
        assertEquals(List.of(NOBODY, NOBODY, NOBODY, NOBODY), field(status, "Uid:"), status.toString());
        assertEquals(List.of(NOBODY, NOBODY, NOBODY, NOBODY), field(status, "Gid:"), status.toString());
        assertEquals(NET_RAW, Long.parseLong(field(status, "CapEff:").get(0), 16), "CAP_NET_RAW and nothing else");
        assertEquals(NOBODY, Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS).toString(),
                "the capture file is the user's");
        assertTrue(Files.size(file) > 24, "frames were captured");
    }

    /** /proc/PID/status, or empty when the process has already ended. */
    private static List<String> statusOf(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
            // Until setpriv executes java, the child is setpriv itself, still root; and before that, for a
            // moment, a copy of the root JVM's one calling thread, also named java, not yet replaced by
            // jspawnhelper. The relaunched JVM is the java with more than one thread (its GC, its compilers).
            boolean java = lines.stream().anyMatch(line -> line.startsWith("Name:") && line.contains("java"));
            boolean started = lines.stream().anyMatch(line -> line.startsWith("Threads:") && !line.substring(8).trim().equals("1"));
            return java && started ? lines : List.of();
        } catch (IOException gone) {
            return List.of();
        }
    }

    private static List<String> field(List<String> status, String name) {
        return status.stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> List.of(line.substring(name.length()).trim().split("\\s+"))).orElse(List.of());
    }

    private static String readableCopyOfClassPath(Path target) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = target.resolve(index++ + "-" + source.getFileName());
            copyTree(source, copy);
            entries.add(copy.toString());
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path path : all.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
