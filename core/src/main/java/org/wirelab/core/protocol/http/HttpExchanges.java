package org.wirelab.core.protocol.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.summary.PacketTable;

/**
 * The requests and responses of each TCP connection, numbered in order and paired as packet-http.c 4.0
 * pairs them on tshark's single pass (see {@link #response}). A request shows its number and the previous
 * request's frame; a response its number, the time since its request, the frames of its request and of the
 * previous request and response, and the URI of the connection's last request. What only a later frame could tell (a request's response, the next request) needs
 * tshark's second pass ({@code -2}), so it is not shown, as tshark does not show it by default.
 */
public final class HttpExchanges {
    private final CaptureAnalysis analysis;
    private final DecoderTables tables;
    private final HttpReassembly reassembly;
    /** Each connection's exchanges: as the parts of the file before left them, then as this one does. */
    private final Map<Integer, Connection> connections;
    /** The messages each frame of this part carries (0-based index in it), in order. */
    private Map<Integer, List<Message>> messages;

    /**
     * A message's place in its connection: frame numbers in the file, -1 where there is no such frame.
     *
     * @param requestNanos the request's time
     * @param uri for a response, the URI of the last request the connection sent before it
     */
    private record Message(boolean response, int number, int request, long requestNanos, int previousRequest,
            int previousResponse, String uri) {
    }

    /** One request and its response, as packet-http.c keeps them: either frame may be missing. */
    private static final class Exchange {
        final int number;
        int request = -1;
        long requestNanos;
        int response = -1;

        Exchange(int number) {
            this.number = number;
        }
    }

    /**
     * What one connection's next messages need: how many exchanges it has had, its last two (a message's
     * fields name its own exchange and the one before), and the URI of its last request. Older exchanges are
     * not kept, so a long connection costs no more than a short one.
     */
    private static final class Connection {
        int count;
        Exchange last;
        Exchange previous;
        String lastUri;

        Exchange open() {
            previous = last;
            last = new Exchange(++count);
            return last;
        }
    }

    public HttpExchanges(CaptureAnalysis analysis, DecoderTables tables, HttpReassembly reassembly) {
        this(analysis, tables, reassembly, new HashMap<>());
    }

    private HttpExchanges(CaptureAnalysis analysis, DecoderTables tables, HttpReassembly reassembly,
            Map<Integer, Connection> connections) {
        this.analysis = analysis;
        this.tables = tables;
        this.reassembly = reassembly;
        this.connections = connections;
    }

    /**
     * The exchanges of {@code analysis}, the part of a file that follows {@code previous}'s
     * ({@code CaptureAnalysis.after}), whose messages {@code reassembly} finds: a response may answer a
     * request of a part before.
     */
    public static HttpExchanges after(HttpExchanges previous, CaptureAnalysis analysis, HttpReassembly reassembly) {
        previous.messages(); // the connections as the previous part leaves them
        return new HttpExchanges(analysis, previous.tables, reassembly, previous.connections);
    }

    /** The exchanges the connections keep (at most two each, whatever their length): the bound's test reads it. */
    int exchangesKept() {
        messages();
        int kept = 0;
        for (Connection connection : connections.values()) {
            kept += (connection.last != null ? 1 : 0) + (connection.previous != null ? 1 : 0);
        }
        return kept;
    }

    /**
     * {@code layers}, frame {@code index}'s application layers, each HTTP message with the fields that place it
     * in its connection; the other layers as they are.
     */
    public List<Layer> applyTo(int index, List<Layer> layers) {
        List<Layer> shown = new ArrayList<>(layers.size());
        int k = 0;
        for (Layer layer : layers) {
            if (!isMessage(layer)) {
                shown.add(layer);
                continue;
            }
            List<Message> found = messages().getOrDefault(index, List.of());
            shown.add(k < found.size() ? placed(index, layer, found.get(k)) : layer);
            k++;
        }
        return shown;
    }

    /** An HTTP layer that holds a message (not continuation data): its first line carries the chat note. */
    static boolean isMessage(Layer layer) {
        if (!layer.protocol().equals("HTTP") || layer.fields().isEmpty()) {
            return false;
        }
        for (Field field : layer.fields().get(0).children()) {
            if (field.name().equals(Http.CHAT.name())) {
                return true;
            }
        }
        return false;
    }

    private Layer placed(int index, Layer http, Message message) {
        ByteRange none = new ByteRange(http.range().offset(), 0);
        List<Field> added = new ArrayList<>();
        String number = Integer.toString(message.number());
        added.add(Field.generated(message.response() ? Http.RESPONSE_NUMBER : Http.REQUEST_NUMBER, none,
                (long) message.number(), number, Wording.NO_VALUE, number));
        if (message.response() && message.request() >= 0) {
            String seconds = Timestamps.epochText(analysis.frames().timestampNanos(index) - message.requestNanos());
            added.add(Field.generated(Http.TIME, none, seconds, seconds, "http.time.value", seconds));
        }
        frameField(added, Http.PREV_REQUEST_IN, none, message.previousRequest());
        if (message.response()) {
            frameField(added, Http.PREV_RESPONSE_IN, none, message.previousResponse());
            frameField(added, Http.REQUEST_IN, none, message.request());
            if (message.uri() != null) {
                added.add(Field.generated(Http.RESPONSE_FOR_URI, none, message.uri(), message.uri(), "value",
                        message.uri()));
            }
        }
        List<Field> fields = new ArrayList<>(http.fields());
        fields.addAll(afterHeaders(fields), added);
        return http.withFields(fields);
    }

    /** Where Wireshark puts these fields: after the blank line and the full URI, before the body. */
    private static int afterHeaders(List<Field> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).wording() != null && fields.get(i).wording().labelKey().equals("http.end_of_headers")) {
                boolean fullUri = i + 1 < fields.size() && fields.get(i + 1).name().equals(Http.FULL_URI.name());
                return i + (fullUri ? 2 : 1);
            }
        }
        return fields.size();
    }

    private static void frameField(List<Field> fields, HeaderField declaration, ByteRange range, int number) {
        if (number >= 0) {
            String frame = Integer.toString(number);
            fields.add(Field.generated(declaration, range, (long) number, frame, "value", frame));
        }
    }

    private Next.ByPorts ports(int index) {
        PacketTable packets = analysis.packets();
        return new Next.ByPorts(IpProtocol.TCP, packets.sourcePort(index), packets.destinationPort(index));
    }

    /**
     * The HTTP messages decoded in frame {@code index}: those of the whole message where it was put together
     * from several segments, those of the segment's payload (read in place) where it starts with a message,
     * else none.
     */
    private List<HttpMessageStarts.Start> starts(int index) {
        HttpReassembly.Role role = reassembly.role(index);
        if (role instanceof HttpReassembly.Completion completion) {
            byte[] message = reassembly.message(completion);
            return HttpMessageStarts.in(message, 0, message.length, ports(index));
        }
        PacketTable packets = analysis.packets();
        if (role != null || packets.transport(index) != PacketTable.TRANSPORT_TCP || packets.payloadLength(index) <= 0
                || !packets.hasStatus(index, PacketTable.STATUS_TCP_HEADER_COMPLETE)
                || packets.hasStatus(index, PacketTable.STATUS_IP_FRAGMENT)
                || packets.hasStatus(index, PacketTable.STATUS_MALFORMED)) {
            return List.of();
        }
        FrameStore frames = analysis.frames();
        int start = packets.transportOffset(index) + packets.tcpHeaderLength(index);
        int captured = Math.min(packets.payloadLength(index), frames.capturedLength(index) - start);
        if (captured <= 0) {
            return List.of();
        }
        byte[] buffer = frames.buffer(index);
        int at = frames.offset(index) + start;
        Slice payload = Slice.ofFrame(buffer, buffer.length).sub(at, captured);
        return tables.application(ports(index), payload) instanceof HttpDecoder
                ? HttpMessageStarts.in(buffer, at, captured, ports(index)) : List.of();
    }

    /** Finds and places every HTTP message of the capture now rather than when the first one is shown. */
    public void prepare() {
        messages();
    }

    private Map<Integer, List<Message>> messages() {
        if (messages == null) {
            messages = findMessages();
        }
        return messages;
    }

    private Map<Integer, List<Message>> findMessages() {
        Map<Integer, List<Message>> found = new HashMap<>();
        ConversationIndex conversations = analysis.conversations();
        FrameStore frames = analysis.frames();
        for (int i = 0; i < analysis.size(); i++) {
            int stream = conversations.tcpStream(i);
            List<HttpMessageStarts.Start> starts = stream == ConversationIndex.NONE ? List.of() : starts(i);
            if (starts.isEmpty()) {
                continue;
            }
            Connection connection = connections.computeIfAbsent(stream, s -> new Connection());
            List<Message> inFrame = new ArrayList<>(starts.size());
            int number = frames.firstIndex() + i + 1;
            for (HttpMessageStarts.Start message : starts) {
                inFrame.add(message.response() ? response(connection, number)
                        : request(connection, number, frames.timestampNanos(i), message.uri()));
            }
            found.put(i, inFrame);
        }
        return found;
    }

    /** A request opens an exchange, numbered after every exchange of the connection. */
    private static Message request(Connection connection, int frame, long nanos, String uri) {
        Exchange exchange = connection.open();
        Exchange previous = connection.previous;
        exchange.request = frame;
        exchange.requestNanos = nanos;
        connection.lastUri = uri;
        return new Message(false, exchange.number, -1, 0, previous == null ? -1 : previous.request, -1, null);
    }

    /**
     * A response answers the connection's last exchange when that one has a request and no response yet;
     * otherwise it opens an exchange of its own, without a request. (With pipelined requests, packet-http.c
     * 4.0 so pairs the first response with the last request.)
     */
    private static Message response(Connection connection, int frame) {
        Exchange exchange = connection.last;
        if (exchange == null || exchange.request < 0 || exchange.response >= 0) {
            exchange = connection.open();
        }
        exchange.response = frame;
        Exchange previous = connection.previous; // the one before the exchange answered or opened
        return new Message(true, exchange.number, exchange.request, exchange.requestNanos,
                previous == null ? -1 : previous.request, previous == null ? -1 : previous.response,
                connection.lastUri);
    }
}
