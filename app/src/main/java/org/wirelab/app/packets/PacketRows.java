package org.wirelab.app.packets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wirelab.source.Capture;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.fields.Field;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.ladder.TcpInfoText;
import org.wirelab.core.summary.PacketTable;

/**
 * The packet list's columns for one frame: number, time, source, destination, protocol, length and
 * info. Numbers and addresses come from the field catalog (tshark's values); protocol and info from
 * the frame's decoded summary, decoded only for the rows on screen and kept for the last few hundred.
 */
public final class PacketRows {
    private static final int CACHED = 512;
    private final Capture capture;
    private final FrameDecoder decoder = FrameDecoder.standard();
    private final Field time;
    private final Field ipSource;
    private final Field ipDestination;
    private final Field ipv6Source;
    private final Field ipv6Destination;
    private final Map<Integer, DecodedFrame> decoded = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, DecodedFrame> eldest) {
            return size() > CACHED;
        }
    };

    public PacketRows(Capture capture) {
        this.capture = capture;
        this.time = capture.catalog().field("frame.time_relative");
        this.ipSource = capture.catalog().field("ip.src");
        this.ipDestination = capture.catalog().field("ip.dst");
        this.ipv6Source = capture.catalog().field("ipv6.src");
        this.ipv6Destination = capture.catalog().field("ipv6.dst");
    }

    public int size() {
        return capture.size();
    }

    public String number(int index) {
        return Integer.toString(index + 1);
    }

    /** Seconds since the first frame, to the microsecond. */
    public String time(int index) {
        String text = time.text(index);
        int dot = text.indexOf('.');
        return dot >= 0 && text.length() > dot + 7 ? text.substring(0, dot + 7) : text;
    }

    public String source(int index) {
        return address(ipSource.text(index), ipv6Source.text(index));
    }

    public String destination(int index) {
        return address(ipDestination.text(index), ipv6Destination.text(index));
    }

    public String protocol(int index) {
        DecodedFrame frame = decoded(index);
        return frame.layers().isEmpty() ? "" : frame.layers().get(frame.layers().size() - 1).protocol();
    }

    public String length(int index) {
        return Integer.toString(capture.frames().originalLength(index));
    }

    /**
     * A TCP segment as the ladder labels it (relative numbers, as tshark's Info column) after its ports;
     * any other frame as its innermost layer's summary.
     */
    public String info(int index) {
        PacketTable packets = capture.analysis().packets();
        if (packets.transport(index) != PacketTable.TRANSPORT_TCP
                || !TcpReach.hasValidHeaderLength(capture.frames(), packets, index)) {
            return decoded(index).summary();
        }
        ConversationIndex conversations = capture.analysis().conversations();
        FrameStore frames = capture.frames();
        int relativeAck = conversations.relativeAcknowledgement(index);
        return packets.sourcePort(index) + " \u2192 " + packets.destinationPort(index) + "  "
                + TcpInfoText.label(packets.tcpFlags(index), Integer.toUnsignedLong(conversations.relativeSequence(index)),
                        Integer.toUnsignedLong(relativeAck), capture.analysis().tcp().scaledWindow(packets, index),
                        packets.payloadLength(index), frames.buffer(index), frames.offset(index) + packets.transportOffset(index),
                        frames.offset(index) + frames.capturedLength(index), packets.acknowledgement(index) - relativeAck);
    }

    /** An RST segment: its row stands out, as in Wireshark. */
    public boolean reset(int index) {
        PacketTable packets = capture.analysis().packets();
        return packets.transport(index) == PacketTable.TRANSPORT_TCP && (packets.tcpFlags(index) & Tcp.RST) != 0;
    }

    /** A frame with an expert event (retransmission, duplicate ACK, zero window...): its row stands out. */
    public boolean expert(int index) {
        return capture.analysis().tcp().expertBits(index) != 0;
    }

    /** Every column's text and the innermost layer's summary (e.g. the text a segment carries), for the text filter. */
    public String searchable(int index) {
        return String.join(" ", number(index), source(index), destination(index), protocol(index), info(index),
                decoded(index).summary());
    }

    private DecodedFrame decoded(int index) {
        return decoded.computeIfAbsent(index, i -> decoder.decode(capture.frames(), i));
    }

    /** The outer address, as the list shows it (tshark comma-joins tunnelled ones). */
    private static String address(String v4, String v6) {
        String text = v4.isEmpty() ? v6 : v4;
        int comma = text.indexOf(',');
        return comma < 0 ? text : text.substring(0, comma);
    }
}
