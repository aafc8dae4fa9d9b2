package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Environment;

/**
 * The lab's own Python programs, taken from the lab's text, talk to the Java servers: proof that a
 * student can mix them. Only the port numbers are changed (to free ones).
 */
class LabPythonProgramsTest {

    private static List<String> programs() throws IOException {
        Path lab = Environment.shared().resolve("lab/TP-R107-programmation-reseau-python3.md");
        String text = Files.readString(lab, StandardCharsets.UTF_8);
        List<String> programs = new ArrayList<>();
        Matcher block = Pattern.compile("```\\s*\\n(#!/usr/bin/env python3.*?)```", Pattern.DOTALL).matcher(text);
        while (block.find()) {
            programs.add(block.group(1));
        }
        return programs;
    }

    /** The last complete program of the lab containing every marker (the lab shows drafts before the full code). */
    private static String program(String... markers) throws IOException {
        String found = null;
        for (String program : programs()) {
            boolean all = true;
            for (String marker : markers) {
                all &= program.contains(marker);
            }
            if (all) {
                found = program;
            }
        }
        assertTrue(found != null, "no program of the lab contains " + List.of(markers));
        return found;
    }

    private static Process python(String program, Path directory) throws IOException {
        try {
            new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException | InterruptedException e) {
            Environment.missing("python3 is not installed: the lab's Python programs cannot run");
        }
        Path file = Files.createTempFile(directory, "lab", ".py");
        Files.writeString(file, program, StandardCharsets.UTF_8);
        // -u: unbuffered, so that what the program prints arrives while it runs.
        return new ProcessBuilder("python3", "-u", file.toString()).redirectErrorStream(true).start();
    }

    private static String outputOf(Process process) throws Exception {
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the Python program did not end");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theLabsPythonClientsTalkToTheJavaServers(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        RecordedLines udpOut = new RecordedLines();
        RecordedLines tcpOut = new RecordedLines();
        try (UdpEchoServer udp = new UdpEchoServer(Loopback.ipv4AnyPort(), udpOut);
             TcpServer tcp = new TcpServer(Loopback.ipv4AnyPort(), tcpOut)) {
            udp.start();
            tcp.start();
            String udpClient = program("SOCK_DGRAM", "Hello from client", "client.recv(1024)")
                    .replace("3000", Integer.toString(udp.localAddress().getPort()));
            String reply = outputOf(python(udpClient, directory));
            assertEquals("Message du serveur :  i am the server\n", reply);
            udpOut.await(line -> line.endsWith(": \"Hello from client\""));

            String tcpClient = program("SOCK_STREAM", "hello serveur", "client.connect")
                    .replace("3000", Integer.toString(tcp.localAddress().getPort()));
            assertEquals("", outputOf(python(tcpClient, directory)));
            tcpOut.await(line -> line.endsWith(": \"hello serveur\\n\""));
        }
    }

    @Test
    void theLabsPythonChatClientGetsBroadcastsAndItsQuitWorksWithTheJavaServer(
            @org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        RecordedLines out = new RecordedLines();
        try (ChatServer server = new ChatServer(Loopback.ipv4AnyPort(), out)) {
            server.start();
            String client = program("myNumber", "ClientSocket.connect")
                    .replace("9090", Integer.toString(server.localAddress().getPort()));
            Process python = python(client, directory);
            BufferedReader printed = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("connected to Server !", printed.readLine());
            assertEquals("myNumber client received :  0", printed.readLine());
            try (RawChatClient java = new RawChatClient(server.localAddress())) {
                java.expect("1");
                java.send("bonjour");
                java.expect("\n>>bonjour\n");
                String line;
                while ((line = printed.readLine()) != null && !line.equals(">>bonjour")) {
                    // print() adds its own line end to the broadcast's: blank lines come first
                }
                assertEquals(">>bonjour", line);
                // The lab's client sends "quit" then its number; the lab's own server never honoured it.
                OutputStream keyboard = python.getOutputStream();
                keyboard.write("quit\n".getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                java.expect("\n>>quit\n");
                assertTrue(python.waitFor(20, TimeUnit.SECONDS));
                assertTrue(server.awaitHandled(1, RecordedLines.TIMEOUT));
                out.await("client 0 quit");
                assertEquals(1, server.connectedClients());
            } finally {
                python.destroyForcibly();
            }
        }
    }

    @Test
    void aChatClientProcessKilledMidSessionLeavesNoThreadAndTheOthersGoOn(
            @org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        RecordedLines out = new RecordedLines();
        try (ChatServer server = new ChatServer(Loopback.ipv4AnyPort(), out);
             RawChatClient staying = new RawChatClient(startAndReturn(server))) {
            staying.expect("0");
            String client = program("myNumber", "ClientSocket.connect")
                    .replace("9090", Integer.toString(server.localAddress().getPort()));
            Process python = python(client, directory);
            BufferedReader printed = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("connected to Server !", printed.readLine());
            assertEquals("myNumber client received :  1", printed.readLine());
            python.destroyForcibly(); // SIGKILL: the kernel closes the socket for the dead process
            assertTrue(python.waitFor(20, TimeUnit.SECONDS));
            assertTrue(server.awaitHandled(1, RecordedLines.TIMEOUT));
            assertEquals(1, server.connectedClients());
            assertEquals(1, server.openConnections());
            staying.send("still there");
            staying.expect("\n>>still there\n");
        }
    }

    private static java.net.InetSocketAddress startAndReturn(LabServer server) throws IOException {
        server.start();
        return server.localAddress();
    }
}
