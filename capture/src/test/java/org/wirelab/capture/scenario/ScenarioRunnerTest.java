package org.wirelab.capture.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.scenario.PortUse;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.scenario.ScenarioLog.Entry;
import org.wirelab.core.scenario.ScenarioLog.Kind;
import org.wirelab.core.scenario.Scenarios;

class ScenarioRunnerTest {

    /** The threads the lab's servers and the runner start; none may survive a run. */
    private static final List<String> THREAD_PREFIXES = List.of("chat-", "tcp-server", "tcp-sink-server",
            "udp-echo-server", "udp-sink-server", "HTTP-Dispatcher", "scenario-http-client");

    @AfterEach
    void everyServerThreadIsJoined() {
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> THREAD_PREFIXES.stream().anyMatch(name::startsWith)).toList();
        assertEquals(List.of(), left);
    }

    private static ScenarioLog run(Scenario scenario, IpVersion version) {
        List<Entry> heard = new ArrayList<>();
        ScenarioLog log = ScenarioRunner.run(FreePorts.remap(scenario, version),
                RunOptions.defaults().withIpVersion(version).withListener(heard::add));
        assertEquals(log.entries(), heard, "the listener hears every entry, in order");
        assertTrue(log.succeeded(), () -> String.join("\n", log.lines()));
        return log;
    }

    private static String loopback(IpVersion version) {
        return version == IpVersion.IPV4 ? "127.0.0.1" : "[::1]";
    }

    private static List<String> texts(ScenarioLog log, String actor, Kind kind) {
        return log.of(actor).stream().filter(entry -> entry.kind() == kind).map(Entry::text).toList();
    }

    /** The client's own address, as it logged it when connecting ("... from 127.0.0.1:41234"). */
    private static String clientAddress(ScenarioLog log, String actor) {
        Matcher from = Pattern.compile(" from (\\S+)$").matcher(texts(log, actor, Kind.ACTION).get(0));
        assertTrue(from.find(), log.lines().toString());
        return from.group(1);
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void tcpHelloDeliversHelloServeurToTheLabsServer(IpVersion version) {
        ScenarioLog log = run(Scenarios.tcpHello(), version);
        String client = clientAddress(log, "client");
        assertTrue(client.startsWith(loopback(version) + ":"), client);
        List<String> server = texts(log, "server", Kind.OUTPUT);
        assertTrue(server.contains("from " + client + ": \"hello serveur\\n\""), server.toString());
        assertTrue(server.contains("closed the connection with " + client), server.toString());
        assertEquals(List.of("connected to " + loopback(version) + ":" + log.entries().stream()
                        .map(Entry::text).filter(t -> t.startsWith("TCP server listening on ")).findFirst().orElseThrow()
                        .replaceFirst(".*:", "") + " from " + client,
                "sends 14 bytes \"hello serveur\\n\"", "closes the connection (FIN)"),
                texts(log, "client", Kind.ACTION));
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void udpEchoGetsTheLabsReply(IpVersion version) {
        ScenarioLog log = run(Scenarios.udpEcho(), version);
        List<String> client = texts(log, "client", Kind.ACTION);
        assertTrue(client.get(0).startsWith("sends 17 bytes \"Hello from client\" to " + loopback(version)), client.get(0));
        assertTrue(client.get(1).startsWith("received 15 bytes \"i am the server\" from " + loopback(version)), client.get(1));
        String clientAddress = clientAddress(log, "client");
        assertTrue(texts(log, "server", Kind.OUTPUT).contains("from " + clientAddress + ": \"Hello from client\""));
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void chatDeliversToEveryoneThenOneQuitsAndOneVanishes(IpVersion version) {
        ScenarioLog log = run(Scenarios.chat(), version);
        List<String> server = texts(log, "server", Kind.OUTPUT);
        assertTrue(server.contains("client 1 quit"), server.toString());
        assertTrue(server.stream().anyMatch(line -> line.startsWith("client 2 vanished: ")
                || line.equals("client 2 left without quit")), server.toString());
        assertTrue(server.contains("client 0 left without quit"), server.toString());
        assertTrue(texts(log, "carol", Kind.ACTION).contains("vanishes: its connection is reset (RST)"));
        assertTrue(texts(log, "bob", Kind.ACTION).contains("the peer closed the connection (end of stream: its FIN)"));
        // Everyone received each of the first three messages; alice alone the last one.
        for (String receiver : List.of("alice", "bob", "carol")) {
            List<String> received = texts(log, receiver, Kind.ACTION).stream().filter(t -> t.startsWith("received ")).toList();
            assertTrue(received.containsAll(List.of("received 18 bytes \"\\n>>hello everyone\\n\"",
                    "received 9 bytes \"\\n>>salut\\n\"", "received 8 bytes \"\\n>>ciao\\n\"", "received 8 bytes \"\\n>>quit\\n\"")),
                    receiver + ": " + received);
        }
        assertTrue(texts(log, "alice", Kind.ACTION).contains("received 17 bytes \"\\n>>anyone there?\\n\""));
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void httpGetIsAnswered200(IpVersion version) {
        ScenarioLog log = run(Scenarios.httpGet(), version);
        List<String> client = texts(log, "client", Kind.ACTION);
        assertEquals(1, client.size(), client.toString());
        assertTrue(client.get(0).matches("GET http://" + Pattern.quote(loopback(version)) + ":\\d+/: 200, 19 bytes \"hello from wirelab\\\\n\""),
                client.get(0));
        assertTrue(texts(log, "server", Kind.OUTPUT).stream().anyMatch(line -> line.matches("GET / from .*: answered 200")));
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void tcpRefusedGetsConnectionRefused(IpVersion version) {
        ScenarioLog log = run(Scenarios.tcpRefused(), version);
        List<String> client = texts(log, "client", Kind.ACTION);
        assertEquals(1, client.size());
        assertTrue(client.get(0).matches("connection to " + Pattern.quote(loopback(version))
                + ":\\d+ refused: the SYN was answered by RST \\(Connection refused\\)"), client.get(0));
    }

    @Test
    void tcpBulkDeliversEveryByte() {
        ScenarioLog log = run(Scenarios.tcpBulk(3_000_001), IpVersion.IPV4);
        assertTrue(texts(log, "client", Kind.ACTION).contains("sends 3000001 bytes"));
        String client = clientAddress(log, "client");
        assertTrue(texts(log, "server", Kind.OUTPUT).contains("received 3000001 bytes from " + client + ", then its FIN"),
                log.lines().toString());
    }

    @Test
    void udpBurstSendsEveryDatagramAndCountsWhatArrived() {
        ScenarioLog log = run(Scenarios.udpBurst(2_000, 200), IpVersion.IPV6);
        assertTrue(texts(log, "client", Kind.ACTION).get(0).startsWith("sent 2000 datagrams of 200 bytes to [::1]:"));
        String totals = texts(log, "server", Kind.OUTPUT).stream().filter(line -> line.startsWith("received ")).findFirst()
                .orElseThrow();
        Matcher counts = Pattern.compile("received (\\d+) datagrams, (\\d+) bytes; UDP sink stopped").matcher(totals);
        assertTrue(counts.matches(), totals);
        long datagrams = Long.parseLong(counts.group(1));
        assertEquals(datagrams * 200, Long.parseLong(counts.group(2)));
        boolean lossNoted = !texts(log, "server", Kind.NOTE).isEmpty();
        assertEquals(datagrams < 2_000, lossNoted, "a loss is noted exactly when datagrams are missing");
    }

    @Test
    void aRefusalThatDoesNotHappenIsAFailureAndStopsTheRun() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Scenario refused = Scenarios.tcpRefused().withPorts(port -> listening.getLocalPort());
            ScenarioLog log = ScenarioRunner.run(refused, RunOptions.defaults());
            assertFalse(log.succeeded());
            assertEquals("connected to 127.0.0.1:" + listening.getLocalPort() + ", but the scenario expects a refusal:"
                    + " something listens on that port", log.failures().get(0).text());
        }
    }

    @Test
    void aBusyPortFailsTheServeStepInOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Scenario hello = Scenarios.tcpHello().withPorts(port -> busy.getLocalPort());
            ScenarioLog log = ScenarioRunner.run(hello, RunOptions.defaults());
            assertEquals(1, log.entries().size(), log.lines().toString());
            assertEquals("TCP port " + busy.getLocalPort() + " on 127.0.0.1 is already in use by another program:"
                    + " stop it or choose another port with --port", log.failures().get(0).text());
        }
    }

    @Test
    void freePortsMovesEveryPortAndKeepsTheTransports() {
        Scenario lab = Scenarios.named(Scenarios.UDP_ECHO, Scenarios.Parameters.DEFAULTS);
        Scenario moved = FreePorts.remap(lab, IpVersion.IPV4);
        assertEquals(List.of(new PortUse(org.wirelab.core.scenario.Transport.UDP, LabProtocol.UDP_PORT)), lab.ports());
        assertEquals(1, moved.ports().size());
        assertNotEquals(LabProtocol.UDP_PORT, moved.ports().get(0).port());
        assertEquals(org.wirelab.core.scenario.Transport.UDP, moved.ports().get(0).transport());
    }
}
