package org.wirelab.capture.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.wirelab.capture.lab.Endpoints;
import org.wirelab.capture.lab.LabServer;
import org.wirelab.core.scenario.ConnectResult;
import org.wirelab.core.scenario.Messages;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.scenario.ScenarioLog.Kind;
import org.wirelab.core.scenario.Service;
import org.wirelab.core.scenario.Step;
import org.wirelab.core.scenario.StepFailed;
import org.wirelab.core.scenario.StepRunner;
import org.wirelab.core.scenario.StepWords;
import org.wirelab.core.scenario.Transport;

/** The sockets and servers of one scenario run, and how each step acts on them. */
final class Execution implements StepRunner<Exception>, AutoCloseable {
    private static final int CHUNK = 64 * 1024;
    /** How long a UDP server may receive nothing before the datagrams still missing count as lost. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(2);

    private final RunOptions options;
    private final ScenarioLog.Recorder recorder;
    private final InetAddress loopback;
    private final Map<String, LabServer> servers = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Socket> connections = new LinkedHashMap<>();
    private final Map<String, DatagramSocket> datagramSockets = new LinkedHashMap<>();
    private ExecutorService httpExecutor;

    Execution(RunOptions options, ScenarioLog.Recorder recorder) {
        this.options = options;
        this.recorder = recorder;
        this.loopback = FreePorts.loopback(options.ipVersion());
    }

    /** Performs the steps up to the first that does not go as described (logged as a FAILURE: core's policy). */
    void performUntilFailure(Iterable<Step> steps) {
        StepRunner.performUntilFailure(steps, this, (actor, why) -> log(actor, Kind.FAILURE, why));
    }

    @Override
    public void shutdown(Step.Shutdown shutdown) throws IOException {
        log(shutdown.actor(), Kind.ACTION, StepWords.SHUTS_DOWN);
        connections.get(shutdown.actor()).shutdownOutput();
    }

    @Override
    public void close(Step.Close close) throws IOException {
        log(close.actor(), Kind.ACTION, StepWords.CLOSES);
        connections.remove(close.actor()).close();
    }

    @Override
    public void abort(Step.Abort abort) throws IOException {
        log(abort.actor(), Kind.ACTION, StepWords.VANISHES);
        Socket socket = connections.remove(abort.actor());
        // SO_LINGER 0: close() discards what is unsent and sends RST, as the kernel does for a
        // program killed with data pending (RFC 9293 section 3.10.5, ABORT).
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void pause(Step.Pause pause) throws InterruptedException {
        // A pause is part of the scenario (spacing events in a capture), not a synchronisation.
        Thread.sleep(pause.duration().toMillis());
    }

    @Override
    public void serve(Step.Serve serve) throws IOException {
        LabServer server = ServerPrograms.create(serve.service(), address(serve.port()),
                line -> log(serve.actor(), Kind.OUTPUT, line));
        server.start();
        servers.put(serve.actor(), server);
        services.put(serve.actor(), serve.service());
    }

    @Override
    public void connect(Step.Connect connect) throws IOException {
        InetSocketAddress target = address(connect.port());
        Socket socket = new Socket();
        try {
            socket.connect(target, (int) options.stepTimeout().toMillis());
        } catch (ConnectException e) {
            socket.close();
            if (connect.expected() == ConnectResult.REFUSED) {
                log(connect.actor(), Kind.ACTION, StepWords.refused(Endpoints.text(target),
                        "the SYN was answered by RST (" + e.getMessage() + ")"));
                return;
            }
            throw new StepFailed("connection to " + Endpoints.text(target) + " refused (" + e.getMessage() + ")");
        }
        if (connect.expected() == ConnectResult.REFUSED) {
            socket.close();
            throw new StepFailed(StepWords.acceptedInsteadOfRefused(Endpoints.text(target)));
        }
        socket.setSoTimeout((int) options.stepTimeout().toMillis());
        connections.put(connect.actor(), socket);
        log(connect.actor(), Kind.ACTION, StepWords.connected(Endpoints.text(target),
                Endpoints.text(socket.getLocalSocketAddress())));
    }

    @Override
    public void send(Step.Send send) throws IOException {
        Socket socket = connections.get(send.actor());
        OutputStream out = socket.getOutputStream();
        Payload payload = send.payload();
        // Logged before writing, so that it precedes what the server prints on receiving it.
        log(send.actor(), Kind.ACTION, StepWords.sends(payload));
        byte[] chunk = new byte[(int) Math.min(CHUNK, payload.length())];
        for (long offset = 0; offset < payload.length(); offset += chunk.length) {
            int length = (int) Math.min(chunk.length, payload.length() - offset);
            payload.copy(offset, chunk, 0, length);
            out.write(chunk, 0, length);
        }
        out.flush();
    }

    @Override
    public void receive(Step.Receive receive) throws IOException {
        InputStream in = connections.get(receive.actor()).getInputStream();
        Payload expected = receive.expected();
        byte[] wanted = new byte[(int) Math.min(CHUNK, expected.length())];
        byte[] got = new byte[wanted.length];
        for (long offset = 0; offset < expected.length(); offset += wanted.length) {
            int length = (int) Math.min(wanted.length, expected.length() - offset);
            expected.copy(offset, wanted, 0, length);
            int read;
            try {
                read = in.readNBytes(got, 0, length);
            } catch (SocketTimeoutException e) {
                throw new StepFailed(StepWords.within(StepWords.nothingMoreReceived(expected), options.stepTimeout()));
            }
            if (read < length) {
                throw new StepFailed(StepWords.closedEarly(offset + read, expected.length()));
            }
            if (!Arrays.equals(wanted, 0, length, got, 0, length)) {
                throw new StepFailed(StepWords.mismatch(expected, got, 0, length, offset));
            }
        }
        log(receive.actor(), Kind.ACTION, StepWords.received(expected));
    }

    @Override
    public void receiveEnd(Step.ReceiveEnd end) throws IOException {
        InputStream in = connections.get(end.actor()).getInputStream();
        byte[] buffer = new byte[StepWords.SHOWN];
        int read;
        try {
            read = in.read(buffer);
        } catch (SocketTimeoutException e) {
            throw new StepFailed(StepWords.within(StepWords.PEER_DID_NOT_CLOSE, options.stepTimeout()));
        }
        if (read >= 0) {
            throw new StepFailed(StepWords.notTheEnd(buffer, 0, read));
        }
        log(end.actor(), Kind.ACTION, StepWords.PEER_CLOSED);
    }

    @Override
    public void udpSend(Step.UdpSend send) throws IOException {
        DatagramSocket socket = datagramSockets.get(send.actor());
        if (socket == null) {
            socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
            socket.setSoTimeout((int) options.stepTimeout().toMillis());
            datagramSockets.put(send.actor(), socket);
        }
        InetSocketAddress target = address(send.port());
        byte[] bytes = send.payload().bytes();
        DatagramPacket datagram = new DatagramPacket(bytes, bytes.length, target);
        String from = " from " + Endpoints.text(socket.getLocalSocketAddress());
        if (send.count() == 1) {
            log(send.actor(), Kind.ACTION, StepWords.sends(send.payload()) + " to " + Endpoints.text(target) + from);
        }
        long start = System.nanoTime();
        for (int i = 0; i < send.count(); i++) {
            socket.send(datagram);
        }
        long elapsed = System.nanoTime() - start;
        if (send.count() > 1) {
            log(send.actor(), Kind.ACTION, String.format("sent %d datagrams of %d bytes to %s%s in %.1f ms (%.0f datagrams/s)",
                    send.count(), bytes.length, Endpoints.text(target), from, elapsed / 1e6,
                    send.count() / Math.max(elapsed / 1e9, 1e-9)));
        }
    }

    @Override
    public void udpReceive(Step.UdpReceive receive) throws IOException {
        DatagramSocket socket = datagramSockets.get(receive.actor());
        byte[] buffer = new byte[65_536];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            if (receive.lostAfter() != null) {
                socket.setSoTimeout((int) Math.max(1, receive.lostAfter().toMillis()));
            }
            socket.receive(datagram);
            while (Messages.isEarlier(receive.expected(), buffer, 0, datagram.getLength())) {
                log(receive.actor(), Kind.NOTE, StepWords.earlierSkipped(StepWords.quoted(buffer, 0, 9)));
                socket.receive(datagram);
            }
        } catch (SocketTimeoutException e) {
            if (receive.lostAfter() != null) {
                log(receive.actor(), Kind.NOTE, StepWords.datagramLost(receive, StepWords.describe(receive.expected())));
                return;
            }
            throw new StepFailed(StepWords.within(StepWords.noDatagram(receive.expected()), options.stepTimeout()));
        } finally {
            socket.setSoTimeout((int) options.stepTimeout().toMillis());
        }
        byte[] wanted = receive.expected().bytes();
        if (!Arrays.equals(wanted, 0, wanted.length, buffer, 0, datagram.getLength())) {
            throw new StepFailed(StepWords.mismatch(receive.expected(), buffer, 0, datagram.getLength(), 0));
        }
        log(receive.actor(), Kind.ACTION, StepWords.received(receive.expected()) + " from "
                + Endpoints.text(datagram.getSocketAddress()));
    }

    @Override
    public void httpGet(Step.HttpGet get) throws IOException, InterruptedException {
        if (httpExecutor == null) {
            httpExecutor = Executors.newSingleThreadExecutor(task -> new Thread(task, "scenario-http-client"));
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // HTTP/2 would need TLS or an upgrade dance
                .connectTimeout(options.stepTimeout())
                .executor(httpExecutor)
                .build();
        URI uri = URI.create("http://" + Endpoints.text(address(get.port())) + get.path());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(options.stepTimeout()).GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        String text = StepWords.httpAnswer(uri.toString(), response.statusCode(), body);
        if (response.statusCode() != 200) {
            throw new StepFailed(text);
        }
        log(get.actor(), Kind.ACTION, text);
    }

    @Override
    public void awaitHandled(Step.AwaitHandled await) throws InterruptedException {
        LabServer server = servers.get(await.actor());
        if (services.get(await.actor()).transport() == Transport.UDP) {
            // A datagram dropped on the way never arrives: wait while the count still moves. The pause
            // that ends the wait is long enough that a server thread a loaded machine has not scheduled
            // yet is not taken for lost datagrams (they would still be in its socket's buffer).
            long before;
            do {
                before = server.handled();
            } while (!server.awaitHandled(await.count(), NO_PROGRESS) && server.handled() > before);
            long received = server.handled();
            if (received < await.count()) {
                log(await.actor(), Kind.NOTE, StepWords.datagramsLost(received, await.count()));
                return;
            }
        } else if (!server.awaitHandled(await.count(), options.stepTimeout())) {
            throw new StepFailed(StepWords.within(StepWords.finishedOnly(server.handled(), await.count()), options.stepTimeout()));
        }
        log(await.actor(), Kind.ACTION, StepWords.finished(await.count()));
    }

    private InetSocketAddress address(int port) {
        return new InetSocketAddress(loopback, port);
    }

    private void log(String actor, Kind kind, String text) {
        recorder.add(actor, kind, text, options.listener());
    }

    /** Closes the clients' sockets first (so servers see them leave), then stops the servers. */
    @Override
    public void close() {
        for (Socket socket : connections.values()) {
            closeQuietly(socket);
        }
        for (DatagramSocket socket : datagramSockets.values()) {
            socket.close();
        }
        List<LabServer> started = new ArrayList<>(servers.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        if (httpExecutor != null) {
            // shutdownNow() only asks: wait for the thread too, as the runner promises every thread joined.
            httpExecutor.shutdownNow();
            try {
                httpExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The run is over: nothing to do with a socket that fails to close.
        }
    }
}
