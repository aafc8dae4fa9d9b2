package org.wirelab.core.protocol.udp;

import java.util.List;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.fields.ColumnField;
import org.wirelab.core.fields.ColumnSource;
import org.wirelab.core.fields.FieldValue;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.summary.PacketTable;

/**
 * UDP's fields the summary columns and the conversations answer without a tree: the outer header's ports and
 * length, the stream number, and the times packet-udp.c keeps per conversation (ts_first, ts_prev).
 */
public final class UdpColumns {
    public static final List<ColumnField> COLUMNS = List.of(
            ColumnField.outerHeaders(Udp.SRCPORT, c -> ifPorts(c, (out, i) -> out.append(c.packets().sourcePort(i)))),
            ColumnField.outerHeaders(Udp.DSTPORT, c -> ifPorts(c,
                    (out, i) -> out.append(c.packets().destinationPort(i)))),
            ColumnField.outerHeaders(Udp.PORT, c -> ifPorts(c, (out, i) -> out.append(c.packets().sourcePort(i))
                    .append(',').append(c.packets().destinationPort(i)))),
            ColumnField.outerHeaders(Udp.LENGTH_FIELD, c -> ifPorts(c, (out, i) -> {
                if (!c.packets().hasStatus(i, PacketTable.STATUS_TRANSPORT_TRUNCATED)) {
                    out.append(c.packets().udpLength(i));
                }
            })),
            ColumnField.conversation(Udp.STREAM, c -> (out, i) -> {
                int stream = c.conversations().udpStream(i);
                if (stream != ConversationIndex.NONE) {
                    out.append(stream);
                }
            }),
            ColumnField.everyFrame(Udp.TIME_RELATIVE, c -> streamTime(c, false)),
            ColumnField.everyFrame(Udp.TIME_DELTA, c -> streamTime(c, true)));

    private UdpColumns() {
    }

    /** {@code value} where the frame's outer UDP header shows its ports (not a later fragment, 4 bytes captured). */
    private static FieldValue ifPorts(ColumnSource c, FieldValue value) {
        return (out, i) -> {
            PacketTable packets = c.packets();
            if (packets.transport(i) == PacketTable.TRANSPORT_UDP && !packets.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)
                    && c.frames().capturedLength(i) - packets.transportOffset(i) >= 4) {
                value.appendTo(out, i);
            }
        };
    }

    /** Time since the stream's first datagram, or since its previous one ({@code delta}). */
    private static FieldValue streamTime(ColumnSource c, boolean delta) {
        return (out, i) -> {
            if (c.conversations().udpStream(i) == ConversationIndex.NONE) {
                return;
            }
            long since = delta ? c.analysis().times().previousInStreamNanos(i) : c.analysis().times().streamStartNanos(i);
            out.append(Timestamps.epochText(c.frames().timestampNanos(i) - since));
        };
    }
}
