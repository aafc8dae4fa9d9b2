package org.wirelab.core.check;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.text.PrintableText;

/**
 * The TCP step of the lab: simpleclientSocket.py connects to simpleServeurSocket.py, sends its message
 * with sendall and closes. Checks the handshake, the message (reassembled, as the server's recv reads
 * it) and the teardown of the connection to the server's port that shows the most of that.
 */
final class TcpStepChecks {
    private final CaptureAnalysis analysis;
    private final int port;
    private final Words words;

    TcpStepChecks(CaptureAnalysis analysis, int port, Words words) {
        this.analysis = analysis;
        this.port = port;
        this.words = words;
    }

    List<Check> run() {
        List<TcpConnection> connections = TcpConnection.toPort(analysis, port);
        if (connections.isEmpty()) {
            String hint = OtherPorts.hint(analysis, port, true, words);
            return List.of(
                    fail("handshake", words.format("tcp.handshake.none", port) + hint, List.of()),
                    fail("message", words.get("tcp.message.noconnection"), List.of()),
                    fail("teardown", words.get("tcp.teardown.noconnection"), List.of()));
        }
        TcpConnection connection = mostComplete(connections);
        List<Check> checks = new ArrayList<>();
        checks.add(handshake(connection, connections.size()));
        checks.add(message(connection));
        checks.add(teardown(connection));
        return checks;
    }

    /** The first connection that carried the client's data, else the first established, else the first. */
    private static TcpConnection mostComplete(List<TcpConnection> connections) {
        for (TcpConnection c : connections) {
            if (c.established() && c.delivered(true).length > 0) {
                return c;
            }
        }
        return connections.stream().filter(TcpConnection::established).findFirst().orElse(connections.get(0));
    }

    private Check handshake(TcpConnection c, int count) {
        String between = words.format("tcp.between", c.conversation.client(), c.conversation.server());
        String note = count > 1 ? words.format("tcp.handshake.several", count, port) : "";
        if (c.refusal != TcpConnection.NONE) {
            return fail("handshake", words.format("tcp.handshake.refused", words.frame(c.syn), words.frame(c.refusal), port),
                    numbers(c.syn, c.refusal));
        }
        if (c.syn == TcpConnection.NONE) {
            return fail("handshake", words.format("tcp.handshake.nosyn", between), numbers(c.frames.get(0)));
        }
        if (c.synAck == TcpConnection.NONE) {
            return fail("handshake", words.format("tcp.handshake.unanswered", words.frame(c.syn), port), numbers(c.syn));
        }
        if (c.handshakeAck == TcpConnection.NONE) {
            return fail("handshake", words.format("tcp.handshake.noack", words.frames(numbers(c.syn, c.synAck))),
                    numbers(c.syn, c.synAck));
        }
        List<Integer> frames = numbers(c.syn, c.synAck, c.handshakeAck);
        return pass("handshake", words.format("tcp.handshake.done", between, words.frames(frames)) + note, frames);
    }

    private Check message(TcpConnection c) {
        if (!c.established()) {
            return fail("message", words.get("tcp.message.noconnection"), List.of());
        }
        byte[] bytes = c.delivered(true);
        if (bytes.length == 0) {
            int end = c.end();
            return fail("message", words.get("tcp.message.nothing"), end == TcpConnection.NONE ? List.of() : numbers(end));
        }
        List<Integer> carried = c.dataFrameNumbers(true);
        String text = PrintableText.quoted(bytes);
        if (c.hasHoles(true)) {
            return fail("message", words.format("tcp.message.holes", text, words.frames(carried)), carried);
        }
        int ack = c.acknowledgementOfAll(true, bytes.length);
        if (ack == TcpConnection.NONE) {
            return fail("message", words.format("tcp.message.unacknowledged", bytes.length, text, words.frames(carried)),
                    carried);
        }
        List<Integer> frames = new ArrayList<>(carried);
        List<Integer> resent = c.retransmissions(true);
        String note = "";
        if (!resent.isEmpty()) {
            List<Integer> resentNumbers = resent.stream().map(i -> i + 1).toList();
            frames.addAll(resentNumbers);
            note = words.format("tcp.message.resent", words.frames(resentNumbers));
        }
        frames.add(ack + 1);
        return pass("message", words.format("tcp.message.whole", text, bytes.length, words.frames(carried),
                words.frame(ack)) + note, frames);
    }

    private Check teardown(TcpConnection c) {
        if (c.refusal != TcpConnection.NONE || !c.established()) {
            return fail("teardown", words.get("tcp.teardown.noconnection"), List.of());
        }
        if (c.firstReset != TcpConnection.NONE) {
            boolean byClient = c.fromClient(c.firstReset);
            return fail("teardown", words.format(byClient ? "tcp.teardown.reset.client" : "tcp.teardown.reset.server",
                    words.frame(c.firstReset)), numbers(c.firstReset));
        }
        if (c.clientFin == TcpConnection.NONE && c.serverFin == TcpConnection.NONE) {
            return fail("teardown", words.get("tcp.teardown.open"), List.of());
        }
        if (c.clientFin == TcpConnection.NONE || c.serverFin == TcpConnection.NONE) {
            boolean clientClosed = c.clientFin != TcpConnection.NONE;
            int fin = clientClosed ? c.clientFin : c.serverFin;
            return fail("teardown", words.format(clientClosed ? "tcp.teardown.half.client" : "tcp.teardown.half.server",
                    words.frame(fin)), numbers(fin));
        }
        boolean clientFirst = c.clientFin < c.serverFin;
        int first = Math.min(c.clientFin, c.serverFin);
        int second = Math.max(c.clientFin, c.serverFin);
        int lastAck = c.firstAfter(second, clientFirst, org.wirelab.core.protocol.tcp.Tcp.ACK);
        if (lastAck == TcpConnection.NONE) {
            return fail("teardown", words.format("tcp.teardown.lastack", words.frame(second)), numbers(first, second));
        }
        return pass("teardown", words.format(clientFirst ? "tcp.teardown.clean.client" : "tcp.teardown.clean.server",
                words.frame(first), words.frame(second), words.frame(lastAck)), numbers(first, second, lastAck));
    }

    private Check pass(String id, String detail, List<Integer> frames) {
        return new Check("tcp." + id, true, words.format("tcp." + id), detail, frames);
    }

    private Check fail(String id, String detail, List<Integer> frames) {
        return new Check("tcp." + id, false, words.format("tcp." + id), detail, frames);
    }

    /** Frame numbers (from 1) of 0-based indices. */
    static List<Integer> numbers(int... indices) {
        List<Integer> numbers = new ArrayList<>();
        for (int i : indices) {
            numbers.add(i + 1);
        }
        return numbers;
    }
}
