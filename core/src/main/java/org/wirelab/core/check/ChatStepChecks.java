package org.wirelab.core.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.reassembly.StreamPiece;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.text.PrintableText;

/**
 * The chat step of the lab: multiThreadServerSocketTCP.py greets each client with its number, relays
 * every message a client sends to every connected client as {@code \n>>message\n}, and its clients
 * leave by typing {@code quit} (then send their number). One check per client joining, one per message
 * sent, one per client leaving. A message is one segment of a client's data, as the server's
 * {@code recv(2048)} usually reads it.
 */
final class ChatStepChecks {
    private static final byte[] EMPTY_BROADCAST = LabProtocol.chatBroadcast("").getBytes(StandardCharsets.US_ASCII);

    private final CaptureAnalysis analysis;
    private final int port;
    private final Words words;
    private List<Client> clients;

    /** One client's connection and the number the server gave it (-1 before it has one). */
    private record Client(TcpConnection connection, long number, int numberFrame) {
        String label(Words words) {
            return number >= 0 ? words.format("chat.client", number)
                    : words.format("chat.client.unnumbered", connection.conversation.client());
        }

        /** Whether this client had its number and had not left when frame {@code frameNumber} was sent. */
        boolean connectedAt(int frameNumber) {
            int end = connection.end();
            return numberFrame >= 1 && numberFrame < frameNumber && (end == TcpConnection.NONE || end + 1 > frameNumber);
        }
    }

    ChatStepChecks(CaptureAnalysis analysis, int port, Words words) {
        this.analysis = analysis;
        this.port = port;
        this.words = words;
    }

    List<Check> run() {
        clients = new ArrayList<>();
        for (TcpConnection c : TcpConnection.toPort(analysis, port)) {
            clients.add(greeting(c));
        }
        if (clients.isEmpty()) {
            return List.of(new Check("chat.joined", false, words.format("chat.joined.none.title"),
                    words.format("chat.joined.none", port) + OtherPorts.hint(analysis, port, true, words), List.of()));
        }
        List<Check> checks = new ArrayList<>();
        for (Client client : clients) {
            checks.add(joined(client));
        }
        List<Check> messages = new ArrayList<>();
        for (Client client : clients) {
            messages.addAll(messages(client));
        }
        // In the order they were sent: each message check's first frame is the one that carried it.
        messages.sort(java.util.Comparator.comparing(check -> check.frames().get(0)));
        checks.addAll(messages);
        for (Client client : clients) {
            if (client.connection.established()) {
                checks.add(left(client));
            }
        }
        return checks;
    }

    /** The number the server sent first on this connection: its leading decimal digits. */
    private static Client greeting(TcpConnection c) {
        List<StreamPiece.Data> pieces = c.established() ? c.dataPieces(false) : List.of();
        if (pieces.isEmpty()) {
            return new Client(c, -1, -1);
        }
        byte[] first = pieces.get(0).bytes();
        int digits = 0;
        while (digits < first.length && digits < 9 && Character.isDigit(first[digits])) {
            digits++;
        }
        if (digits == 0) {
            return new Client(c, -1, -1);
        }
        return new Client(c, Long.parseLong(new String(first, 0, digits, StandardCharsets.US_ASCII)),
                pieces.get(0).frameNumber());
    }

    private Check joined(Client client) {
        TcpConnection c = client.connection;
        String who = client.label(words);
        String title = words.format("chat.joined", who);
        if (c.refusal != TcpConnection.NONE) {
            return new Check("chat.joined", false, title, words.format("chat.joined.refused", words.frame(c.syn),
                    words.frame(c.refusal), port), TcpStepChecks.numbers(c.syn, c.refusal));
        }
        if (!c.established()) {
            return new Check("chat.joined", false, title, words.format("chat.joined.incomplete",
                    c.conversation.client()), TcpStepChecks.numbers(c.frames.get(0)));
        }
        List<Integer> handshake = TcpStepChecks.numbers(c.syn, c.synAck, c.handshakeAck);
        if (client.number < 0) {
            return new Check("chat.joined", false, title, words.format("chat.joined.nonumber",
                    c.conversation.client(), words.frames(handshake)), handshake);
        }
        List<Integer> frames = new ArrayList<>(handshake);
        frames.add(client.numberFrame);
        return new Check("chat.joined", true, title, words.format("chat.joined.done", c.conversation.client(),
                words.frames(handshake), client.number, words.format("frame", client.numberFrame)), frames);
    }

    private List<Check> messages(Client sender) {
        List<Check> checks = new ArrayList<>();
        boolean afterQuit = false;
        for (StreamPiece.Data piece : sender.connection.established() ? sender.connection.dataPieces(true)
                : List.<StreamPiece.Data>of()) {
            byte[] bytes = piece.bytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (afterQuit && text.strip().chars().allMatch(Character::isDigit) && !text.isBlank()) {
                continue;   // the lab's client sends its number after quit: not a message to relay
            }
            afterQuit = isQuit(text);
            checks.add(relayed(sender, piece.frameNumber(), bytes));
        }
        return checks;
    }

    private Check relayed(Client sender, int frame, byte[] message) {
        String quoted = PrintableText.quoted(message);
        String title = words.format("chat.message", sender.label(words), quoted);
        List<String> reached = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<Integer> frames = new ArrayList<>(List.of(frame));
        byte[] broadcast = broadcast(message);
        // A server that honours quit may relay a quit as plain "quit", without the number sent with it.
        byte[] quit = broadcast(LabProtocol.QUIT.getBytes(StandardCharsets.US_ASCII));
        boolean isQuit = isQuit(new String(message, StandardCharsets.UTF_8));
        for (Client recipient : clients) {
            if (!recipient.connectedAt(frame)) {
                continue;
            }
            int at = deliveryFrame(recipient, frame, broadcast);
            if (at < 0 && isQuit) {
                at = deliveryFrame(recipient, frame, quit);
            }
            if (at < 0) {
                missed.add(recipient.label(words));
            } else {
                reached.add(words.format("chat.reached.one", recipient.label(words), words.format("frame", at)));
                frames.add(at);
            }
        }
        if (!missed.isEmpty()) {
            return new Check("chat.message", false, title, words.format("chat.message.missed", words.format("frame", frame),
                    String.join(", ", missed), PrintableText.quoted(broadcast)), frames);
        }
        if (reached.isEmpty()) {
            return new Check("chat.message", false, title, words.format("chat.message.nobody",
                    words.format("frame", frame)), frames);
        }
        return new Check("chat.message", true, title, words.format(reached.size() == 1 ? "chat.message.reached.one"
                : "chat.message.reached", words.format("frame", frame), reached.size(), String.join(", ", reached)), frames);
    }

    /**
     * The frame (number) from which the server's bytes to {@code recipient}, sent after frame
     * {@code after}, contain {@code broadcast}; -1 when they never do.
     */
    private static int deliveryFrame(Client recipient, int after, byte[] broadcast) {
        List<StreamPiece.Data> later = recipient.connection.dataPieces(false).stream()
                .filter(p -> p.frameNumber() > after).toList();
        byte[] joined = concat(later);
        int found = indexOf(joined, broadcast, 0);
        if (found < 0) {
            return -1;
        }
        long offset = 0;
        for (StreamPiece.Data piece : later) {
            offset += piece.length();
            if (found < offset) {
                return piece.frameNumber();
            }
        }
        return later.get(later.size() - 1).frameNumber();
    }

    private Check left(Client client) {
        TcpConnection c = client.connection;
        String title = words.format("chat.left", client.label(words));
        int quit = quitFrame(c);
        int end = c.end();
        if (end == TcpConnection.NONE) {
            return new Check("chat.left", true, title, words.format("chat.left.open"), List.of());
        }
        List<Integer> emptyBroadcasts = c.clientFin == TcpConnection.NONE ? List.of() : emptyBroadcastsAfter(c.clientFin + 1);
        if (!emptyBroadcasts.isEmpty() && c.serverFin == TcpConnection.NONE) {
            List<Integer> frames = new ArrayList<>(List.of(c.clientFin + 1));
            frames.addAll(emptyBroadcasts);
            String key = quit > 0 ? "chat.left.bug.quit" : "chat.left.bug.noquit";
            return new Check("chat.left", false, title, words.format(key, quit > 0 ? words.format("frame", quit) : "",
                    words.frame(c.clientFin), emptyBroadcasts.size() == 1 ? words.format("times.one")
                    : words.format("times", emptyBroadcasts.size()), words.frames(emptyBroadcasts)), frames);
        }
        int answer = quit > 0 ? serverDataAfter(c, quit) : -1;
        if (answer > 0 && c.firstReset != TcpConnection.NONE && c.fromClient(c.firstReset) && c.firstReset + 1 > answer) {
            // The lab's client exits right after sending quit. On a busy machine the server's answer then
            // reaches a closed socket, or waits unread when it closes: its kernel resets the connection,
            // after its own FIN or instead of it, and the server's FIN may never be sent. The user quit all the same.
            return new Check("chat.left", true, title, words.format("chat.left.quit.reset", words.format("frame", quit),
                    words.format("frame", answer), words.frame(c.firstReset)), List.of(quit, answer, c.firstReset + 1));
        }
        if (end == c.firstReset) {
            boolean byClient = c.fromClient(end);
            return new Check("chat.left", false, title, words.format(byClient ? "chat.left.reset.client"
                    : "chat.left.reset.server", words.frame(end)), TcpStepChecks.numbers(end));
        }
        if (quit > 0 && c.clientFin != TcpConnection.NONE && c.serverFin != TcpConnection.NONE) {
            int first = Math.min(c.clientFin, c.serverFin);
            int second = Math.max(c.clientFin, c.serverFin);
            List<Integer> frames = new ArrayList<>(List.of(quit));
            frames.addAll(TcpStepChecks.numbers(first, second));
            return new Check("chat.left", true, title, words.format(first == c.serverFin ? "chat.left.quit.server"
                    : "chat.left.quit.client", words.format("frame", quit), words.frame(first), words.frame(second)), frames);
        }
        if (quit > 0) {
            int fin = end;
            return new Check("chat.left", false, title, words.format("chat.left.quit.half", words.format("frame", quit),
                    words.frame(fin)), TcpStepChecks.numbers(fin));
        }
        if (end == c.clientFin) {
            return new Check("chat.left", false, title, words.format("chat.left.noquit", words.frame(end)),
                    TcpStepChecks.numbers(end));
        }
        return new Check("chat.left", false, title, words.format("chat.left.closedbyserver", words.frame(end)),
                TcpStepChecks.numbers(end));
    }

    /** The first frame (number) after {@code after} in which the server sent data on this connection, or -1. */
    private static int serverDataAfter(TcpConnection c, int after) {
        for (StreamPiece.Data piece : c.dataPieces(false)) {
            if (piece.frameNumber() > after) {
                return piece.frameNumber();
            }
        }
        return -1;
    }

    /** The frame (number) that carried the client's {@code quit}, or -1. */
    private static int quitFrame(TcpConnection c) {
        for (StreamPiece.Data piece : c.dataPieces(true)) {
            if (isQuit(new String(piece.bytes(), StandardCharsets.UTF_8))) {
                return piece.frameNumber();
            }
        }
        return -1;
    }

    /** {@code quit}, as the lab's client sends it, netcat's {@code quit\n}, or quit and the number in one segment. */
    private static boolean isQuit(String text) {
        String stripped = text.strip();
        return stripped.startsWith(LabProtocol.QUIT)
                && stripped.substring(LabProtocol.QUIT.length()).chars().allMatch(Character::isDigit);
    }

    /** The frames (numbers) after {@code after} in which the server relays an empty message, to anyone. */
    private List<Integer> emptyBroadcastsAfter(int after) {
        List<Integer> frames = new ArrayList<>();
        for (Client client : clients) {
            if (!client.connection.established()) {
                continue;
            }
            for (StreamPiece.Data piece : client.connection.dataPieces(false)) {
                if (piece.frameNumber() > after && indexOf(piece.bytes(), EMPTY_BROADCAST, 0) >= 0) {
                    frames.add(piece.frameNumber());
                }
            }
        }
        frames.sort(null);
        return frames;
    }

    private static byte[] broadcast(byte[] message) {
        byte[] prefix = LabProtocol.CHAT_BROADCAST_PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = LabProtocol.CHAT_BROADCAST_SUFFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(prefix, prefix.length + message.length + suffix.length);
        System.arraycopy(message, 0, all, prefix.length, message.length);
        System.arraycopy(suffix, 0, all, prefix.length + message.length, suffix.length);
        return all;
    }

    private static byte[] concat(List<StreamPiece.Data> pieces) {
        int length = 0;
        for (StreamPiece.Data piece : pieces) {
            length += (int) piece.length();
        }
        byte[] all = new byte[length];
        int at = 0;
        for (StreamPiece.Data piece : pieces) {
            byte[] bytes = piece.bytes();
            System.arraycopy(bytes, 0, all, at, bytes.length);
            at += bytes.length;
        }
        return all;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
