package org.wirelab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void eachNamedScenarioKnowsItsPortsAndItsCaptureFilter() {
        Scenarios.Parameters defaults = Scenarios.Parameters.DEFAULTS;
        assertEquals("tcp port 3000", Scenarios.named("tcp-hello", defaults).captureFilter());
        assertEquals("udp port 3000", Scenarios.named("udp-echo", defaults).captureFilter());
        assertEquals("tcp port 9090", Scenarios.named("chat", defaults).captureFilter());
        assertEquals("tcp port 8080", Scenarios.named("http-get", defaults).captureFilter());
        assertEquals("tcp port 3999", Scenarios.named("tcp-refused", defaults).captureFilter());
        assertEquals("tcp port 3000", Scenarios.named("tcp-bulk", defaults).captureFilter());
        assertEquals("udp port 3000", Scenarios.named("udp-burst", defaults).captureFilter());
        assertEquals(List.of(new PortUse(Transport.TCP, 9090)), Scenarios.chat().ports());
    }

    @Test
    void theFilterListsEveryPortOfAScenarioThatUsesSeveral() {
        Scenario two = new Scenario("two", "", List.of(
                new Step.Serve("web", Service.HTTP, 8080),
                new Step.Serve("echo", Service.LAB_UDP_ECHO, 3000),
                new Step.UdpSend("client", "echo", 3000, Payload.text("x"), 1)));
        assertEquals(List.of(new PortUse(Transport.UDP, 3000), new PortUse(Transport.TCP, 8080)), two.ports());
        assertEquals("udp port 3000 or tcp port 8080", two.captureFilter());
    }

    @Test
    void withPortsMovesEveryPortAndNothingElse() {
        Scenario moved = Scenarios.chat().withPorts(port -> port + 1);
        assertEquals(List.of(new PortUse(Transport.TCP, 9091)), moved.ports());
        assertEquals(Scenarios.chat().steps().size(), moved.steps().size());
        assertEquals(Scenarios.chat().actors(), moved.actors());
        assertEquals(Scenarios.chat().steps().get(2), moved.steps().get(2)); // a Receive has no port
    }

    @Test
    void theChatScenarioHasThreeClientsOneQuitAndOneVanishing() {
        Scenario chat = Scenarios.chat();
        assertEquals(List.of("server", "alice", "bob", "carol"), chat.actors());
        assertTrue(chat.steps().contains(new Step.Send("bob", Payload.text("quit"))));
        assertEquals(List.of(new Step.Abort("carol")),
                chat.steps().stream().filter(step -> step instanceof Step.Abort).toList());
    }

    @Test
    void descriptionsNoExecutorCouldRunAreRejected() {
        IllegalArgumentException neverConnected = assertThrows(IllegalArgumentException.class, () -> new Scenario("bad", "",
                List.of(new Step.Send("client", Payload.text("x")))));
        assertEquals("client uses a connection it never opened", neverConnected.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Scenario("bad", "",
                List.of(new Step.AwaitHandled("server", 1))));
        assertThrows(IllegalArgumentException.class, () -> new Scenario("bad", "", List.of(
                new Step.Connect("client", "server", 3000, ConnectResult.ESTABLISHED),
                new Step.Close("client"),
                new Step.Send("client", Payload.text("after close")))));
        assertThrows(IllegalArgumentException.class, () -> new Step.Serve("server", Service.HTTP, 0));
        assertThrows(IllegalArgumentException.class, () -> new Step.Serve("Server One", Service.HTTP, 80));
    }

    @Test
    void unknownNamesAndBadParametersSayWhatIsAllowed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.named("tcp-helo", Scenarios.Parameters.DEFAULTS));
        assertEquals("unknown scenario 'tcp-helo': choose one of tcp-hello, udp-echo, chat, http-get, tcp-refused,"
                + " tcp-bulk, udp-burst", unknown.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> Scenarios.udpBurst(10, 65_508));
        assertEquals("--size is from 1 to 65507 (the largest UDP payload): 65508", size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenarios.tcpBulk(0));
    }

    @Test
    void aTextPayloadIsItsUtf8Bytes() {
        Payload cafe = Payload.text("caf\u00e9");
        assertEquals(5, cafe.length());
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9}, cafe.bytes());
    }

    @Test
    void aRepeatedPayloadCopiedInPiecesEqualsTheRepeatedText() {
        Payload repeated = Payload.repeated("abc", 10);
        byte[] whole = "abcabcabca".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(whole, repeated.bytes());
        byte[] piece = new byte[4];
        repeated.copy(5, piece, 0, 4);
        assertArrayEquals(Arrays.copyOfRange(whole, 5, 9), piece);
        assertThrows(IndexOutOfBoundsException.class, () -> repeated.copy(8, piece, 0, 4));
        assertEquals(1L << 30, Payload.repeated("x", 1L << 30).length(), "long payloads are described, not stored");
    }

    @Test
    void theLogSaysWhoDidWhatAndWhetherItWentAsDescribed() {
        long[] now = {0};
        ScenarioLog.Recorder recorder = new ScenarioLog.Recorder("tcp-hello", () -> now[0]);
        recorder.add("server", ScenarioLog.Kind.OUTPUT, "TCP server listening on 127.0.0.1:3000");
        now[0] = 1_500_000;
        recorder.add("client", ScenarioLog.Kind.ACTION, "connected");
        assertFalse(recorder.failed());
        now[0] = 12_345_678;
        recorder.add("client", ScenarioLog.Kind.FAILURE, "nothing received");
        ScenarioLog log = recorder.log();
        assertFalse(log.succeeded());
        assertEquals(List.of(
                "     0.000 ms  server  TCP server listening on 127.0.0.1:3000",
                "     1.500 ms  client  connected",
                "    12.346 ms  client  FAILED: nothing received"), log.lines());
        assertEquals(2, log.of("client").size());
    }
}
