package org.wirelab.core.protocol.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.decode.Diagnostic;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.data.DataDecoder;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * HTTP messages sent in several TCP segments, put back together as tshark does by default (TCP
 * desegmentation, with packet-http.c asking for whole headers and whole bodies): the message is decoded
 * in the segment that completes it, from the bytes of all its segments, and the segments before show TCP
 * alone, as tshark's one pass shows them, knowing only the frames before (a message that never
 * completes, cut by the end of the capture or by lost bytes, shows TCP alone too). A segment that repeats bytes already received (a retransmission) shows TCP alone too; on HTTP's
 * port, bytes that neither start a message nor belong to one are HTTP's continuation data. A segment cut
 * by the snapshot length is decoded alone, as tshark does not reassemble what it did not capture.
 *
 * <p>A file read a part at a time ({@link #after}) hands the messages still unfinished at the end of a part
 * over to the next, as {@link CaptureAnalysis#after} hands over the TCP flows, so that each frame gets
 * the role it has in the whole file.
 *
 * <p>The reassembled message's fields keep their place in the frame that completes it: a field read from
 * an earlier segment covers no byte of this frame (an empty range where the segment's payload starts).
 */
public final class HttpReassembly {
    /** What a TCP segment is to HTTP, when it is not a message of its own. */
    public sealed interface Role {
    }

    /** Part of a message not yet complete: no HTTP here. */
    public record Segment() implements Role {
    }

    /** Bytes already received: no HTTP here. */
    public record Retransmission() implements Role {
    }

    /** On HTTP's port, a reset's payload: the reason for the reset (RFC 9293 section 3.5.3), not HTTP. */
    public record Reset() implements Role {
    }

    /** On HTTP's port, bytes outside any message: HTTP with the bytes as data. */
    public record Continuation() implements Role {
    }

    /**
     * The segment that completes a message of several segments.
     *
     * @param message the message's bytes, from all its segments
     * @param frames the frame numbers (1-based, in the file) of its segments, in order
     * @param lengths the bytes each segment brought
     */
    public record Completion(byte[] message, List<Integer> frames, List<Integer> lengths) implements Role {
    }

    private static final Role SEGMENT = new Segment();
    private static final Role RETRANSMISSION = new Retransmission();
    private static final Role CONTINUATION = new Continuation();
    private static final Role RESET = new Reset();

    private final CaptureAnalysis analysis;
    private final DecoderTables tables;
    /** Each stream direction's state: at first as the parts before left it, then as this part leaves it. */
    private final Map<Long, Direction> directions;
    /**
     * The method of each connection's last request, carried from part to part too: packet-http.c reads any
     * response after a HEAD as having no body (with pipelined requests, even the answer to the GET before
     * the HEAD).
     */
    private final Map<Integer, String> lastMethod;
    private Map<Integer, Role> roles;

    public HttpReassembly(CaptureAnalysis analysis, DecoderTables tables) {
        this(analysis, tables, new HashMap<>(), new HashMap<>());
    }

    private HttpReassembly(CaptureAnalysis analysis, DecoderTables tables, Map<Long, Direction> directions,
            Map<Integer, String> lastMethod) {
        this.analysis = analysis;
        this.tables = tables;
        this.directions = directions;
        this.lastMethod = lastMethod;
    }

    /**
     * The reassembly of {@code analysis}, the part of a file that follows {@code previous}'s
     * ({@link CaptureAnalysis#after}): the messages {@code previous}'s part left unfinished go on here.
     */
    public static HttpReassembly after(HttpReassembly previous, CaptureAnalysis analysis) {
        previous.roles(); // the state at the end of the previous part
        return new HttpReassembly(analysis, previous.tables, previous.directions, previous.lastMethod);
    }

    /** Frame {@code index}'s role, or null for a frame decoded on its own. */
    public Role role(int index) {
        return roles().get(index);
    }

    private Map<Integer, Role> roles() {
        if (roles == null) {
            roles = findRoles();
        }
        return roles;
    }

    /** {@code frame} with its layers above TCP as tshark shows them once HTTP is reassembled. */
    public DecodedFrame applyTo(DecodedFrame frame) {
        // The frame's index in the analysed frames, which may be a later part of the file.
        int index = frame.number() - 1 - analysis.frames().firstIndex();
        PacketTable packets = analysis.packets();
        if (packets.transport(index) != PacketTable.TRANSPORT_TCP || packets.payloadLength(index) <= 0) {
            return frame; // no TCP payload: nothing for HTTP to put together (and no need to find the roles)
        }
        Role role = role(index);
        if (role == null) {
            return frame;
        }
        List<Layer> layers = frame.layers();
        int tcp = 0;
        while (tcp < layers.size() && !layers.get(tcp).protocol().equals("TCP")) {
            tcp++;
        }
        if (tcp == layers.size()) {
            return frame;
        }
        List<Layer> shown = new ArrayList<>(layers.subList(0, tcp + 1));
        int payloadStart = layers.get(tcp).range().end();
        int payloadLength = analysis.packets().payloadLength(index);
        byte[] bytes = frame.bytes();
        Slice payload = Slice.ofFrame(bytes, frame.originalLength()).sub(payloadStart, payloadLength);
        Next.ByPorts ports = new Next.ByPorts(IpProtocol.TCP, analysis.packets().sourcePort(index),
                analysis.packets().destinationPort(index));
        if (role instanceof Continuation) {
            shown.add(HttpDecoder.continuation(payload));
            shown.add(new DataDecoder().decode(payload).layer());
        } else if (role instanceof Completion completion) {
            byte[] message = completion.message();
            Slice whole = Slice.ofFrame(message, message.length);
            Layer http = new HttpDecoder().decode(whole, ports).layer();
            // The last segment's bytes are the message's last ones: shift the ranges onto this frame.
            int lastLength = completion.lengths().get(completion.lengths().size() - 1);
            shown.add(shifted(http, payloadStart - (message.length - lastLength), payloadStart, bytes.length));
        }
        // A segment, a retransmission or a reset: TCP alone.
        return new DecodedFrame(frame.number(), frame.timestampNanos(), frame.capturedLength(),
                frame.originalLength(), frame.linkType(), bytes, shown);
    }

    private static Layer shifted(Layer layer, int delta, int floor, int ceiling) {
        List<Field> fields = new ArrayList<>(layer.fields().size());
        for (Field field : layer.fields()) {
            fields.add(shifted(field, delta, floor, ceiling));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(layer.diagnostics().size());
        for (Diagnostic d : layer.diagnostics()) {
            diagnostics.add(new Diagnostic(d.severity(), shifted(d.range(), delta, floor, ceiling), d.message()));
        }
        return new Layer(layer.protocol(), layer.title(), layer.osiLayer(),
                shifted(layer.range(), delta, floor, ceiling), fields, diagnostics, layer.summary(),
                layer.titleWording());
    }

    private static Field shifted(Field field, int delta, int floor, int ceiling) {
        List<Field> children = new ArrayList<>(field.children().size());
        for (Field child : field.children()) {
            children.add(shifted(child, delta, floor, ceiling));
        }
        return new Field(field.label(), field.name(), shifted(field.range(), delta, floor, ceiling), field.bitMask(),
                field.value(), field.display(), field.text(), field.generated(), children, field.wording());
    }

    /** A message range moved onto the frame, clipped to the payload this frame carries. */
    private static ByteRange shifted(ByteRange range, int delta, int floor, int ceiling) {
        int start = Math.min(ceiling, Math.max(floor, range.offset() + delta));
        int end = Math.min(ceiling, Math.max(start, range.end() + delta));
        return new ByteRange(start, end - start);
    }

    /** One direction of a TCP stream: where its next new byte is, and the message being put together. */
    private static final class Direction {
        long nextSeq = -1;
        Pending pending;
    }

    private static final class Pending {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> frames = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();

        void add(int frameNumber, byte[] b, int offset, int length) {
            bytes.write(b, offset, length);
            frames.add(frameNumber);
            lengths.add(length);
        }
    }

    /** Every frame's role, from the frames before it only, as tshark's one pass finds them. */
    private Map<Integer, Role> findRoles() {
        Map<Integer, Role> found = new HashMap<>();
        PacketTable packets = analysis.packets();
        ConversationIndex conversations = analysis.conversations();
        FrameStore frames = analysis.frames();
        for (int i = 0; i < packets.size(); i++) {
            int length = packets.payloadLength(i);
            int stream = conversations.tcpStream(i);
            if (packets.transport(i) != PacketTable.TRANSPORT_TCP || length <= 0 || stream == ConversationIndex.NONE
                    || !packets.hasStatus(i, PacketTable.STATUS_TCP_HEADER_COMPLETE)
                    || packets.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)
                    || packets.hasStatus(i, PacketTable.STATUS_MALFORMED)) {
                continue;
            }
            Direction direction = directions.computeIfAbsent((long) stream << 16 | packets.sourcePort(i),
                    key -> new Direction());
            long seq = Integer.toUnsignedLong(packets.sequence(i));
            Next.ByPorts ports = new Next.ByPorts(IpProtocol.TCP, packets.sourcePort(i), packets.destinationPort(i));
            boolean httpPort = tables.byPort(ports) instanceof HttpDecoder;
            if (httpPort && (packets.tcpFlags(i) & Tcp.RST) != 0) {
                found.put(i, RESET);
                continue;
            }
            if (direction.nextSeq >= 0) {
                int ahead = (int) (seq - direction.nextSeq);
                if (ahead < 0) {
                    if (httpPort || direction.pending != null) {
                        found.put(i, RETRANSMISSION);
                    }
                    continue;
                }
                if (ahead > 0) {
                    direction.pending = null; // bytes were lost: the message cannot be completed
                }
            }
            direction.nextSeq = (seq + length) & 0xffffffffL;
            boolean fin = (packets.tcpFlags(i) & Tcp.FIN) != 0;
            int start = frames.offset(i) + packets.transportOffset(i) + packets.tcpHeaderLength(i);
            int captured = Math.min(length, frames.capturedLength(i) - packets.transportOffset(i)
                    - packets.tcpHeaderLength(i));
            byte[] buffer = frames.buffer(i);
            if (captured <= 0) {
                direction.pending = null; // nothing captured: nothing for HTTP to read
                continue;
            }
            // tshark does not reassemble bytes it did not capture: a cut segment is read alone.
            boolean cut = captured < length;
            Pending pending = cut ? null : direction.pending;
            if (pending == null) {
                direction.pending = null;
                ApplicationDecoder decoder = tables.application(ports,
                        Slice.ofFrame(buffer, buffer.length).sub(start, captured));
                if (!(decoder instanceof HttpDecoder)) {
                    if (httpPort) {
                        found.put(i, CONTINUATION);
                    }
                    continue;
                }
                Slice payload = Slice.ofFrame(buffer, buffer.length).sub(start, captured);
                for (Layer message : HttpDecoder.messages(payload, ports)) {
                    String method = HttpDecoder.method(message);
                    if (method != null) {
                        lastMethod.put(stream, method);
                    }
                }
                if (cut) {
                    continue;
                }
                pending = new Pending();
            }
            pending.add(frames.firstIndex() + i + 1, buffer, start, length);
            byte[] message = pending.bytes.toByteArray();
            long end = HttpMessageLength.of(message, message.length);
            if (message.length >= 5 && message[0] == 'H' && message[4] == '/' && "HEAD".equals(lastMethod.get(stream))) {
                int headersEnd = HttpMessageLength.headersEnd(message, message.length);
                end = headersEnd >= 0 ? headersEnd : HttpMessageLength.INCOMPLETE;
            }
            if (end == HttpMessageLength.UNTIL_CLOSE && fin) {
                end = message.length;
            }
            if (end < 0) {
                direction.pending = pending;
                found.put(i, SEGMENT);
                continue;
            }
            direction.pending = null;
            if (pending.frames.size() > 1) {
                found.put(i, new Completion(message, List.copyOf(pending.frames), List.copyOf(pending.lengths)));
            }
        }
        return found;
    }
}
