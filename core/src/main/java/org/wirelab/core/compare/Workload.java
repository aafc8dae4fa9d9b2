package org.wirelab.core.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.scenario.ConnectResult;
import org.wirelab.core.scenario.Messages;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Service;
import org.wirelab.core.scenario.Step;
import org.wirelab.core.scenario.Transport;

/**
 * The same work for UDP and for TCP: {@code messages} numbered {@link Messages} of {@code size} bytes
 * from a client to a server, either one way or each answered by its echo (the lab's UDP echo, message
 * by message). {@link #scenario} writes it as a scenario, so the live runner and the simulator run it.
 */
public record Workload(int messages, int size, Pattern pattern) {
    /** The actor that sends the messages (and receives their echoes). */
    public static final String CLIENT = "client";
    /** The actor that receives the messages (and sends their echoes). */
    public static final String SERVER = "server";
    /** The server's port for both transports (TCP and UDP ports are separate). */
    public static final int PORT = 3000;
    /** How long the UDP client waits for an echo before it takes the message as lost and sends the next. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    /** Enough for a benchmark, small enough that a scenario of that many steps stays light. */
    public static final int MAX_MESSAGES = 1_000_000;

    /** One way (the server only reads) or request/reply (the server sends each message back). */
    public enum Pattern { ONE_WAY, ECHO }

    public Workload {
        if (messages < 1 || messages > MAX_MESSAGES) {
            throw new IllegalArgumentException("a workload has 1 to " + MAX_MESSAGES + " messages: " + messages);
        }
        if (size < Messages.MIN_SIZE || size > Messages.MAX_SIZE) {
            throw new IllegalArgumentException("a message is " + Messages.MIN_SIZE + " to " + Messages.MAX_SIZE
                    + " bytes (a 9-byte header with its number, and a newline): " + size);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("a pattern is required");
        }
    }

    public boolean echo() {
        return pattern == Pattern.ECHO;
    }

    /** Message {@code index} as the client sends it. */
    public Payload message(int index) {
        return Payload.message(index, size, echo());
    }

    /** The workload over {@code transport}, as steps between the {@link #CLIENT} and the {@link #SERVER}. */
    public Scenario scenario(Transport transport) {
        List<Step> steps = new ArrayList<>();
        if (transport == Transport.TCP) {
            steps.add(new Step.Serve(SERVER, Service.TCP_MESSAGES, PORT));
            steps.add(new Step.Connect(CLIENT, SERVER, PORT, ConnectResult.ESTABLISHED));
            for (int i = 0; i < messages; i++) {
                steps.add(new Step.Send(CLIENT, message(i)));
                if (echo()) {
                    steps.add(new Step.Receive(CLIENT, message(i)));
                }
            }
            steps.add(new Step.Close(CLIENT));
        } else {
            steps.add(new Step.Serve(SERVER, Service.UDP_MESSAGES, PORT));
            for (int i = 0; i < messages; i++) {
                steps.add(new Step.UdpSend(CLIENT, SERVER, PORT, message(i), 1));
                if (echo()) {
                    steps.add(new Step.UdpReceive(CLIENT, message(i), REPLY_TIMEOUT));
                }
            }
        }
        // For UDP the wait ends when no more datagrams arrive: fewer than sent is loss, not a failure.
        steps.add(new Step.AwaitHandled(SERVER, messages));
        String what = messages + " messages of " + size + " bytes" + (echo() ? ", each echoed," : "");
        return new Scenario("compare-" + transport.filterName(), what + " over " + transport, steps);
    }
}
