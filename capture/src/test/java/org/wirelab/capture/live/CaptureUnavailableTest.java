package org.wirelab.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.ReadableCopy;

/**
 * The two ways capture is impossible, each tried for real in a child JVM: an unprivileged user
 * (setpriv to nobody, from root) for whom dumpcap cannot capture either, and a machine without
 * libpcap (JNA pointed at an empty directory).
 * Each must give its one message, naming the fix.
 */
class CaptureUnavailableTest {
    @TempDir
    Path dir;

    @Test
    void anUnprivilegedUserIsToldToRunAsRootOrGrantCapNetRaw() throws Exception {
        List<String> output;
        if (currentUid() == 0) {
            Path setpriv = Path.of("/usr/bin/setpriv");
            if (!Files.isExecutable(setpriv)) {
                Environment.missing("setpriv (util-linux) is not installed: cannot run the check as an unprivileged user");
            }
            // The child runs as nobody, who cannot read root's Maven repository: give it a readable copy.
            List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=nobody", "--regid=nogroup",
                    "--clear-groups", "--inh-caps=-all"));
            command.addAll(childJvm(readableClasspath(), List.of()));
            output = run(command);
        } else {
            // Already unprivileged: the check in this JVM is the real thing (unless this user has CAP_NET_RAW).
            output = CaptureAvailability.check()
                    .map(problem -> List.of(problem.kind().name(), problem.message()))
                    .orElse(List.of("AVAILABLE"));
            if (output.get(0).equals("AVAILABLE")) {
                Environment.missing("this non-root user may capture (CAP_NET_RAW?): the no-privilege path cannot be seen");
            }
        }
        if (output.get(0).equals(CaptureProblem.Kind.NO_LIBPCAP.name())) {
            Environment.missing("libpcap is not installed, so the no-privilege path cannot be reached: " + output);
        }
        assertEquals(List.of(CaptureProblem.Kind.NO_PRIVILEGE.name()), output.subList(0, 1), String.join("\n", output));
        String message = output.get(1);
        assertTrue(message.startsWith("cannot capture on lo: permission denied"), message);
        assertTrue(message.contains("root"), message);
        assertTrue(message.contains("setpriv") && message.contains("--ambient-caps=+net_raw"), message);
        assertTrue(message.contains("setcap cap_net_raw+eip") && message.contains("ld.so.conf.d"), message);
        assertTrue(message.contains("wirelab simulate"), message);
        // dumpcap was asked too (as Debian installs it by default: without its capabilities), and the
        // message says how to let the user capture through it.
        assertTrue(message.contains("dumpcap cannot capture for you either ("), message);
        assertTrue(message.contains("`sudo dpkg-reconfigure wireshark-common`")
                && message.contains("`sudo usermod -a -G wireshark $USER`"), message);
    }

    @Test
    void aMachineWithoutLibpcapIsToldWhichPackageToInstall() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("no-libraries"));
        // JNA looks for libpcap in jna.library.path, then in jna.platform.library.path (the system's
        // library directories, where it finds libpcap.so.1.x): both point at an empty directory here.
        List<String> output = run(childJvm(readableClasspath(), List.of("-Djna.library.path=" + empty,
                "-Djna.platform.library.path=" + empty)));
        if (output.get(0).equals("AVAILABLE")) {
            Environment.missing("libpcap is found even with JNA's paths emptied (libpcap-dev's unversioned "
                    + "libpcap.so is on the loader's path?): the no-libpcap path cannot be simulated");
        }
        assertEquals(List.of(CaptureProblem.Kind.NO_LIBPCAP.name()), output.subList(0, 1), String.join("\n", output));
        String message = output.get(1);
        assertTrue(message.startsWith("cannot capture: libpcap is not installed"), message);
        assertTrue(message.contains("apt-get install libpcap0.8"), message);
        assertTrue(message.contains("wirelab simulate"), message);
    }

    private List<String> childJvm(String classpath, List<String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djna.tmpdir=" + dir.resolve("jna-tmp"));
        command.add("-Djava.io.tmpdir=" + dir);
        command.addAll(properties);
        command.add("-cp");
        command.add(classpath);
        command.add(AvailabilityProbeMain.class.getName());
        return command;
    }

    private List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "child JVM " + command + " said:\n" + text);
        return text.lines().toList();
    }

    /**
     * The child's class path: this module's classes, core's, pcap4j, JNA and slf4j, copied into the
     * temporary directory with permissions that let any user read them.
     */
    private String readableClasspath() throws IOException, URISyntaxException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> entries = new ArrayList<>();
        Class<?>[] anchors = {AvailabilityProbeMain.class, CaptureAvailability.class, FrameStore.class,
            org.pcap4j.core.Pcaps.class, com.sun.jna.Native.class, org.slf4j.LoggerFactory.class,
            classNamed("org.slf4j.impl.SimpleLogger")};
        for (Class<?> anchor : anchors) {
            Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = dir.resolve("cp-" + entries.size() + (Files.isDirectory(source) ? "" : ".jar"));
            ReadableCopy.of(source, copy);
            entries.add(copy.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the slf4j binding is missing from the test class path", e);
        }
    }

    private static int currentUid() throws IOException {
        // /proc/self belongs to the user the process runs as.
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }
}
