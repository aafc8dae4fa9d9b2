package org.wirelab.core.scenario;

import static org.wirelab.core.scenario.ConnectResult.ESTABLISHED;
import static org.wirelab.core.scenario.ConnectResult.REFUSED;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.scenario.Step.Abort;
import org.wirelab.core.scenario.Step.AwaitHandled;
import org.wirelab.core.scenario.Step.Close;
import org.wirelab.core.scenario.Step.Connect;
import org.wirelab.core.scenario.Step.HttpGet;
import org.wirelab.core.scenario.Step.Receive;
import org.wirelab.core.scenario.Step.ReceiveEnd;
import org.wirelab.core.scenario.Step.Send;
import org.wirelab.core.scenario.Step.Serve;
import org.wirelab.core.scenario.Step.UdpReceive;
import org.wirelab.core.scenario.Step.UdpSend;

/**
 * The named scenarios of issue 3, built from the lab's programs: {@code tcp-hello}, {@code udp-echo},
 * {@code chat}, {@code http-get}, {@code tcp-refused}, {@code tcp-bulk} and {@code udp-burst}.
 */
public final class Scenarios {
    public static final String TCP_HELLO = "tcp-hello";
    public static final String UDP_ECHO = "udp-echo";
    public static final String CHAT = "chat";
    public static final String HTTP_GET = "http-get";
    public static final String TCP_REFUSED = "tcp-refused";
    public static final String TCP_BULK = "tcp-bulk";
    public static final String UDP_BURST = "udp-burst";

    /** The port of {@code http-get}, the usual one for a test web server. */
    public static final int HTTP_PORT = 8080;
    /** The port {@code tcp-refused} knocks on: nothing of the lab listens there. */
    public static final int REFUSED_PORT = 3999;
    /** The largest UDP payload over IPv4: 65535 - 20 (IP header) - 8 (UDP header). */
    public static final int MAX_UDP_PAYLOAD = 65_507;
    /** What {@code tcp-bulk} and {@code udp-burst} send, repeated: readable in a hex dump. */
    public static final String FILLER = "0123456789abcdefghijklmnopqrstuvwxyz\n";

    private Scenarios() {
    }

    /** The parameters of the sized scenarios; the others ignore them. */
    public record Parameters(long bytes, int count, int size) {
        public static final Parameters DEFAULTS = new Parameters(1_000_000, 1_000, 100);
        /** tcp-bulk's limit: enough to see window scaling and many segments, small enough for a sample. */
        public static final long MAX_BYTES = 1L << 30;
        public static final int MAX_COUNT = 10_000_000;

        public Parameters {
            if (bytes < 1 || bytes > MAX_BYTES) {
                throw new IllegalArgumentException("--bytes is from 1 to " + MAX_BYTES + ": " + bytes);
            }
            if (count < 1 || count > MAX_COUNT) {
                throw new IllegalArgumentException("--count is from 1 to " + MAX_COUNT + ": " + count);
            }
            if (size < 1 || size > MAX_UDP_PAYLOAD) {
                throw new IllegalArgumentException("--size is from 1 to " + MAX_UDP_PAYLOAD + " (the largest UDP payload): " + size);
            }
        }
    }

    /** The live scenarios' names, in {@link ScenarioCatalog}'s order. */
    public static List<String> names() {
        return ScenarioCatalog.names(ScenarioCatalog.live());
    }

    /** The scenario called {@code name}; an unknown name is an error that lists the known ones. */
    public static Scenario named(String name, Parameters parameters) {
        return switch (name) {
            case TCP_HELLO -> tcpHello();
            case UDP_ECHO -> udpEcho();
            case CHAT -> chat();
            case HTTP_GET -> httpGet();
            case TCP_REFUSED -> tcpRefused();
            case TCP_BULK -> tcpBulk(parameters.bytes());
            case UDP_BURST -> udpBurst(parameters.count(), parameters.size());
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "': choose one of "
                    + String.join(", ", names()));
        };
    }

    /** The lab's TCP client and server: handshake, {@code hello serveur\n}, teardown. */
    public static Scenario tcpHello() {
        int port = LabProtocol.TCP_PORT;
        return new Scenario(TCP_HELLO, "the lab's TCP client sends 'hello serveur\\n' to the lab's TCP server and closes",
                List.of(new Serve("server", Service.LAB_TCP_SERVER, port),
                        new Connect("client", "server", port, ESTABLISHED),
                        new Send("client", Payload.text(LabProtocol.TCP_MESSAGE)),
                        new Close("client"),
                        new AwaitHandled("server", 1)));
    }

    /** The lab's UDP client and server: one datagram each way. */
    public static Scenario udpEcho() {
        int port = LabProtocol.UDP_PORT;
        return new Scenario(UDP_ECHO, "the lab's UDP client sends 'Hello from client', the server answers 'i am the server'",
                List.of(new Serve("server", Service.LAB_UDP_ECHO, port),
                        new UdpSend("client", "server", port, Payload.text(LabProtocol.UDP_REQUEST), 1),
                        new UdpReceive("client", Payload.text(LabProtocol.UDP_REPLY)),
                        new AwaitHandled("server", 1)));
    }

    /**
     * The lab's chat: three clients get their numbers, each sends a message that all three receive;
     * bob quits (the server closes his connection), carol vanishes (RST), alice goes on, then leaves.
     */
    public static Scenario chat() {
        int port = LabProtocol.CHAT_PORT;
        List<String> everyone = List.of("alice", "bob", "carol");
        List<Step> steps = new ArrayList<>();
        steps.add(new Serve("server", Service.LAB_CHAT, port));
        for (int number = 0; number < everyone.size(); number++) {
            steps.add(new Connect(everyone.get(number), "server", port, ESTABLISHED));
            steps.add(new Receive(everyone.get(number), Payload.text(LabProtocol.chatNumber(number))));
        }
        broadcast(steps, "alice", "hello everyone", everyone);
        broadcast(steps, "bob", "salut", everyone);
        broadcast(steps, "carol", "ciao", everyone);
        // bob quits as the lab's client does: "quit", then his number (here once the quit is broadcast,
        // so that the two writes never share a segment and every run looks the same).
        broadcast(steps, "bob", LabProtocol.QUIT, everyone);
        steps.add(new Send("bob", Payload.text(LabProtocol.chatNumber(1))));
        steps.add(new ReceiveEnd("bob"));
        steps.add(new Close("bob"));
        steps.add(new Abort("carol"));
        steps.add(new AwaitHandled("server", 2));
        broadcast(steps, "alice", "anyone there?", List.of("alice"));
        steps.add(new Close("alice"));
        steps.add(new AwaitHandled("server", 3));
        return new Scenario(CHAT, "the lab's chat server and 3 clients: messages to all, bob quits, carol vanishes", steps);
    }

    private static void broadcast(List<Step> steps, String sender, String message, List<String> receivers) {
        steps.add(new Send(sender, Payload.text(message)));
        for (String receiver : receivers) {
            steps.add(new Receive(receiver, Payload.text(LabProtocol.chatBroadcast(message))));
        }
    }

    /** One HTTP/1.1 GET to a web server (the JDK's), answered 200. */
    public static Scenario httpGet() {
        return new Scenario(HTTP_GET, "an HTTP client sends GET / to a web server, which answers 200 and closes",
                List.of(new Serve("server", Service.HTTP, HTTP_PORT),
                        new HttpGet("client", "server", HTTP_PORT, "/"),
                        new AwaitHandled("server", 1)));
    }

    /** A connection attempt to a port where nothing listens: SYN answered by RST. */
    public static Scenario tcpRefused() {
        return new Scenario(TCP_REFUSED, "a client connects to a port where nothing listens: SYN, then RST",
                List.of(new Connect("client", "server", REFUSED_PORT, REFUSED)));
    }

    /** {@code bytes} bytes over one connection, then close: many segments, windows, ACKs. */
    public static Scenario tcpBulk(long bytes) {
        new Parameters(bytes, 1, 1);
        int port = LabProtocol.TCP_PORT;
        return new Scenario(TCP_BULK, "a client sends " + bytes + " bytes over one TCP connection, then closes",
                List.of(new Serve("server", Service.TCP_SINK, port),
                        new Connect("client", "server", port, ESTABLISHED),
                        new Send("client", Payload.repeated(FILLER, bytes)),
                        new Close("client"),
                        new AwaitHandled("server", 1)));
    }

    /** {@code count} datagrams of {@code size} bytes, sent as fast as the client can. */
    public static Scenario udpBurst(int count, int size) {
        new Parameters(1, count, size);
        int port = LabProtocol.UDP_PORT;
        return new Scenario(UDP_BURST, "a client sends " + count + " datagrams of " + size + " bytes as fast as it can",
                List.of(new Serve("server", Service.UDP_SINK, port),
                        new UdpSend("client", "server", port, Payload.repeated(FILLER, size), count),
                        new AwaitHandled("server", count)));
    }
}
