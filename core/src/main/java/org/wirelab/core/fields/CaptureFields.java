package org.wirelab.core.fields;

import org.wirelab.core.decode.FieldType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.IcmpQuote;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolField;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.frame.Frame;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.summary.PacketTable;

/**
 * Every field of {@link FieldTypes} for the frames of one capture: from the fast-path columns of
 * {@link FieldCatalog} where they hold the answer, otherwise from the frame's decoded tree, which is
 * decoded only when such a field is asked (and kept for the next question about the same frame).
 *
 * <p>The columns read only a frame's outer headers: each column's declaration says for which frames they
 * hold every occurrence ({@link ColumnField.Reach}); for the others (an ICMP error quoting a datagram) the
 * fields come from the tree, so that every occurrence is seen, as tshark lists both {@code ip.src} of an
 * ICMP error.
 */
public final class CaptureFields {
    /** As many application layers as the frame decoder's bound on all layers allows. */
    private static final int MAX_APPLICATION_LAYERS = 16;

    private final CaptureAnalysis analysis;
    private final FieldCatalog catalog;
    private final DecoderTables tables = DecoderTables.standard();
    private final CaptureTree trees;
    private final Map<String, FieldValue> columns = new HashMap<>();
    private final StringBuilder scratch = new StringBuilder(64);
    /** The local time zone frame.time is written in, as tshark's (TZ). */
    private final ZoneId zone = ZoneId.systemDefault();
    private int treeIndex = -1;
    private int applicationIndex = -1;
    private List<Layer> application;
    private DecodedFrame tree;

    public CaptureFields(CaptureAnalysis analysis) {
        this.analysis = analysis;
        this.catalog = new FieldCatalog(analysis);
        this.trees = new CaptureTree(analysis, catalog);
    }

    private CaptureFields(CaptureFields previous, CaptureAnalysis analysis) {
        this.analysis = analysis;
        this.catalog = new FieldCatalog(analysis);
        catalog.continueFrom(previous.catalog);
        this.trees = CaptureTree.after(previous.trees, analysis, catalog);
    }

    /**
     * The fields of {@code analysis}, the part of a file after {@code previous}'s
     * ({@link CaptureAnalysis#after}); {@code previous} hands over the HTTP messages its part left unfinished.
     */
    public static CaptureFields after(CaptureFields previous, CaptureAnalysis analysis) {
        return new CaptureFields(previous, analysis);
    }

    public CaptureAnalysis analysis() {
        return analysis;
    }

    public int size() {
        return analysis.size();
    }

    /**
     * From now on only the frames said {@link #displayed} are shown, as a display filter chooses them:
     * frame.time_delta_displayed counts from the last of them (0 before the first). Without this call every
     * frame is shown.
     */
    public void displaySelectedOnly() {
        catalog.displaySelectedOnly();
    }

    /** Says that frame {@code index}, selected by the display filter, is shown. */
    public void displayed(int index) {
        catalog.displayed(index);
    }

    /** Whether {@code name} is a fast-path column (whose values need no tree for TCP and UDP frames). */
    public static boolean isFast(String name) {
        return FieldTypes.column(name) != null;
    }

    /**
     * Whether some of {@code names} are read from a TCP frame's tree: every name that is not a fast-path
     * column ({@link #isFast}). A TCP frame's fast-path fields never need its tree.
     */
    public static boolean readsTrees(Collection<String> names) {
        for (String name : names) {
            if (!isFast(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether frame {@code index}'s values of {@code name} come from the columns rather than the tree. */
    public boolean fromColumns(String name, int index) {
        ColumnField column = FieldTypes.column(name);
        return column != null && column.answersFor(analysis.packets().transport(index));
    }

    /** Appends the columns' text of a fast-path field ("" when absent; occurrences comma-separated). */
    public void appendColumn(String name, int index, StringBuilder out) {
        columns.computeIfAbsent(name, known -> catalog.field(known).value()).appendTo(out, index);
    }

    /** Each occurrence's text, as tshark prints it, outer layer first. */
    public List<String> texts(String name, int index) {
        if (fromColumns(name, index)) {
            scratch.setLength(0);
            appendColumn(name, index, scratch);
            return splitOccurrences(scratch);
        }
        List<Field> found = occurrences(name, index);
        List<String> texts = new ArrayList<>(found.size());
        for (Field field : found) {
            texts.add(field.text());
        }
        return texts;
    }

    /** The column text split into occurrences; none when empty. Column values never hold a comma. */
    static List<String> splitOccurrences(CharSequence text) {
        return text.length() == 0 ? List.of() : List.of(text.toString().split(",", -1));
    }

    /**
     * The tree's occurrences of {@code name} in frame {@code index}, outer layer first: fields of that
     * name, a protocol's layers (as a field whose text is the layer's title), the members of a hidden
     * "either" field, or the generated {@code frame.protocols}.
     */
    public List<Field> occurrences(String name, int index) {
        List<Field> found = new ArrayList<>(2);
        if (name.equals(Frame.TIME.name())) {
            // From the capture record alone; the text holds a comma, so it is no column.
            long instant = analysis.frames().timestampNanos(index);
            String text = Frame.timeText(instant, zone);
            found.add(new Field("Arrival Time", name, new ByteRange(0, 0), 0, instant, "Arrival Time: " + text, text,
                    false, List.of()));
            return found;
        }
        ColumnField column = FieldTypes.column(name);
        if (column != null && column.reach() == ColumnField.Reach.CONVERSATION) {
            return quotedStream(name, index);
        }
        if (FieldTypes.isApplicationField(name) && fromColumns("tcp.srcport", index)) {
            // The columns say where the payload is: decode it alone, without the headers below it.
            List<Layer> application = applicationLayers(index);
            if (name.equals("http.request") || name.equals("http.response")) {
                return httpFlag(name, application);
            }
            collect(name, application, found);
            return found;
        }
        DecodedFrame frame = tree(index);
        if (FieldTypes.type(name) == FieldType.PROTOCOL) {
            if (name.equals("frame")) {
                found.add(frameField(frame));
            }
            for (Layer layer : frame.layers()) {
                ProtocolField protocol = FieldTypes.protocol(layer.protocol());
                if (protocol != null && name.equals(protocol.name())) {
                    String text = protocolText(protocol, layer);
                    found.add(new Field(layer.title(), name, layer.range(), 0, text, text, text, false, List.of()));
                }
            }
            return found;
        }
        if (name.equals("http.request") || name.equals("http.response")) {
            return httpFlag(name, frame.layers());
        }
        if (name.equals("frame.protocols")) {
            String text = protocols(frame);
            found.add(new Field("Protocols in frame", name, new ByteRange(0, 0), 0, text,
                    "[Protocols in frame: " + text + "]", text, true, List.of()));
            return found;
        }
        collect(name, frame.layers(), found);
        return found;
    }

    /**
     * The stream of the datagram an ICMP error quotes, as tshark files the quoted TCP or UDP header under
     * the conversation it belongs to: that of the frame that carried the datagram ({@link IcmpQuote}), in this part of the file or an earlier one.
     */
    private List<Field> quotedStream(String name, int index) {
        int stream = IcmpQuote.quotedStream(analysis, index, name.equals("tcp.stream"));
        if (stream == ConversationIndex.NONE) {
            return List.of();
        }
        String text = Integer.toString(stream);
        return List.of(new Field("Stream index", name, new ByteRange(0, 0), 0, (long) stream,
                "[Stream index: " + text + "]", text, true, List.of()));
    }

    /** Adds the fields of {@code layers} named {@code name} (or, for an "either" field, its members). */
    private static void collect(String name, List<Layer> layers, List<Field> found) {
        Set<String> either = FieldTypes.eitherOf(name);
        for (Layer layer : layers) {
            for (Field field : layer.fields()) {
                field.forEach(f -> {
                    if (either == null ? f.name().equals(name) : either.contains(f.name())) {
                        found.add(f);
                    }
                });
            }
        }
    }

    /** Wireshark's hidden http.request and http.response flags, set on a message's first line. */
    private static List<Field> httpFlag(String name, List<Layer> layers) {
        List<Field> lines = new ArrayList<>(1);
        collect(name.endsWith("request") ? "http.request.method" : "http.response.code", layers, lines);
        List<Field> flags = new ArrayList<>(lines.size());
        for (Field line : lines) {
            flags.add(new Field(name, name, line.range(), 0, Boolean.TRUE, name, "1", false, List.of()));
        }
        return flags;
    }

    /**
     * The application layers of a TCP or UDP frame, decoded from its payload alone (what the full decode
     * would find there), none when the payload is empty or no decoder claims it. The last ones are kept.
     */
    private List<Layer> applicationLayers(int index) {
        if (index == applicationIndex) {
            return application;
        }
        applicationIndex = index;
        application = List.of();
        PacketTable packets = analysis.packets();
        boolean tcp = packets.transport(index) == PacketTable.TRANSPORT_TCP;
        int headerLength = tcp ? packets.tcpHeaderLength(index) : 8;
        int payloadLength = packets.payloadLength(index);
        boolean complete = tcp ? packets.hasStatus(index, PacketTable.STATUS_TCP_HEADER_COMPLETE)
                : !packets.hasStatus(index, PacketTable.STATUS_TRANSPORT_TRUNCATED);
        if (payloadLength <= 0 || !complete || packets.hasStatus(index, PacketTable.STATUS_IP_FRAGMENT)
                || packets.hasStatus(index, PacketTable.STATUS_MALFORMED) || trees.reassembled(index)) {
            if (payloadLength > 0) {
                // Anything unusual, or a payload that is part of a message of several segments: ask the full tree.
                application = applicationOf(tree(index));
            }
            return application;
        }
        FrameStore frames = analysis.frames();
        byte[] bytes = bytes(index, new ByteRange(0, frames.capturedLength(index)));
        Slice payload = Slice.ofFrame(bytes, frames.originalLength(index))
                .sub(packets.transportOffset(index) + headerLength, payloadLength);
        if (payload.captured() == 0) {
            return application;
        }
        Next.ByPorts ports = new Next.ByPorts(tcp ? IpProtocol.TCP : IpProtocol.UDP, packets.sourcePort(index),
                packets.destinationPort(index));
        ApplicationDecoder decoder = tables.application(ports, payload);
        List<Layer> layers = new ArrayList<>(1);
        // A decoder may hand the rest of the payload on (pipelined HTTP requests): each message is a layer.
        for (int k = 0; decoder != null && k < MAX_APPLICATION_LAYERS; k++) {
            Step step = decoder.decode(payload, ports);
            layers.add(step.layer());
            payload = step.rest();
            decoder = payload == null || payload.captured() == 0 || !(step.next() instanceof Next.ByPorts)
                    ? null : tables.application(ports, payload);
        }
        application = trees.application(index, layers);
        return application;
    }

    /** The layers above TCP or UDP in a full tree, or none. */
    private static List<Layer> applicationOf(DecodedFrame frame) {
        List<Layer> layers = frame.layers();
        for (int k = 0; k + 1 < layers.size(); k++) {
            String protocol = layers.get(k).protocol();
            if (protocol.equals("TCP") || protocol.equals("UDP")) {
                return layers.subList(k + 1, layers.size());
            }
        }
        return List.of();
    }

    /**
     * The bytes a protocol's occurrences hold for {@code contains} and {@code matches}: from the start of
     * its header to the end of what it carries (Wireshark's protocol tvb), where a slice sees the header alone.
     */
    public List<byte[]> protocolBytes(String name, int index) {
        List<Layer> layers = tree(index).layers();
        List<byte[]> found = new ArrayList<>(1);
        for (int k = 0; k < layers.size(); k++) {
            if (name.equals(FieldTypes.protocolName(layers.get(k).protocol()))) {
                int end = layers.get(k).range().end();
                for (Layer inner : layers.subList(k, layers.size())) {
                    end = Math.max(end, inner.range().end());
                }
                if (k == layers.size() - 1 && layers.get(k).protocol().equals("TCP")
                        && analysis.packets().transport(index) == PacketTable.TRANSPORT_TCP) {
                    // A segment whose bytes HTTP reads in a later frame: its payload is still TCP's.
                    end = Math.max(end, layers.get(k).range().end() + Math.max(0, analysis.packets().payloadLength(index)));
                }
                int start = layers.get(k).range().offset();
                found.add(bytes(index, new ByteRange(start, end - start)));
            }
        }
        return found;
    }

    /**
     * What tshark prints for a protocol named as a field: the tree item's text, or the protocol's name for
     * those whose item has no text of its own; TCP's with the relative numbers, which the decoder cannot know.
     */
    private static String protocolText(ProtocolField protocol, Layer layer) {
        String name = protocol.name();
        if (protocol.printedByName()) {
            return name;
        }
        if (name.equals("data")) {
            // Data's item is its bytes, which tshark prints in hex.
            StringBuilder hex = new StringBuilder(2 * layer.range().length());
            for (Field field : layer.fields()) {
                if (field.name().equals("data.data")) {
                    hex.append(field.text());
                }
            }
            return hex.toString();
        }
        String title = layer.title();
        int length = title.indexOf(", Len: ");
        if (name.equals("tcp") && length >= 0 && !title.contains(", Seq: ")) {
            String seq = null;
            String ack = null;
            boolean ackFlag = false;
            for (Field field : layer.fields()) {
                seq = field.name().equals("tcp.seq") ? field.text() : seq;
                ack = field.name().equals("tcp.ack") ? field.text() : ack;
                for (Field flag : field.children()) {
                    ackFlag |= flag.name().equals("tcp.flags.ack") && Boolean.TRUE.equals(flag.value());
                }
            }
            if (seq != null) {
                return title.substring(0, length) + ", Seq: " + seq + (ackFlag && ack != null ? ", Ack: " + ack : "")
                        + title.substring(length);
            }
        }
        return title;
    }

    /** Frame {@code index}'s tree, as {@link CaptureTree} makes it; the last one asked is kept. */
    public DecodedFrame tree(int index) {
        if (index != treeIndex) {
            tree = trees.frame(index);
            treeIndex = index;
        }
        return tree;
    }

    /** The captured bytes of frame {@code index} in {@code range} (clipped to what was captured). */
    public byte[] bytes(int index, ByteRange range) {
        FrameStore frames = analysis.frames();
        int captured = frames.capturedLength(index);
        int start = Math.min(range.offset(), captured);
        int end = Math.min(range.end(), captured);
        byte[] out = new byte[Math.max(0, end - start)];
        System.arraycopy(frames.buffer(index), frames.offset(index) + start, out, 0, out.length);
        return out;
    }

    public int capturedLength(int index) {
        return analysis.frames().capturedLength(index);
    }

    private Field frameField(DecodedFrame frame) {
        String title = "Frame " + frame.number() + ": " + frame.originalLength() + " bytes on wire ("
                + 8L * frame.originalLength() + " bits), " + frame.capturedLength() + " bytes captured ("
                + 8L * frame.capturedLength() + " bits)";
        return new Field(title, "frame", new ByteRange(0, frame.capturedLength()), 0, title, title, title, false,
                List.of());
    }

    /**
     * frame.protocols as Wireshark writes it: layer names joined by ':', with "ethertype" after a link header,
     * and an application protocol repeated at once (pipelined HTTP messages) named once.
     */
    static String protocols(DecodedFrame frame) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (Layer layer : frame.layers()) {
            ProtocolField protocol = FieldTypes.protocol(layer.protocol());
            String name = protocol == null ? null : protocol.name();
            if (name == null || name.equals("frame") || layer.osiLayer() == 7 && name.equals(previous)) {
                continue;
            }
            previous = name;
            if (out.length() > 0) {
                out.append(':');
            }
            out.append(name);
            if (protocol.followedByEtherType()) {
                out.append(":ethertype");
            }
        }
        return out.toString();
    }
}
