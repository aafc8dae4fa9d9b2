package org.wirelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's own Python programs, taken from the lab's text (../shared/lab) as a student copies them, run
 * with python3: only the port numbers are changed, to free ones. Skips (or fails in CI) without python3.
 */
public final class LabPrograms {
    /**
     * How long a program may take to print a line, listen or end: python3 itself (through pyenv's shims
     * here) took 5.5 s to start at load 29, and a machine twenty times slower than a quiet one must pass.
     */
    private static final long TIMEOUT_SECONDS = 120;
    private static volatile boolean pythonFound;

    private LabPrograms() {
    }

    /** The last complete program of the lab containing every marker (the lab shows drafts before the full code). */
    public static String program(String... markers) {
        Path lab = Environment.shared().resolve("lab/TP-R107-programmation-reseau-python3.md");
        String text;
        try {
            text = Files.readString(lab, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String found = null;
        Matcher block = Pattern.compile("```\\s*\\n(#!/usr/bin/env python3.*?)```", Pattern.DOTALL).matcher(text);
        while (block.find()) {
            String program = block.group(1);
            if (List.of(markers).stream().allMatch(program::contains)) {
                found = program;
            }
        }
        assertTrue(found != null, "no program of the lab contains " + List.of(markers));
        return found;
    }

    public static String udpServer(int port) {
        return program("SOCK_DGRAM", "serveur.bind").replace("3000", Integer.toString(port));
    }

    public static String udpClient(int port) {
        return program("SOCK_DGRAM", "Hello from client", "client.recv(1024)").replace("3000", Integer.toString(port));
    }

    public static String tcpServer(int port) {
        return program("SOCK_STREAM", "serveur.accept()", "request.decode").replace("3000", Integer.toString(port));
    }

    public static String tcpClient(int port) {
        return program("SOCK_STREAM", "hello serveur", "client.connect").replace("3000", Integer.toString(port));
    }

    public static String chatServer(int port) {
        return program("ServerSocket.accept()", "threaded_client").replace("9090", Integer.toString(port));
    }

    public static String chatClient(int port) {
        return program("myNumber", "ClientSocket.connect").replace("9090", Integer.toString(port));
    }

    /** Starts {@code program} with {@code python3 -u} (unbuffered, so its lines arrive as it prints them). */
    public static Running start(String program, Path directory) throws IOException {
        requirePython();
        Path file = Files.createTempFile(directory, "lab", ".py");
        Files.writeString(file, program, StandardCharsets.UTF_8);
        return new Running(new ProcessBuilder("python3", "-u", file.toString()).redirectErrorStream(true).start());
    }

    /** Skips (or fails in CI) without python3; asked once, as each start of python3 costs seconds on a busy machine. */
    private static void requirePython() {
        if (pythonFound) {
            return;
        }
        try {
            Process version = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            pythonFound = version.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            pythonFound = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pythonFound) {
            Environment.missing("python3 is not installed: the lab's Python programs cannot run");
        }
    }

    /** A running Python program: what it prints, line by line, and its keyboard. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private Running(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the process is gone: nothing more to read
                }
            }, "python-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for a printed line that {@code expected} accepts, skipping the others. */
        public String awaitLine(Predicate<String> expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (expected.test(line)) {
                        return line;
                    }
                }
            }
            throw new AssertionError("the Python program never printed the line expected; it printed " + seen);
        }

        /**
         * Waits until a socket listens on TCP {@code port} (the kernel's table, /proc/net/tcp), without
         * connecting to it: the lab's servers print their line before listen(), and a trial connection
         * would be a client to them.
         */
        public void awaitListening(int port) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!listening(port)) {
                assertTrue(process.isAlive(), "the Python program ended before listening on " + port + "; it printed "
                        + seen + lines);
                assertTrue(System.nanoTime() < deadline, "nothing listens on TCP port " + port + " after "
                        + TIMEOUT_SECONDS + " s; the Python program printed " + seen + lines);
                Thread.sleep(20);
            }
        }

        /** Whether /proc/net/tcp or tcp6 lists a socket in state LISTEN (0A) on local port {@code port}. */
        private static boolean listening(int port) {
            String local = String.format(":%04X ", port);
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                try {
                    for (String row : Files.readAllLines(Path.of(table))) {
                        String[] columns = row.trim().split("\\s+");
                        if (columns.length > 3 && (columns[1] + " ").endsWith(local) && columns[3].equals("0A")) {
                            return true;
                        }
                    }
                } catch (IOException absent) {
                    // no IPv6 here: the other table answers
                }
            }
            return false;
        }

        /** Types {@code line} and Enter on the program's keyboard. */
        public void type(String line) throws IOException {
            OutputStream keyboard = process.getOutputStream();
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** Waits for the program to end by itself. */
        public void awaitExit() throws InterruptedException {
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the Python program did not end");
        }

        /** SIGKILL: the kernel closes the program's sockets for it. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            kill();
        }
    }
}
