package org.wirelab.core.check;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.reassembly.Follow;
import org.wirelab.core.reassembly.ReassembledStream;
import org.wirelab.core.reassembly.StreamPiece;
import org.wirelab.core.summary.PacketTable;

/**
 * What one TCP connection of a capture did, read from its frames' flags in capture order: the three
 * segments of its handshake, the first FIN of each side, the first RST, and what each side delivered.
 * Frame values are 0-based indices, {@link #NONE} when the capture has no such frame.
 */
final class TcpConnection {
    static final int NONE = -1;

    final int stream;
    final Conversation conversation;
    /** The connection's frames, in capture order. */
    final List<Integer> frames = new ArrayList<>();
    int syn = NONE;
    int synAck = NONE;
    int handshakeAck = NONE;
    /** A RST from the server before any SYN-ACK: the connection was refused. */
    int refusal = NONE;
    int clientFin = NONE;
    int serverFin = NONE;
    int firstReset = NONE;
    private final CaptureAnalysis analysis;
    private ReassembledStream content;

    private TcpConnection(CaptureAnalysis analysis, int stream) {
        this.analysis = analysis;
        this.stream = stream;
        this.conversation = analysis.conversations().tcpConversation(stream);
    }

    /** Every TCP connection whose server (the side the SYN went to) has {@code port}, in stream order. */
    static List<TcpConnection> toPort(CaptureAnalysis analysis, int port) {
        ConversationIndex index = analysis.conversations();
        List<TcpConnection> all = new ArrayList<>();
        for (int s = 0; s < index.tcpStreamCount(); s++) {
            all.add(new TcpConnection(analysis, s));
        }
        for (int i = 0; i < analysis.size(); i++) {
            int s = index.tcpStream(i);
            if (s != ConversationIndex.NONE) {
                all.get(s).add(i);
            }
        }
        return all.stream().filter(c -> c.conversation.server().port() == port).toList();
    }

    private void add(int i) {
        frames.add(i);
        PacketTable table = analysis.packets();
        int flags = table.tcpFlags(i);
        boolean fromClient = fromClient(i);
        boolean syn = (flags & Tcp.SYN) != 0;
        boolean ack = (flags & Tcp.ACK) != 0;
        boolean rst = (flags & Tcp.RST) != 0;
        if (syn && !ack && fromClient && this.syn == NONE) {
            this.syn = i;
        } else if (syn && ack && !fromClient && this.syn != NONE && synAck == NONE) {
            synAck = i;
        } else if (!syn && !rst && ack && fromClient && synAck != NONE && handshakeAck == NONE) {
            handshakeAck = i;
        }
        if (rst && firstReset == NONE) {
            firstReset = i;
            if (!fromClient && this.syn != NONE && synAck == NONE) {
                refusal = i;
            }
        }
        if ((flags & Tcp.FIN) != 0) {
            if (fromClient && clientFin == NONE) {
                clientFin = i;
            } else if (!fromClient && serverFin == NONE) {
                serverFin = i;
            }
        }
    }

    boolean fromClient(int i) {
        return analysis.conversations().fromClient(i);
    }

    boolean established() {
        return handshakeAck != NONE;
    }

    /** The bytes the client (or the server) delivered to the other side's application, in order. */
    byte[] delivered(boolean byClient) {
        return content().bytes(node(byClient));
    }

    /** The frames that carried those bytes, in order (a frame listed once). */
    List<Integer> dataFrameNumbers(boolean byClient) {
        int node = node(byClient);
        List<Integer> numbers = new ArrayList<>();
        for (StreamPiece piece : content().pieces()) {
            if (piece.node() == node && piece instanceof StreamPiece.Data && !numbers.contains(piece.frameNumber())) {
                numbers.add(piece.frameNumber());
            }
        }
        return numbers;
    }

    /** The pieces of data the client (or the server) delivered, in order. */
    List<StreamPiece.Data> dataPieces(boolean byClient) {
        int node = node(byClient);
        List<StreamPiece.Data> data = new ArrayList<>();
        for (StreamPiece piece : content().pieces()) {
            if (piece.node() == node && piece instanceof StreamPiece.Data d) {
                data.add(d);
            }
        }
        return data;
    }

    /** Whether bytes of that side are missing from the capture or never joined the stream. */
    boolean hasHoles(boolean byClient) {
        int node = node(byClient);
        return !content().gaps(node).isEmpty() || content().unplaced().stream().anyMatch(d -> d.node() == node);
    }

    /**
     * The first frame of the other side acknowledging every byte {@code byClient}'s side sent
     * ({@code length} bytes after its SYN), or {@link #NONE}.
     */
    int acknowledgementOfAll(boolean byClient, long length) {
        ConversationIndex index = analysis.conversations();
        for (int i : frames) {
            if (fromClient(i) != byClient && (analysis.packets().tcpFlags(i) & Tcp.ACK) != 0
                    && Integer.toUnsignedLong(index.relativeAcknowledgement(i)) >= 1 + length) {
                return i;
            }
        }
        return NONE;
    }

    /** The frames of that side carrying data that tshark marks as retransmissions (fast or not), in order. */
    List<Integer> retransmissions(boolean byClient) {
        List<Integer> resent = new ArrayList<>();
        for (int i : frames) {
            if (fromClient(i) == byClient && analysis.packets().payloadLength(i) > 0
                    && (analysis.tcp().has(i, TcpExpert.RETRANSMISSION) || analysis.tcp().has(i, TcpExpert.FAST_RETRANSMISSION))) {
                resent.add(i);
            }
        }
        return resent;
    }

    /** The first frame after {@code after} sent by the given side with all of {@code flags} set, or {@link #NONE}. */
    int firstAfter(int after, boolean byClient, int flags) {
        for (int i : frames) {
            if (i > after && fromClient(i) == byClient && (analysis.packets().tcpFlags(i) & flags) == flags) {
                return i;
            }
        }
        return NONE;
    }

    /** The frame ending the connection for the sender of its first FIN or RST, or {@link #NONE}. */
    int end() {
        int end = NONE;
        for (int candidate : new int[] {clientFin, serverFin, firstReset}) {
            if (candidate != NONE && (end == NONE || candidate < end)) {
                end = candidate;
            }
        }
        return end;
    }

    private int node(boolean byClient) {
        int clientDirection = conversation.clientIsA() ? 0 : 1;
        int direction = byClient ? clientDirection : 1 - clientDirection;
        return direction == content().node0Direction() ? 0 : 1;
    }

    private ReassembledStream content() {
        if (content == null) {
            content = Follow.tcp(analysis, stream);
        }
        return content;
    }
}
