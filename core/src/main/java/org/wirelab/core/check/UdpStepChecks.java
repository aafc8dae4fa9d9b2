package org.wirelab.core.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.text.PrintableText;

/**
 * The UDP step of the lab: simpleUDPclient.py sends one datagram to simpleUDPServeur.py, which answers
 * to the address it came from. UDP has no handshake and no acknowledgement: a reply is the only proof
 * that the server got the request, and an ICMP port unreachable the only sign that nothing listened.
 */
final class UdpStepChecks {
    private final CaptureAnalysis analysis;
    private final int port;
    private final Words words;

    UdpStepChecks(CaptureAnalysis analysis, int port, Words words) {
        this.analysis = analysis;
        this.port = port;
        this.words = words;
    }

    List<Check> run() {
        PacketTable table = analysis.packets();
        ConversationIndex index = analysis.conversations();
        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            if (index.udpStream(i) != ConversationIndex.NONE && table.destinationPort(i) == port
                    && table.sourcePort(i) != port) {
                requests.add(i);
            }
        }
        if (requests.isEmpty()) {
            String hint = OtherPorts.hint(analysis, port, false, words);
            return List.of(fail("request", words.format("udp.request.none", port) + hint, List.of()),
                    fail("reply", words.get("udp.reply.norequest"), List.of()),
                    fail("text", words.get("udp.text.noreply"), List.of()));
        }
        List<Check> checks = new ArrayList<>();
        int first = requests.get(0);
        String note = requests.size() > 1 ? words.format("udp.request.several", requests.size()) : "";
        checks.add(pass("request", words.format("udp.request.sent", words.frame(first), endpoint(first, true), port,
                PrintableText.quoted(payload(first)), table.payloadLength(first)) + note, List.of(first + 1)));

        List<Integer> replies = new ArrayList<>();
        for (int request : requests) {
            int reply = replyTo(request);
            if (reply == -1) {
                checks.add(unanswered(request));
                checks.add(fail("text", words.get("udp.text.noreply"), List.of()));
                return checks;
            }
            replies.add(reply);
        }
        int reply = replies.get(0);
        checks.add(pass("reply", words.format("udp.reply.sent", words.frame(reply), port, endpoint(reply, false),
                words.frame(first)), List.of(first + 1, reply + 1)));
        byte[] text = payload(reply);
        checks.add(text.length == 0
                ? fail("text", words.format("udp.text.empty", words.frame(reply)), List.of(reply + 1))
                : pass("text", words.format("udp.text.said", PrintableText.quoted(text), text.length, words.frame(reply)),
                        List.of(reply + 1)));
        return checks;
    }

    /** The first datagram after {@code request} in its flow, from the server's port back to the client's. */
    private int replyTo(int request) {
        PacketTable table = analysis.packets();
        ConversationIndex index = analysis.conversations();
        int flow = index.udpStream(request);
        for (int i = request + 1; i < analysis.size(); i++) {
            if (index.udpStream(i) == flow && table.sourcePort(i) == port
                    && table.destinationPort(i) == table.sourcePort(request)) {
                return i;
            }
        }
        return -1;
    }

    private Check unanswered(int request) {
        int unreachable = PortUnreachable.find(analysis, request, port);
        if (unreachable != -1) {
            return fail("reply", words.format("udp.reply.unreachable", words.frame(unreachable), words.frame(request), port),
                    List.of(request + 1, unreachable + 1));
        }
        return fail("reply", words.format("udp.reply.none", words.frame(request), port), List.of(request + 1));
    }

    private String endpoint(int i, boolean source) {
        var conversation = analysis.conversations().udpConversation(analysis.conversations().udpStream(i));
        boolean fromA = analysis.conversations().direction(i) == 0;
        return String.valueOf(fromA == source ? conversation.a() : conversation.b());
    }

    private byte[] payload(int i) {
        PacketTable table = analysis.packets();
        int start = analysis.frames().offset(i) + table.transportOffset(i) + 8;
        int end = analysis.frames().offset(i) + analysis.frames().capturedLength(i);
        int length = Math.max(0, Math.min(table.payloadLength(i), end - start));
        return Arrays.copyOfRange(analysis.frames().buffer(i), start, start + length);
    }

    private Check pass(String id, String detail, List<Integer> frames) {
        return new Check("udp." + id, true, words.format("udp." + id), detail, frames);
    }

    private Check fail(String id, String detail, List<Integer> frames) {
        return new Check("udp." + id, false, words.format("udp." + id), detail, frames);
    }
}
