package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.wirelab.core.scenario.ConnectResult;
import org.wirelab.core.scenario.Messages;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.scenario.ScenarioLog.Kind;
import org.wirelab.core.scenario.Step;
import org.wirelab.core.scenario.StepFailed;
import org.wirelab.core.scenario.StepRunner;
import org.wirelab.core.scenario.StepWords;
import org.wirelab.core.scenario.Transport;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.net.Host;
import org.wirelab.simulator.tcp.ByteSource;
import org.wirelab.simulator.tcp.KeepAlive;
import org.wirelab.simulator.tcp.TcpEndpoint;
import org.wirelab.simulator.tcp.TcpHandler;
import org.wirelab.simulator.udp.UdpSocket;

/**
 * Runs a {@link Scenario}'s steps on simulated hosts, as the capture module's runner does on real
 * sockets: one step after the other, a waiting step running the simulation until it is satisfied or
 * its (virtual) timeout passes, the first step that does not go as described ending the run. The log
 * says the same things in the same words, stamped with virtual time.
 */
public final class SimulatedExecution implements StepRunner<RuntimeException> {
    private static final int CHUNK = 64 * 1024;
    /**
     * The time between two steps of a client program: a system call or two, as the live runner takes.
     * It is also the time between two writes of one Send step: the live client copies the next 64 KiB
     * of the payload into its array and calls write again (40 to 85 us between the last segment of a
     * write and the first of the next in live captures of tcp-bulk).
     */
    private static final long STEP_PACE_NANOS = 40_000;

    private final Simulator simulator;
    private final Host clients;
    private final Host servers;
    private final boolean ipv6;
    private final long stepTimeoutNanos;
    private final ReaderPace pace;
    /** The keep-alive each client turns on once connected; null: none. */
    private final KeepAlive keepAlive;
    private final ScenarioLog.Recorder recorder;
    private final Map<String, Program> programs = new HashMap<>();
    private final Map<String, Transport> transports = new HashMap<>();
    private final Map<String, Client> connections = new HashMap<>();
    private final Map<String, Datagrams> datagramSockets = new HashMap<>();

    public SimulatedExecution(Simulator simulator, Host clients, Host servers, boolean ipv6, long stepTimeoutNanos,
            ReaderPace pace, KeepAlive keepAlive, ScenarioLog.Recorder recorder) {
        this.pace = pace;
        this.keepAlive = keepAlive;
        this.simulator = simulator;
        this.clients = clients;
        this.servers = servers;
        this.ipv6 = ipv6;
        this.stepTimeoutNanos = stepTimeoutNanos;
        this.recorder = recorder;
    }

    /**
     * Runs every step until one fails (core's policy: {@link StepRunner#performUntilFailure}); then lets the
     * network finish what is in flight, up to {@code drainNanos}.
     */
    public void run(Scenario scenario, long drainNanos) {
        StepRunner.performUntilFailure(scenario.steps(), this, (actor, why) -> log(actor, Kind.FAILURE, why));
        simulator.runUntil(simulator.now() + drainNanos);
    }

    @Override
    public void beforeStep(Step step) {
        if (!(step instanceof Step.Serve || step instanceof Step.AwaitHandled || step instanceof Step.Pause)) {
            // A program takes a moment between two calls: the kernel goes on meanwhile (ACKs go out).
            simulator.runUntil(simulator.now() + STEP_PACE_NANOS);
        }
    }

    @Override
    public void serve(Step.Serve serve) {
        programs.put(serve.actor(), Programs.start(serve.service(), servers, ipv6, serve.port(), serve.actor(), pace,
                line -> log(serve.actor(), Kind.OUTPUT, line)));
        transports.put(serve.actor(), serve.service().transport());
    }

    @Override
    public void send(Step.Send send) {
        send(send.actor(), send.payload());
    }

    @Override
    public void receive(Step.Receive receive) {
        receive(receive.actor(), receive.expected());
    }

    @Override
    public void receiveEnd(Step.ReceiveEnd end) {
        receiveEnd(end.actor());
    }

    @Override
    public void shutdown(Step.Shutdown shutdown) {
        log(shutdown.actor(), Kind.ACTION, StepWords.SHUTS_DOWN);
        connections.get(shutdown.actor()).endpoint.shutdownOutput();
    }

    @Override
    public void close(Step.Close close) {
        log(close.actor(), Kind.ACTION, StepWords.CLOSES);
        connections.remove(close.actor()).endpoint.close();
    }

    @Override
    public void abort(Step.Abort abort) {
        log(abort.actor(), Kind.ACTION, StepWords.VANISHES);
        connections.remove(abort.actor()).endpoint.abort();
    }

    @Override
    public void pause(Step.Pause pause) {
        simulator.runUntil(simulator.now() + pause.duration().toNanos());
    }

    @Override
    public void connect(Step.Connect connect) {
        Client client = new Client(simulator);
        byte[] server = servers.address(ipv6);
        String target = Text.endpoint(server, connect.port());
        client.endpoint = clients.tcp().connect(server, connect.port(), connect.actor(), client);
        waitFor(() -> client.endpoint.state() != TcpState.SYN_SENT, "no answer to the connection to " + target);
        if (client.endpoint.state() == TcpState.CLOSED) {
            if (connect.expected() == ConnectResult.REFUSED) {
                log(connect.actor(), Kind.ACTION, StepWords.refused(target, client.failure));
                return;
            }
            throw new StepFailed("connection to " + target + " " + client.failure);
        }
        if (connect.expected() == ConnectResult.REFUSED) {
            client.endpoint.close();
            throw new StepFailed(StepWords.acceptedInsteadOfRefused(target));
        }
        if (keepAlive != null) {
            client.endpoint.keepAlive(keepAlive); // setsockopt after connect, as the reference's client
        }
        connections.put(connect.actor(), client);
        log(connect.actor(), Kind.ACTION, StepWords.connected(target, client.endpoint.localText()));
    }

    private void send(String actor, Payload payload) {
        Client client = connections.get(actor);
        log(actor, Kind.ACTION, StepWords.sends(payload));
        client.startWriting(payload);
        waitFor(() -> client.writeDone() || client.failure != null, "could not write " + StepWords.describe(payload));
        if (client.failure != null) {
            throw new StepFailed("write failed: " + client.failure);
        }
    }

    private void receive(String actor, Payload expected) {
        Client client = connections.get(actor);
        byte[] wanted = new byte[(int) Math.min(CHUNK, expected.length())];
        long[] offset = {0};
        String[] mismatch = {null};
        BooleanSupplier done = () -> {
            TcpEndpoint endpoint = client.endpoint;
            while (offset[0] < expected.length() && endpoint.readable() > 0 && mismatch[0] == null) {
                int length = (int) Math.min(wanted.length, Math.min(expected.length() - offset[0], endpoint.readable()));
                expected.copy(offset[0], wanted, 0, length);
                byte[] got = endpoint.read(length);
                if (!Arrays.equals(wanted, 0, length, got, 0, length)) {
                    mismatch[0] = StepWords.mismatch(expected, got, 0, got.length, offset[0]);
                }
                offset[0] += length;
            }
            return offset[0] == expected.length() || mismatch[0] != null || endpoint.endOfStream()
                    || client.failure != null;
        };
        waitFor(done, StepWords.nothingMoreReceived(expected));
        if (mismatch[0] != null) {
            throw new StepFailed(mismatch[0]);
        }
        if (offset[0] < expected.length()) {
            throw new StepFailed(client.failure != null ? client.failure
                    : StepWords.closedEarly(offset[0], expected.length()));
        }
        log(actor, Kind.ACTION, StepWords.received(expected));
    }

    private void receiveEnd(String actor) {
        Client client = connections.get(actor);
        waitFor(() -> client.endpoint.readable() > 0 || client.endpoint.endOfStream() || client.failure != null,
                StepWords.PEER_DID_NOT_CLOSE);
        if (client.endpoint.readable() > 0) {
            byte[] got = client.endpoint.read(StepWords.SHOWN);
            throw new StepFailed(StepWords.notTheEnd(got, 0, got.length));
        }
        if (client.failure != null) {
            throw new StepFailed(client.failure);
        }
        log(actor, Kind.ACTION, StepWords.PEER_CLOSED);
    }

    /**
     * How long the lab's client takes from one datagram to the next when it sends "as fast as it can":
     * a sendto call and the loop around it, 17 us between most datagrams of the live capture
     * samples/scenarios/udp-burst.pcap (the Python client on this project's machine).
     */
    static final long DATAGRAM_SEND_NANOS = 17_000;

    @Override
    public void udpSend(Step.UdpSend send) {
        Datagrams socket = datagramSockets.computeIfAbsent(send.actor(), actor -> new Datagrams());
        byte[] server = servers.address(ipv6);
        String target = Text.endpoint(server, send.port());
        String from = " from " + Text.endpoint(clients.address(ipv6), socket.socket.port());
        byte[] bytes = send.payload().bytes();
        if (send.count() == 1) {
            log(send.actor(), Kind.ACTION, StepWords.sends(send.payload()) + " to " + target + from);
        }
        long start = simulator.now();
        for (int i = 0; i < send.count(); i++) {
            if (i > 0) {
                // The program's next sendto, once the call before it has returned (an event marks the
                // moment: with nothing else to happen the clock would not move).
                simulator.schedule(DATAGRAM_SEND_NANOS, () -> { });
                simulator.runUntil(simulator.now() + DATAGRAM_SEND_NANOS);
            }
            socket.socket.send(server, send.port(), bytes);
        }
        if (send.count() > 1) {
            log(send.actor(), Kind.ACTION, String.format("sent %d datagrams of %d bytes to %s%s in %.1f ms (virtual time)",
                    send.count(), bytes.length, target, from, (simulator.now() - start) / 1e6));
        }
    }

    @Override
    public void udpReceive(Step.UdpReceive receive) {
        Datagrams socket = datagramSockets.get(receive.actor());
        Datagram datagram = nextDatagram(receive, socket);
        if (datagram == null) {
            return;
        }
        byte[] wanted = receive.expected().bytes();
        if (!Arrays.equals(wanted, datagram.payload)) {
            throw new StepFailed(StepWords.mismatch(receive.expected(), datagram.payload, 0, datagram.payload.length, 0));
        }
        log(receive.actor(), Kind.ACTION, StepWords.received(receive.expected()) + " from "
                + Text.endpoint(datagram.source, datagram.port));
    }

    /**
     * The next datagram for the step, skipping earlier messages (late replies, duplicates); null when
     * the step's loss timeout passed first (noted, not a failure).
     */
    private Datagram nextDatagram(Step.UdpReceive receive, Datagrams socket) {
        while (true) {
            if (receive.lostAfter() == null) {
                waitFor(() -> !socket.received.isEmpty(), StepWords.noDatagram(receive.expected()));
            } else if (!awaitDatagram(socket, receive.lostAfter().toNanos())) {
                log(receive.actor(), Kind.NOTE, StepWords.datagramLost(receive, StepWords.describe(receive.expected())));
                return null;
            }
            Datagram datagram = socket.received.poll();
            if (!Messages.isEarlier(receive.expected(), datagram.payload, 0, datagram.payload.length)) {
                return datagram;
            }
            log(receive.actor(), Kind.NOTE, StepWords.earlierSkipped(StepWords.quoted(datagram.payload, 0, 9)));
        }
    }

    /**
     * Waits up to {@code timeoutNanos} for a datagram. The client's timer is an event of its own, so the
     * clock reaches the deadline even when nothing else is left to happen: a client that gives up after
     * a second has waited a second.
     */
    private boolean awaitDatagram(Datagrams socket, long timeoutNanos) {
        long deadline = simulator.now() + timeoutNanos;
        simulator.scheduleAt(deadline, () -> { });
        return simulator.run(() -> !socket.received.isEmpty(), deadline);
    }

    /** An HTTP/1.1 client: connect, GET with {@code Connection: close}, read the answer to its end, close. */
    @Override
    public void httpGet(Step.HttpGet get) {
        Client client = new Client(simulator);
        byte[] server = servers.address(ipv6);
        String authority = Text.endpoint(server, get.port());
        client.endpoint = clients.tcp().connect(server, get.port(), get.actor(), client);
        waitFor(() -> client.endpoint.state() != TcpState.SYN_SENT, "no answer from " + authority);
        if (client.failure != null) {
            throw new StepFailed("connection to " + authority + " " + client.failure);
        }
        // What the live runner's client, the JDK's HttpClient, writes.
        String request = "GET " + get.path() + " HTTP/1.1\r\nContent-Length: 0\r\nHost: " + authority
                + "\r\nUser-Agent: Java-http-client/" + System.getProperty("java.version") + "\r\n\r\n";
        client.endpoint.write(request.getBytes(StandardCharsets.US_ASCII));
        StringBuilder response = new StringBuilder();
        waitFor(() -> {
            response.append(new String(client.endpoint.read(Integer.MAX_VALUE - 8), StandardCharsets.ISO_8859_1));
            return client.endpoint.endOfStream() || client.failure != null;
        }, "no complete answer from " + authority);
        client.endpoint.close();
        String text = response.toString();
        String statusLine = text.contains("\r\n") ? text.substring(0, text.indexOf("\r\n")) : text;
        String[] parts = statusLine.split(" ");
        int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
        String body = text.contains("\r\n\r\n") ? text.substring(text.indexOf("\r\n\r\n") + 4) : "";
        byte[] bodyBytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String line = StepWords.httpAnswer("http://" + authority + get.path(), status, bodyBytes);
        if (status != 200) {
            throw new StepFailed(line);
        }
        log(get.actor(), Kind.ACTION, line);
    }

    @Override
    public void awaitHandled(Step.AwaitHandled await) {
        Program program = programs.get(await.actor());
        if (transports.get(await.actor()) == Transport.UDP) {
            // A datagram lost on the way never arrives: wait until the network has nothing left in flight.
            simulator.run(() -> program.handled() >= await.count(), simulator.now() + stepTimeoutNanos);
            long received = program.handled();
            if (received < await.count()) {
                log(await.actor(), Kind.NOTE, StepWords.datagramsLost(received, await.count()));
                return;
            }
        } else {
            waitFor(() -> program.handled() >= await.count(),
                    StepWords.finishedOnly(program.handled(), await.count()));
        }
        log(await.actor(), Kind.ACTION, StepWords.finished(await.count()));
    }

    private void waitFor(BooleanSupplier condition, String failure) {
        if (!simulator.run(condition, simulator.now() + stepTimeoutNanos)) {
            throw new StepFailed(StepWords.within(failure, Duration.ofNanos(stepTimeoutNanos))
                    + (simulator.idle() ? " (nothing left to happen)" : ""));
        }
    }

    private void log(String actor, Kind kind, String text) {
        recorder.add(actor, kind, text);
    }

    /**
     * A client actor's connection: writes a payload as the live client does, one write call of up to
     * 64 KiB at a time, the next one a moment later or when room appears; remembers why it failed.
     */
    private static final class Client implements TcpHandler {
        private final Simulator simulator;
        TcpEndpoint endpoint;
        String failure;
        private Payload writing;
        private ByteSource writingBytes;
        private long written;
        private boolean nextWriteScheduled;

        Client(Simulator simulator) {
            this.simulator = simulator;
        }

        void startWriting(Payload payload) {
            writing = payload;
            // A repeated unit says so, and TCP's segments of it share arrays instead of copying each.
            writingBytes = payload instanceof Payload.Repeated repeated
                    ? ByteSource.repeating(payload::copy, repeated.unit().length()) : payload::copy;
            written = 0;
            writeNext();
        }

        boolean writeDone() {
            return writing == null || written == writing.length();
        }

        @Override
        public void writable(TcpEndpoint connection) {
            writeNext();
        }

        /** One write call. Each is a send of its own to the TCP: where it ends, the data is pushed. */
        private void writeNext() {
            if (writeDone() || nextWriteScheduled) {
                return;
            }
            int taken = endpoint.write(writingBytes, written, (int) Math.min(CHUNK, writing.length() - written));
            written += taken;
            if (taken > 0 && !writeDone()) {
                nextWriteScheduled = true;
                simulator.schedule(STEP_PACE_NANOS, () -> {
                    nextWriteScheduled = false;
                    writeNext();
                });
            }
        }

        @Override
        public void failed(TcpEndpoint connection, String reason) {
            failure = reason;
        }
    }

    private record Datagram(byte[] source, int port, byte[] payload) {
    }

    private final class Datagrams {
        final ArrayDeque<Datagram> received = new ArrayDeque<>();
        final UdpSocket socket = clients.udp().bindEphemeral((socket, source, port, payload) ->
                received.add(new Datagram(source, port, payload)));
    }
}
