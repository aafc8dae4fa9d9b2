package org.wirelab.capture.live;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Wireshark's dumpcap, the way lab machines let students capture without root: Debian installs it
 * with the cap_net_raw and cap_net_admin file capabilities and lets only the wireshark group run it.
 * This finds it, asks whether it may capture here, and builds its command line.
 */
final class Dumpcap {
    /** Where Debian puts it, when it is not on the PATH (a PATH without /usr/bin is rare but possible). */
    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/bin/dumpcap"), Path.of("/usr/sbin/dumpcap"));
    private static final long CHECK_TIMEOUT_SECONDS = 10;

    private Dumpcap() {
    }

    /** The first {@code dumpcap} on the PATH, else in /usr/bin or /usr/sbin. */
    static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    candidates.add(Path.of(directory, "dumpcap"));
                }
            }
        }
        candidates.addAll(USUAL_PLACES);
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * Asks dumpcap for the interface's link-layer types ({@code dumpcap -i IF -L -M}): it opens the
     * interface to answer, so success proves it may capture, and its first type is the one a
     * capture uses.
     */
    static DumpcapStatus check(String interfaceName) {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            return DumpcapStatus.missing();
        }
        Path program = found.get();
        if (!Files.isExecutable(program)) {
            return DumpcapStatus.notExecutable(program);
        }
        Process process;
        try {
            process = new ProcessBuilder(program.toString(), "-i", interfaceName, "-L", "-M")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return DumpcapStatus.refused(program, String.valueOf(e.getMessage()));
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return DumpcapStatus.refused(program, "no answer within " + CHECK_TIMEOUT_SECONDS + " s");
            }
            int linkType = firstLinkType(text);
            if (process.exitValue() != 0 || linkType < 0) {
                return DumpcapStatus.refused(program, firstMessage(text));
            }
            return DumpcapStatus.usable(program, linkType);
        } catch (IOException e) {
            return DumpcapStatus.refused(program, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return DumpcapStatus.refused(program, "interrupted");
        }
    }

    /**
     * The capture: pcapng on standard output, frame by frame ({@code -w -}), nothing but errors and the
     * final counters on standard error ({@code -q}), the same snapshot length and kernel buffer as
     * libpcap would have, not promiscuous.
     */
    /** What dumpcap may hold between its capture and writing threads: a burst of a second or two on lo. */
    static final long QUEUE_BYTES = 256L << 20;

    static List<String> captureCommand(Path program, CaptureSettings settings, String filter) {
        List<String> command = new ArrayList<>(List.of(program.toString(), "-i", settings.interfaceName(), "-p",
                "-s", Integer.toString(settings.snapLength()),
                "-B", Integer.toString(Math.max(1, settings.bufferBytes() >> 20))));
        if (!filter.isEmpty()) {
            command.addAll(List.of("-f", filter));
        }
        // -t: a thread of its own reads the ring while another writes into the pipe, with up to -C bytes
        // queued between them, so a pipe this process is slow to empty no longer stops the ring's reader.
        command.addAll(List.of("-t", "-C", Long.toString(QUEUE_BYTES), "-w", "-", "-q"));
        return command;
    }

    /**
     * The link type in {@code dumpcap -L -M}'s answer: a line "0" or "1" (monitor mode possible), then
     * one line per type, "1\tEN10MB\tEthernet"; -1 when there is none.
     */
    static int firstLinkType(String listing) {
        for (String line : listing.lines().toList()) {
            String[] cells = line.split("\t");
            if (cells.length >= 2) {
                try {
                    return Integer.parseInt(cells[0].strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * dumpcap's own reason in one line: its first message without the "dumpcap: " prefix, e.g. "The
     * capabilities of the capture device "lo" could not be obtained (pcap_activate() failed: socket:
     * Operation not permitted)."
     */
    static String firstMessage(String text) {
        return text.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Capturing on"))
                .findFirst()
                .map(line -> line.startsWith("dumpcap: ") ? line.substring("dumpcap: ".length()) : line)
                .map(line -> line.endsWith(".") ? line.substring(0, line.length() - 1) : line)
                .orElse("no message");
    }
}
