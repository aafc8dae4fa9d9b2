package org.wirelab.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.Endpoint;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.header.Tcp;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.tcpstate.StateChange;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.core.tcpstate.TcpStateTimeline;

/**
 * Chooses what to say about a frame from the analysis: which event of the connection it is (opening,
 * accepting, completing the handshake, data, acknowledgement, closing, reset, retransmission...) and
 * the facts the sentences state. Every number comes from the frame or its analysis, never from a
 * pattern of what usually happens.
 */
final class SentencePicker {
    /** A refused connection's RST follows the client's SYN(s) closely: look back this far at most. */
    private static final int REFUSAL_LOOKBACK = 8;
    private static final int ICMP_DESTINATION_UNREACHABLE = 3;
    private static final int ICMPV6_DESTINATION_UNREACHABLE = 1;
    private static final int ICMP_PORT_UNREACHABLE = 3;
    private static final int ICMPV6_PORT_UNREACHABLE = 4;
    private static final int ICMP_ECHO_REPLY = 0;
    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ICMPV6_ECHO_REQUEST = 128;
    private static final int ICMPV6_ECHO_REPLY = 129;

    private final CaptureAnalysis analysis;
    private final PacketTable packets;
    private final ConversationIndex conversations;
    private final TcpStateTimeline states;
    private final FrameDecoder decoder;

    SentencePicker(CaptureAnalysis analysis, TcpStateTimeline states, FrameDecoder decoder) {
        this.analysis = analysis;
        this.packets = analysis.packets();
        this.conversations = analysis.conversations();
        this.states = states;
        this.decoder = decoder;
    }

    List<Sentence> sentences(int i) {
        return switch (packets.transport(i)) {
            case PacketTable.TRANSPORT_TCP -> conversations.tcpStream(i) == ConversationIndex.NONE ? other(i) : tcp(i);
            case PacketTable.TRANSPORT_UDP -> conversations.udpStream(i) == ConversationIndex.NONE ? other(i) : udp(i);
            case PacketTable.TRANSPORT_ICMP, PacketTable.TRANSPORT_ICMPV6 -> icmp(i);
            default -> other(i);
        };
    }

    private List<Sentence> tcp(int i) {
        int flags = packets.tcpFlags(i);
        Conversation conversation = conversations.tcpConversation(conversations.tcpStream(i));
        Role sender = sender(conversation, i);
        Role receiver = receiver(conversation, i);
        long seqRaw = Integer.toUnsignedLong(packets.sequence(i));
        long ackRaw = Integer.toUnsignedLong(packets.acknowledgement(i));
        long seq = Integer.toUnsignedLong(conversations.relativeSequence(i));
        long ack = Integer.toUnsignedLong(conversations.relativeAcknowledgement(i));
        int length = packets.payloadLength(i);
        List<Sentence> said = new ArrayList<>();

        if (has(flags, Tcp.RST)) {
            if (answersUnansweredSyn(i, conversation)) {
                said.add(Sentence.of("tcp.rst.refused", sender, port(conversation.server())));
            } else {
                said.add(Sentence.of("tcp.rst", sender));
            }
            return said;
        }
        if (has(flags, Tcp.SYN) && !has(flags, Tcp.ACK)) {
            said.add(Sentence.of(retransmitted(i) ? "tcp.syn.again" : "tcp.syn", sender, receiver,
                    text(seqRaw), text(seqRaw + 1)));
            return said;
        }
        if (has(flags, Tcp.SYN)) {
            said.add(Sentence.of("tcp.synack", sender, text(ackRaw), text(seqRaw), text(seqRaw + 1)));
            return said;
        }
        if (retransmitted(i)) {
            said.add(Sentence.of("tcp.retransmission", sender, text(seq), text(length)));
            return said;
        }
        if (analysis.tcp().has(i, TcpExpert.DUPLICATE_ACK)) {
            said.add(Sentence.of("tcp.dupack", sender, text(analysis.tcp().duplicateAckNumber(i)), text(ack)));
            return said;
        }
        if (completesHandshake(i)) {
            said.add(Sentence.of("tcp.handshake.complete", sender, text(ack)));
        }
        if (length > 0) {
            said.add(Sentence.of("tcp.data", sender, text(length), text(seq), text(seq + length)));
            application(i).ifPresent(said::add);
        }
        if (has(flags, Tcp.FIN)) {
            said.add(Sentence.of("tcp.fin", sender, text(seq + length + 1)));
        } else if (length == 0 && said.isEmpty()) {
            said.add(Sentence.of(entersTimeWait(i, conversation) ? "tcp.ack.last" : "tcp.ack", sender, text(ack),
                    text(analysis.tcp().scaledWindow(packets, i))));
        }
        if (analysis.tcp().has(i, TcpExpert.ZERO_WINDOW)) {
            said.add(Sentence.of("tcp.window.zero", sender));
        }
        return said;
    }

    private List<Sentence> udp(int i) {
        Conversation conversation = conversations.udpConversation(conversations.udpStream(i));
        boolean first = conversation.firstFrameIndex() == i;
        List<Sentence> said = new ArrayList<>();
        said.add(Sentence.of(first ? "udp.first" : "udp", sender(conversation, i), receiver(conversation, i),
                text(packets.payloadLength(i))));
        application(i).ifPresent(said::add);
        return said;
    }

    private List<Sentence> icmp(int i) {
        DecodedFrame frame = decoder.decode(analysis.frames(), i);
        List<Field> types = frame.fields(packets.transport(i) == PacketTable.TRANSPORT_ICMP ? "icmp.type" : "icmpv6.type");
        List<Field> codes = frame.fields(packets.transport(i) == PacketTable.TRANSPORT_ICMP ? "icmp.code" : "icmpv6.code");
        if (types.isEmpty() || codes.isEmpty()) {
            return other(i);
        }
        boolean v6 = packets.transport(i) == PacketTable.TRANSPORT_ICMPV6;
        long type = (Long) types.get(0).value();
        long code = (Long) codes.get(0).value();
        String from = sourceAddress(frame);
        if (type == (v6 ? ICMPV6_DESTINATION_UNREACHABLE : ICMP_DESTINATION_UNREACHABLE)) {
            if (code == (v6 ? ICMPV6_PORT_UNREACHABLE : ICMP_PORT_UNREACHABLE)) {
                List<Field> quotedPorts = frame.fields("udp.dstport");
                String port = quotedPorts.isEmpty() ? "?" : quotedPorts.get(quotedPorts.size() - 1).text();
                return List.of(Sentence.of("icmp.unreachable.port", Role.host(from), port));
            }
            return List.of(Sentence.of("icmp.unreachable", Role.host(from), codes.get(0).display()));
        }
        if (type == (v6 ? ICMPV6_ECHO_REQUEST : ICMP_ECHO_REQUEST)) {
            return List.of(Sentence.of("icmp.echo.request", Role.host(from)));
        }
        if (type == (v6 ? ICMPV6_ECHO_REPLY : ICMP_ECHO_REPLY)) {
            return List.of(Sentence.of("icmp.echo.reply", Role.host(from)));
        }
        return List.of(Sentence.of("icmp.other", Role.host(from), types.get(0).display()));
    }

    private List<Sentence> other(int i) {
        return List.of(Sentence.of("frame.other", decoder.decode(analysis.frames(), i).summary()));
    }

    /** What the application layer carries, for the protocols the lab uses. */
    private Optional<Sentence> application(int i) {
        DecodedFrame frame = decoder.decode(analysis.frames(), i);
        String method = frame.text("http.request.method");
        if (!method.isEmpty()) {
            return Optional.of(Sentence.of("http.request", method, frame.text("http.request.uri")));
        }
        String status = frame.text("http.response.code");
        if (!status.isEmpty()) {
            return Optional.of(Sentence.of("http.response", status, frame.text("http.response.phrase")));
        }
        List<Field> messages = frame.fields("chat.message");
        if (!messages.isEmpty()) {
            return Optional.of(Sentence.of("chat.message", messages.get(0).text()));
        }
        return Optional.empty();
    }

    /** The third packet of the handshake: with it, the server's end goes from SYN-RECEIVED to ESTABLISHED. */
    private boolean completesHandshake(int i) {
        for (StateChange change : states.changes(i)) {
            if (change.from() == TcpState.SYN_RECEIVED && change.to() == TcpState.ESTABLISHED) {
                return true;
            }
        }
        return false;
    }

    private boolean entersTimeWait(int i, Conversation conversation) {
        for (StateChange change : states.changes(i)) {
            if (change.to() == TcpState.TIME_WAIT || change.from() == TcpState.LAST_ACK) {
                return true;
            }
        }
        return false;
    }

    /** An RST sent right after the peer's SYN(s), before any SYN+ACK: nothing listened on the port. */
    private boolean answersUnansweredSyn(int i, Conversation conversation) {
        int first = conversation.firstFrameIndex();
        if (i == first || i - first > REFUSAL_LOOKBACK) {
            return false;
        }
        int stream = conversations.tcpStream(i);
        for (int j = first; j < i; j++) {
            if (conversations.tcpStream(j) != stream) {
                continue;
            }
            int flags = packets.tcpFlags(j);
            if (!has(flags, Tcp.SYN) || has(flags, Tcp.ACK) || conversations.direction(j) == conversations.direction(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean retransmitted(int i) {
        return analysis.tcp().has(i, TcpExpert.RETRANSMISSION) || analysis.tcp().has(i, TcpExpert.FAST_RETRANSMISSION)
                || analysis.tcp().has(i, TcpExpert.SPURIOUS_RETRANSMISSION);
    }

    private Role sender(Conversation conversation, int i) {
        return role(conversation, conversations.direction(i) == 0 ? conversation.a() : conversation.b());
    }

    private Role receiver(Conversation conversation, int i) {
        return role(conversation, conversations.direction(i) == 0 ? conversation.b() : conversation.a());
    }

    private static Role role(Conversation conversation, Endpoint endpoint) {
        String address = endpoint.toString();
        return endpoint.equals(conversation.client()) ? Role.client(address) : Role.server(address);
    }

    private static String port(Endpoint endpoint) {
        return Integer.toString(endpoint.port());
    }

    private static String sourceAddress(DecodedFrame frame) {
        String v4 = frame.text("ip.src");
        String address = v4.isEmpty() ? frame.text("ipv6.src") : v4;
        int comma = address.indexOf(',');
        return comma < 0 ? address : address.substring(0, comma);
    }

    private static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    private static String text(long number) {
        return Long.toString(number);
    }
}
