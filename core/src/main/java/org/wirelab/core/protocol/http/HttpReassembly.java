package org.wirelab.core.protocol.http;

import java.util.ArrayList;
import java.util.Arrays;
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
     * The segment that completes a message of several segments. It keeps where the message's bytes are, not
     * the bytes: {@link #message} reads them again from the frames when a frame's tree is asked for.
     *
     * @param frames the frame numbers (1-based, in the file) of its segments, in order (the first
     *        {@link #MAX_SEGMENTS} when it has more)
     * @param lengths the bytes each of those segments brought
     * @param carried the bytes of the segments in the parts of the file before this one (the first
     *        {@code carriedSegments} of {@code frames}), copied when their part ended
     * @param length the message's length in bytes, all its segments counted
     * @param segments how many segments it has, all counted
     */
    public record Completion(List<Integer> frames, List<Integer> lengths, byte[] carried, int carriedSegments,
            long length, int segments) implements Role {
    }

    /** The most bytes of one message that are put together and decoded (its first ones): a bound on memory. */
    public static final int MAX_MESSAGE = 16 * 1024 * 1024;
    /** The most segments of one message that are listed (tcp.segment); the others are counted. */
    public static final int MAX_SEGMENTS = 100_000;

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
    /** The bytes the messages' ends were looked for in, all parts so far: the work done (see {@link #bytesRead}). */
    private final long[] read;

    public HttpReassembly(CaptureAnalysis analysis, DecoderTables tables) {
        this(analysis, tables, new HashMap<>(), new HashMap<>(), new long[1]);
    }

    private HttpReassembly(CaptureAnalysis analysis, DecoderTables tables, Map<Long, Direction> directions,
            Map<Integer, String> lastMethod, long[] read) {
        this.analysis = analysis;
        this.tables = tables;
        this.directions = directions;
        this.lastMethod = lastMethod;
        this.read = read;
    }

    /**
     * The reassembly of {@code analysis}, the part of a file that follows {@code previous}'s
     * ({@link CaptureAnalysis#after}): the messages {@code previous}'s part left unfinished go on here.
     */
    public static HttpReassembly after(HttpReassembly previous, CaptureAnalysis analysis) {
        previous.roles(); // the state at the end of the previous part
        for (Direction direction : previous.directions.values()) {
            if (direction.pending != null) {
                direction.pending.carry(previous.analysis);
            }
        }
        return new HttpReassembly(analysis, previous.tables, previous.directions, previous.lastMethod, previous.read);
    }

    /**
     * The bytes examined to find where messages end, in every part so far (once the roles are found): each
     * byte of a message once, however many segments bring it. For tests and benchmarks of that bound.
     */
    public long bytesRead() {
        roles();
        return read[0];
    }

    /**
     * The bytes of the message {@code completion} completes (its first {@link #MAX_MESSAGE} at most): those
     * carried from the parts before, then its segments' payloads in this part's frames.
     */
    public byte[] message(Completion completion) {
        return message(analysis, completion);
    }

    private static byte[] message(CaptureAnalysis analysis, Completion completion) {
        int size = (int) Math.min(completion.length(), MAX_MESSAGE);
        byte[] message = Arrays.copyOf(completion.carried(), size);
        int at = Math.min(size, completion.carried().length);
        PacketTable packets = analysis.packets();
        FrameStore frames = analysis.frames();
        List<Integer> numbers = completion.frames();
        for (int k = completion.carriedSegments(); k < numbers.size() && at < size; k++) {
            int i = numbers.get(k) - 1 - frames.firstIndex();
            int n = Math.min(completion.lengths().get(k), size - at);
            System.arraycopy(frames.buffer(i), payloadStart(frames, packets, i), message, at, n);
            at += n;
        }
        return at == size ? message : Arrays.copyOf(message, at);
    }

    private static int payloadStart(FrameStore frames, PacketTable packets, int i) {
        return frames.offset(i) + packets.transportOffset(i) + packets.tcpHeaderLength(i);
    }

    /** Frame {@code index}'s role, or null for a frame decoded on its own. */
    public Role role(int index) {
        return roles().get(index);
    }

    /** Finds every segment's role in its HTTP message now rather than when the first one is shown. */
    public void prepare() {
        roles();
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
        } else if (role instanceof Segment) {
            shown.set(tcp, ReassemblyItems.segment(shown.get(tcp), bytes, payloadStart, payload.captured()));
        } else if (role instanceof Completion completion) {
            byte[] message = message(completion);
            shown.set(tcp, ReassemblyItems.completion(shown.get(tcp), frame.number(), bytes, payloadStart,
                    payload.captured(), completion, message));
            Slice whole = Slice.ofFrame(message, message.length);
            Layer http = new HttpDecoder().decode(whole, ports).layer();
            if (message.length < completion.length()) {
                http = http.withDiagnostics(withNote(http.diagnostics(), new Diagnostic(Diagnostic.Severity.NOTE,
                        new ByteRange(0, 0), "only the first " + message.length + " bytes of this "
                                + completion.length() + "-byte message are decoded")));
            }
            // The last segment's bytes are the message's last ones: shift the ranges onto this frame.
            int lastLength = message.length < completion.length() ? 0
                    : completion.lengths().get(completion.lengths().size() - 1);
            shown.add(shifted(http, payloadStart - (message.length - lastLength), payloadStart, bytes.length));
        }
        // A segment, a retransmission or a reset: TCP alone.
        return new DecodedFrame(frame.number(), frame.timestampNanos(), frame.capturedLength(),
                frame.originalLength(), frame.linkType(), bytes, shown);
    }

    private static List<Diagnostic> withNote(List<Diagnostic> diagnostics, Diagnostic note) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.add(note);
        return all;
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

    /**
     * A message being put together: where its segments are (not their bytes, which stay in the frames), how
     * far its end has been looked for, and the bytes of the segments of earlier parts of the file.
     */
    private static final class Pending {
        final HttpMessageLength end = new HttpMessageLength();
        final List<Integer> frames = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();
        byte[] carried = new byte[0];
        int carriedSegments;
        long length;
        int segments;

        /** Adds a segment of {@code length} bytes at {@code offset} in {@code b}, looking for the end in them only. */
        void add(int frameNumber, byte[] b, int offset, int length) {
            end.advance(b, offset, length);
            if (frames.size() < MAX_SEGMENTS && this.length < MAX_MESSAGE) {
                frames.add(frameNumber);
                lengths.add(length);
            }
            this.length += length;
            segments++;
        }

        /** Copies the bytes of this part's segments, as the part's frames are about to go. */
        void carry(CaptureAnalysis part) {
            Completion sofar = completion();
            carried = message(part, sofar);
            carriedSegments = frames.size();
        }

        Completion completion() {
            return new Completion(List.copyOf(frames), List.copyOf(lengths), carried, carriedSegments, length,
                    segments);
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
                for (HttpMessageStarts.Start message : HttpMessageStarts.in(buffer, start, captured, ports)) {
                    if (message.method() != null) {
                        lastMethod.put(stream, message.method());
                    }
                }
                if (cut) {
                    continue;
                }
                pending = new Pending();
            }
            long before = pending.end.read();
            pending.add(frames.firstIndex() + i + 1, buffer, start, length);
            read[0] += pending.end.read() - before;
            long end = pending.end.end();
            if (pending.end.isResponse() && "HEAD".equals(lastMethod.get(stream))) {
                end = pending.end.headersEnd(); // packet-http.c reads any response after a HEAD as bodiless
            }
            if (end == HttpMessageLength.UNTIL_CLOSE && fin) {
                end = pending.length;
            }
            if (end < 0 || end > pending.length) {
                direction.pending = pending;
                found.put(i, SEGMENT);
                continue;
            }
            direction.pending = null;
            if (pending.segments > 1) {
                found.put(i, pending.completion());
            }
        }
        return found;
    }
}
