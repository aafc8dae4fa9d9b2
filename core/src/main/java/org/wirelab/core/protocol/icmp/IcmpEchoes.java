package org.wirelab.core.protocol.icmp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.summary.PacketTable;

/**
 * Pairs each ICMP echo reply with the request it answers, as packet-icmp.c does on tshark's single pass:
 * by identifier and sequence number between the same two hosts, the request seen before the reply. A reply
 * then shows {@code icmp.resp_to} (the request's frame) and {@code icmp.resptime} (the milliseconds between
 * them); a second reply to the same request is not paired. A request's {@code icmp.resp_in} needs a second
 * pass, which tshark makes only with {@code -2}, so it is not shown, as tshark shows it by default.
 *
 * <p>Only requests not yet answered are kept (an answered one pairs with no later reply), carried from part
 * to part of a file read a part at a time ({@link #after}, made by {@link CaptureAnalysis#after}), so that
 * a reply finds its request however many frames lie between them.
 */
public final class IcmpEchoes {
    private final CaptureAnalysis analysis;
    /**
     * The requests not yet answered by hosts, identifier and sequence number: as the parts of the file
     * before left them, then this one.
     */
    private final Map<Key, Request> requests;
    /** For each reply of this part (0-based index in it) that answers a request, that request. */
    private Map<Integer, Request> answered;

    /** The two hosts (in either order), the identifier and the sequence number of an echo. */
    private record Key(long hosts, int identifier, int sequence) {
    }

    /** A request's frame number in the file and time. */
    private record Request(int number, long nanos) {
    }

    public IcmpEchoes(CaptureAnalysis analysis) {
        this(analysis, new HashMap<>());
    }

    private IcmpEchoes(CaptureAnalysis analysis, Map<Key, Request> requests) {
        this.analysis = analysis;
        this.requests = requests;
    }

    /** The echoes of {@code analysis}, the part of a file after {@code previous}'s: a reply may answer a request of a part before. */
    public static IcmpEchoes after(IcmpEchoes previous, CaptureAnalysis analysis) {
        previous.answered(); // the requests as the previous part leaves them
        return new IcmpEchoes(analysis, previous.requests);
    }

    /** Frame {@code index} with its ICMP layer's pairing fields added when it is a reply to a request seen. */
    public DecodedFrame applyTo(int index, DecodedFrame frame) {
        Request request = answered().get(index);
        if (request == null) {
            return frame;
        }
        List<Layer> layers = new ArrayList<>(frame.layers());
        for (int k = 0; k < layers.size(); k++) {
            Layer icmp = layers.get(k);
            if (icmp.protocol().equals("ICMP")) {
                ByteRange none = new ByteRange(icmp.range().offset(), 0);
                String number = Integer.toString(request.number());
                String milliseconds = milliseconds(analysis.frames().timestampNanos(index) - request.nanos());
                List<Field> fields = new ArrayList<>(icmp.fields());
                fields.add(Field.generated(Icmp.RESP_TO, none, (long) request.number(), number, "value", number));
                fields.add(Field.generated(Icmp.RESPTIME, none, milliseconds, milliseconds, "icmp.resptime.value",
                        milliseconds));
                layers.set(k, icmp.withFields(fields));
                break;
            }
        }
        return new DecodedFrame(frame.number(), frame.timestampNanos(), frame.capturedLength(), frame.originalLength(),
                frame.linkType(), frame.bytes(), layers);
    }

    /**
     * Milliseconds as tshark prints a double (C's {@code %.15g}): "492.204", never trailing zeros.
     */
    static String milliseconds(long nanos) {
        String text = String.format(Locale.ROOT, "%.15g", nanos / 1e6);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        if (mantissa.contains(".")) {
            mantissa = new BigDecimal(mantissa).stripTrailingZeros().toPlainString();
        }
        return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
    }

    /** Pairs every echo reply with its request now rather than when the first frame is shown. */
    public void prepare() {
        answered();
    }

    private synchronized Map<Integer, Request> answered() {
        if (answered == null) {
            answered = pair();
        }
        return answered;
    }

    /** Reads the echoes over IPv4 in capture order, as packet-icmp.c's first pass reads them. */
    private Map<Integer, Request> pair() {
        Map<Integer, Request> found = new HashMap<>();
        PacketTable packets = analysis.packets();
        FrameStore frames = analysis.frames();
        for (int i = 0; i < packets.size(); i++) {
            int at = packets.transportOffset(i);
            if (packets.transport(i) != PacketTable.TRANSPORT_ICMP || packets.network(i) != PacketTable.NETWORK_IPV4
                    || packets.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)
                    || at + Icmp.HEADER_LENGTH > frames.capturedLength(i)) {
                continue;
            }
            byte[] b = frames.buffer(i);
            int icmp = frames.offset(i) + at;
            int type = Icmp.type(b, icmp);
            if (!Icmp.isEcho(type) || Icmp.code(b, icmp) != 0) {
                continue;
            }
            int ip = frames.offset(i) + packets.networkOffset(i);
            long source = Integer.toUnsignedLong(Bytes.u32(b, ip + Ipv4.SOURCE));
            long destination = Integer.toUnsignedLong(Bytes.u32(b, ip + Ipv4.DESTINATION));
            Key key = new Key(Math.min(source, destination) << 32 | Math.max(source, destination),
                    Icmp.identifier(b, icmp), Icmp.sequence(b, icmp));
            if (type == Icmp.ECHO_REQUEST) {
                requests.put(key, new Request(frames.firstIndex() + i + 1, frames.timestampNanos(i)));
            } else {
                Request request = requests.remove(key);   // a second reply to it is not paired
                if (request != null) {
                    found.put(i, request);
                }
            }
        }
        return found;
    }
}
