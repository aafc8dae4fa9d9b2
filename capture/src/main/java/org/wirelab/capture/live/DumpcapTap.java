package org.wirelab.capture.live;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.pcap.CaptureReader;

/**
 * Frames from a {@code dumpcap -w -} process, read from its pcapng stream frame by frame with core's
 * own reader: how this process captures when libpcap refuses it but dumpcap, which carries the
 * capture capability, may. The JVM itself never needs a privilege.
 *
 * <p>dumpcap writes its file header only once the interface is open and the filter set, so when
 * {@link #open} has read it, frames are being captured. Stopping sends dumpcap SIGTERM; it then
 * writes what it holds, its counters, and ends the stream, which is read to its end.
 */
final class DumpcapTap implements FrameTap {
    private static final String SOURCE = "dumpcap";
    /** dumpcap opens the interface within milliseconds; a machine with 8 busy builds needs more. */
    private static final long START_TIMEOUT_SECONDS = 15;
    private static final long EXIT_TIMEOUT_SECONDS = 5;
    /**
     * Its last words on standard error: "Packets received/dropped on interface 'Loopback: lo': 3/1
     * (pcap:0/dumpcap:0/flushed:1/ps_ifdrop:0)". Its total of dropped frames includes the flushed ones,
     * which reached it after it was told to stop (a readiness probe resent while the drain's first one
     * was on its way): they came after the capture's end rather than being lost inside it, so only the
     * frames lost in the kernel's buffer (pcap) and in dumpcap's own queue count as dropped.
     */
    private static final Pattern COUNTERS = Pattern.compile(
            "Packets received/dropped on interface '[^']*': (\\d+)/\\d+ \\(pcap:(\\d+)/dumpcap:(\\d+)/flushed:\\d+/ps_ifdrop:(\\d+)\\)");

    private final Process process;
    private final CaptureReader reader;
    private final ErrorOutput errors;
    private final int linkType;
    private volatile boolean interrupted;

    private DumpcapTap(Process process, CaptureReader reader, ErrorOutput errors, int linkType) {
        this.process = process;
        this.reader = reader;
        this.errors = errors;
        this.linkType = linkType;
    }

    /**
     * Starts dumpcap on the interface with {@code filter} and returns once it has written its file
     * header, i.e. once it captures.
     *
     * @param dumpcap a dumpcap that {@link Dumpcap#check} found usable
     * @throws CaptureUnavailableException when dumpcap stops before capturing (a bad filter, ...)
     */
    static DumpcapTap open(DumpcapStatus dumpcap, CaptureSettings settings, String filter)
            throws CaptureUnavailableException, IOException {
        List<String> command = Dumpcap.captureCommand(dumpcap.program(), settings, filter);
        ErrorOutput errors = ErrorOutput.create();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(errors.redirect()).start();
        } catch (IOException e) {
            errors.delete();
            throw e;
        }
        process.getOutputStream().close();
        Thread watchdog = watchdog(process);
        try {
            CaptureReader reader = CaptureReader.stream(process.getInputStream());
            return new DumpcapTap(process, reader, errors, dumpcap.linkType());
        } catch (CaptureFormatException e) {
            // No file header: dumpcap ended (or was ended by the watchdog) without capturing; it said why.
            process.destroyForcibly();
            waitQuietly(process);
            CaptureProblem problem = classify(settings, filter, errors.text());
            errors.delete();
            throw new CaptureUnavailableException(problem, e);
        } finally {
            watchdog.interrupt();
        }
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public void run(Receiver receiver) throws IOException {
        try {
            while (reader.next()) {
                receiver.frame(reader.timestampNanos(), reader.linkType(), reader.buffer(), reader.offset(),
                        reader.capturedLength(), reader.originalLength());
            }
        } catch (IOException e) {
            if (!interrupted) {
                throw e;
            }
        }
        if (!interrupted) {
            waitQuietly(process);
            throw new IOException("dumpcap stopped capturing: " + Dumpcap.firstMessage(errors.text())
                    + (reader.warnings().isEmpty() ? "" : " (" + String.join("; ", reader.warnings()) + ")"));
        }
    }

    @Override
    public synchronized void interrupt() {
        if (!interrupted) {
            interrupted = true;
            // SIGTERM, once: dumpcap finishes its file, prints its counters and exits, which ends the
            // stream that run() reads. A second signal while it finishes would cut its counters short.
            process.destroy();
        }
    }

    @Override
    public Counters counters() {
        waitQuietly(process);
        return counters(errors.text());
    }

    /** The counters in dumpcap's standard error, or unknown ones when it printed none. */
    static Counters counters(String errorText) {
        Matcher matcher = COUNTERS.matcher(errorText);
        if (!matcher.find()) {
            return Counters.unknown(SOURCE);
        }
        long dropped = Long.parseLong(matcher.group(2)) + Long.parseLong(matcher.group(3));
        return new Counters(SOURCE, Long.parseLong(matcher.group(1)), dropped, Long.parseLong(matcher.group(4)));
    }

    @Override
    public boolean receivedCountsOnlyDeliveredFrames() {
        return true;
    }

    @Override
    public void close() {
        interrupt();
        waitQuietly(process);
        process.destroyForcibly();
        errors.delete();
        try {
            reader.close();
        } catch (IOException e) {
            // The process is gone; nothing is left to release.
        }
    }

    /** What dumpcap's failure to start means, by its own words on standard error. */
    static CaptureProblem classify(CaptureSettings settings, String filter, String errorText) {
        String reason = Dumpcap.firstMessage(errorText);
        if (errorText.contains("Invalid capture filter")) {
            String detail = errorText.lines().map(String::strip).filter(line -> line.startsWith("That string isn"))
                    .findFirst().orElse(reason);
            return CaptureProblem.badFilter(filter, detail);
        }
        if (errorText.contains("No such device")) {
            return CaptureProblem.noSuchInterface(settings.interfaceName(), "");
        }
        return CaptureProblem.failed(settings.interfaceName(), "dumpcap: " + reason);
    }

    /** Ends a dumpcap that has not written its header in time, so that the blocked read returns. */
    private static Thread watchdog(Process process) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // The header came: dumpcap runs on.
            }
        }, "wirelab-dumpcap-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }

    private static void waitQuietly(Process process) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * dumpcap's standard error, sent to a temporary file: a thread reading the pipe loses the last
     * lines when the process ends (the JDK closes the pipe under it), and those carry the counters.
     */
    private static final class ErrorOutput {
        private static final int LIMIT = 64 << 10;
        private final Path file;

        private ErrorOutput(Path file) {
            this.file = file;
        }

        static ErrorOutput create() throws IOException {
            return new ErrorOutput(Files.createTempFile("wirelab-dumpcap-", ".txt"));
        }

        Redirect redirect() {
            return Redirect.to(file.toFile());
        }

        /** What dumpcap wrote so far (its first 64 KiB); all of it once the process has ended. */
        String text() {
            try (InputStream in = Files.newInputStream(file)) {
                return new String(in.readNBytes(LIMIT), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A few hundred bytes left in the temporary directory.
            }
        }
    }
}
