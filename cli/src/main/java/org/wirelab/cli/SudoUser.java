package org.wirelab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * wirelab run with sudo gives root back before it does anything: it starts again as the user who ran
 * sudo ({@code SUDO_UID}, {@code SUDO_GID} and that user's groups) through util-linux's {@code setpriv},
 * keeping one capability, CAP_NET_RAW, which opening a live capture needs; as tcpdump {@code -Z} drops to
 * a user once its device is open. So the lab's servers that {@code capture --scenario} runs, the desktop
 * app and the files written are the user's, and a flaw in any of them cannot act as root. A JVM cannot
 * change its own user (every thread would have to), hence a new process; this one only waits for it.
 * Root without sudo (a root login) has no user to go back to and keeps root, as tcpdump without -Z.
 */
final class SudoUser {
    /** How long, after Ctrl-C or SIGTERM, this process waits for the relaunched one to finish its work. */
    private static final long SHUTDOWN_WAIT_SECONDS = 15;

    private SudoUser() {
    }

    /**
     * When this process is root started by sudo, runs wirelab again as the sudo user with {@code args}
     * and returns its exit code; otherwise empty, and this process goes on as it is.
     */
    static Optional<Integer> relaunchIfStartedBySudo(String[] args) {
        Optional<List<String>> command = command(System.getenv(), effectiveUid(), args);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process user = new ProcessBuilder(command.get()).inheritIO().start();
            // Ctrl-C reaches both processes (one terminal process group); SIGTERM reaches this one only.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                user.destroy();
                try {
                    user.waitFor(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "wirelab-sudo-user"));
            return Optional.of(user.waitFor());
        } catch (IOException e) {
            System.err.println("wirelab: cannot give up root for user " + System.getenv("SUDO_UID") + " with setpriv: "
                    + e.getMessage() + "; run wirelab without sudo, granting CAP_NET_RAW instead (see README)");
            return Optional.of(ErrorReporter.INPUT_ERROR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(ErrorReporter.INPUT_ERROR);
        }
    }

    /** The command that runs wirelab as the sudo user, when {@code uid} is root's and sudo set a user. */
    static Optional<List<String>> command(Map<String, String> environment, long uid, String[] args) {
        String user = environment.get("SUDO_UID");
        String group = environment.get("SUDO_GID");
        if (uid != 0 || !isId(user) || !isId(group) || user.equals("0")) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(setpriv(), "--reuid=" + user, "--regid=" + group,
                "--init-groups", "--inh-caps=+net_raw", "--ambient-caps=+net_raw", "--"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    private static boolean isId(String text) {
        return text != null && text.matches("\\d{1,9}");
    }

    private static String setpriv() {
        for (String directory : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(directory, "setpriv");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return "setpriv";   // from PATH; a missing one fails to start with a clear message
    }

    /** This process's effective user id, from /proc (Linux); -1 where it cannot be read. */
    static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc not mounted: nothing to drop that we can see.
        }
        return -1;
    }
}
