package org.wirelab.core.compare;

import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.analysis.TcpSequenceAnalysis;
import org.wirelab.core.summary.PacketTable;

/**
 * The {@link FrameRole} of every frame of a capture, decided in one pass. For TCP the first rule that
 * applies wins: RST, SYN, a retransmission (tshark's tcp.analysis.retransmission, fast_retransmission or
 * spurious_retransmission), data, FIN, then for a pure ACK: the handshake's third segment (the
 * stream's first segment without SYN, with relative seq 1 and ack 1), an ACK of the peer's FIN
 * (teardown), or an ordinary ACK. A segment that carries data and a FIN counts as data; when the third
 * segment of a handshake already carries data, it counts as data.
 */
public final class FrameRoles {
    private static final int RETRANSMISSIONS = TcpExpert.RETRANSMISSION.bit() | TcpExpert.FAST_RETRANSMISSION.bit()
            | TcpExpert.SPURIOUS_RETRANSMISSION.bit();
    private static final FrameRole[] ROLES = FrameRole.values();

    private final byte[] roles;

    private FrameRoles(byte[] roles) {
        this.roles = roles;
    }

    public static FrameRoles of(CaptureAnalysis analysis) {
        PacketTable table = analysis.packets();
        ConversationIndex conversations = analysis.conversations();
        TcpSequenceAnalysis tcp = analysis.tcp();
        int streams = conversations.tcpStreamCount();
        // Per stream and direction: the relative sequence number just after that side's FIN (0: no FIN yet).
        long[] finEnd = new long[2 * streams];
        boolean[] handshakeDone = new boolean[streams];
        byte[] roles = new byte[analysis.size()];
        for (int i = 0; i < roles.length; i++) {
            FrameRole role;
            if (table.transport(i) == PacketTable.TRANSPORT_UDP) {
                role = FrameRole.DATA;
            } else if (table.transport(i) != PacketTable.TRANSPORT_TCP || conversations.tcpStream(i) < 0) {
                role = FrameRole.OTHER;
            } else {
                int stream = conversations.tcpStream(i);
                int side = 2 * stream + conversations.direction(i);
                int peer = 2 * stream + 1 - conversations.direction(i);
                int flags = table.tcpFlags(i);
                long sequence = Integer.toUnsignedLong(conversations.relativeSequence(i));
                long acknowledged = Integer.toUnsignedLong(conversations.relativeAcknowledgement(i));
                if ((flags & Tcp.RST) != 0) {
                    role = FrameRole.RESET;
                } else if ((flags & Tcp.SYN) != 0) {
                    role = FrameRole.HANDSHAKE;
                } else if ((tcp.expertBits(i) & RETRANSMISSIONS) != 0) {
                    role = FrameRole.RETRANSMISSION;
                } else if (table.payloadLength(i) > 0) {
                    role = FrameRole.DATA;
                } else if ((flags & Tcp.FIN) != 0) {
                    role = FrameRole.TEARDOWN;
                } else if (!handshakeDone[stream] && acknowledged == 1 && sequence == 1) {
                    role = FrameRole.HANDSHAKE;
                } else if (finEnd[peer] != 0 && acknowledged == finEnd[peer]) {
                    role = FrameRole.TEARDOWN;
                } else {
                    role = FrameRole.ACK;
                }
                handshakeDone[stream] |= (flags & Tcp.SYN) == 0;
                if ((flags & Tcp.FIN) != 0) {
                    finEnd[side] = sequence + table.payloadLength(i) + 1;
                }
            }
            roles[i] = (byte) role.ordinal();
        }
        return new FrameRoles(roles);
    }

    public FrameRole role(int i) {
        return ROLES[roles[i]];
    }

    public int size() {
        return roles.length;
    }
}
