package org.wirelab.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.Endpoint;
import org.wirelab.core.analysis.IcmpQuote;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.tcpstate.TcpStateTimeline;

/**
 * Chooses what to say about a frame from the analysis: which event of the connection it is (opening,
 * accepting, completing the handshake, data, acknowledgement, closing, reset, retransmission...) and
 * the facts the sentences state. Every number comes from the frame or its analysis, never from a
 * pattern of what usually happens.
 */
final class SentencePicker {
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
    private final FrameDecoder decoder;
    private final TcpSentences tcpSentences;

    SentencePicker(CaptureAnalysis analysis, TcpStateTimeline states, FrameDecoder decoder) {
        this.analysis = analysis;
        this.packets = analysis.packets();
        this.conversations = analysis.conversations();
        this.decoder = decoder;
        this.tcpSentences = new TcpSentences(analysis, states);
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
        Conversation conversation = conversations.tcpConversation(conversations.tcpStream(i));
        List<Sentence> said = new ArrayList<>(tcpSentences.of(i, sender(conversation, i), receiver(conversation, i)));
        if (packets.payloadLength(i) > 0 && (packets.tcpFlags(i) & Tcp.RST) == 0) {
            application(i).ifPresent(said::add);
        }
        return said;
    }

    private List<Sentence> udp(int i) {
        Conversation conversation = conversations.udpConversation(conversations.udpStream(i));
        boolean first = conversation.firstFrameIndex() == analysis.frames().firstIndex() + i;
        List<Sentence> said = new ArrayList<>();
        said.add(Sentence.of(first ? "udp.first" : "udp", sender(conversation, i), receiver(conversation, i),
                (long) packets.payloadLength(i)));
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
        String icmp = v6 ? "ICMPv6" : "ICMP";
        if (type == (v6 ? ICMPV6_DESTINATION_UNREACHABLE : ICMP_DESTINATION_UNREACHABLE)) {
            if (code == (v6 ? ICMPV6_PORT_UNREACHABLE : ICMP_PORT_UNREACHABLE)) {
                List<Field> quotedPorts = frame.fields("udp.dstport");
                String port = quotedPorts.isEmpty() ? "?" : quotedPorts.get(quotedPorts.size() - 1).text();
                int quoted = IcmpQuote.quotedFrame(analysis.frames(), packets, i);
                return List.of(quoted < 0 ? Sentence.of("icmp.unreachable.port", Role.host(from), port, icmp)
                        : Sentence.of("icmp.unreachable.port.of", Role.host(from), port,
                                Integer.toString(analysis.frames().firstIndex() + quoted + 1), icmp));
            }
            return List.of(Sentence.of("icmp.unreachable", Role.host(from), codes.get(0).display(), icmp));
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
        DecodedFrame frame = decoder.decode(analysis.frames(), i);
        String opcode = frame.text("arp.opcode");
        String sender = frame.text("arp.src.proto_ipv4");
        String target = frame.text("arp.dst.proto_ipv4");
        if (!sender.isEmpty() && !target.isEmpty() && (opcode.equals("1") || opcode.equals("2"))) {
            // RFC 826: a request asks who has the target address, a reply gives the sender's MAC address.
            return List.of(opcode.equals("1")
                    ? Sentence.of("arp.request", sender, target, frame.text("arp.src.hw_mac"))
                    : Sentence.of("arp.reply", sender, frame.text("arp.src.hw_mac"), target));
        }
        return List.of(Sentence.of("frame.other", frame.summary()));
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


    private static String sourceAddress(DecodedFrame frame) {
        String v4 = frame.text("ip.src");
        String address = v4.isEmpty() ? frame.text("ipv6.src") : v4;
        int comma = address.indexOf(',');
        return comma < 0 ? address : address.substring(0, comma);
    }


}
