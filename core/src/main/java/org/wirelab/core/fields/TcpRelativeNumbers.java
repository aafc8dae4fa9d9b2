package org.wirelab.core.fields;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.protocol.tcp.SackBlocks;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * Adds to a decoded frame's TCP layer the numbers that need the whole conversation, as Wireshark's tree
 * shows them: the relative sequence number above the raw one, the next sequence number below it, the
 * relative acknowledgment number above the raw one. The decoder reads one frame and cannot know them; the
 * capture's analysis can ({@link FieldCatalog}'s {@code tcp.seq}, {@code tcp.nxtseq}, {@code tcp.ack}).
 *
 * <p>Copied from packet-tcp.c: {@code tcp.seq} and {@code tcp.ack} are shown as read from the wire (no
 * brackets) and cover the raw field's 4 bytes, so selecting them highlights those bytes; the ack says
 * "relative" only when the ACK flag is set; {@code tcp.nxtseq} is computed, in brackets, and highlights the
 * sequence number it was computed from. A field the catalog has no value for (a header too short for it,
 * a TCP header quoted in an ICMP error) is not added.
 */
public final class TcpRelativeNumbers {
    private static final String SEQ_NOTE = "tcp.seq.relative";
    private static final String ACK_NOTE = "tcp.ack.relative";

    // This package's Field (a catalog column), not the decoder's Field imported above.
    private final org.wirelab.core.fields.Field seq;
    private final org.wirelab.core.fields.Field nextSeq;
    private final org.wirelab.core.fields.Field ack;
    private final FieldCatalog catalog;

    public TcpRelativeNumbers(FieldCatalog catalog) {
        this.catalog = catalog;
        seq = catalog.field("tcp.seq");
        nextSeq = catalog.field("tcp.nxtseq");
        ack = catalog.field("tcp.ack");
    }

    /**
     * {@code frame} (frame {@code frame.number()} of the catalog's capture) with the relative numbers in its
     * TCP layer; the frame itself when it has no TCP layer.
     */
    public DecodedFrame addTo(DecodedFrame frame) {
        int index = catalog.indexOf(frame.number());
        List<Layer> layers = new ArrayList<>(frame.layers());
        for (int k = 0; k < layers.size(); k++) {
            Layer layer = layers.get(k);
            if (layer.protocol().equals("TCP")) {
                // Only the first: a frame has one TCP header of its own. One quoted in an ICMP error gets
                // nothing, as the catalog has no TCP numbers for an ICMP frame.
                layers.set(k, withNumbers(layer, index, frame.bytes()));
                return new DecodedFrame(frame.number(), frame.timestampNanos(), frame.capturedLength(),
                        frame.originalLength(), frame.linkType(), frame.bytes(), layers);
            }
        }
        return frame;
    }

    private Layer withNumbers(Layer layer, int index, byte[] bytes) {
        boolean ackFlag = false;
        for (Field field : layer.fields()) {
            for (Field flag : field.children()) {
                ackFlag |= flag.name().equals("tcp.flags.ack") && Boolean.TRUE.equals(flag.value());
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Field field : layer.fields()) {
            switch (field.name()) {
                case "tcp.seq_raw" -> {
                    add(fields, Tcp.SEQ, seq.text(index), SEQ_NOTE, field.range(), false);
                    fields.add(field);
                    add(fields, Tcp.NXTSEQ, nextSeq.text(index), SEQ_NOTE, field.range(), true);
                }
                case "tcp.ack_raw" -> {
                    add(fields, Tcp.ACK_NUMBER, ack.text(index), ackFlag ? ACK_NOTE : null, field.range(), false);
                    fields.add(field);
                }
                case "tcp.options" -> fields.add(withRelativeSack(field, index, bytes, layer));
                default -> fields.add(field);
            }
        }
        return layer.withFields(fields);
    }

    /**
     * The options with each SACK block's edges relative to the start of the data they acknowledge: the
     * reverse flow's base, which is what the relative acknowledgment number is measured from.
     */
    private Field withRelativeSack(Field options, int index, byte[] bytes, Layer layer) {
        String relativeAck = ack.text(index);
        Long rawAck = null;
        for (Field field : layer.fields()) {
            rawAck = field.name().equals(Tcp.ACK_RAW.name()) && field.value() instanceof Long raw ? raw : rawAck;
        }
        if (relativeAck.isEmpty() || rawAck == null) {
            return options;
        }
        int base = (int) (rawAck - Long.parseLong(relativeAck));
        List<Field> children = new ArrayList<>(options.children().size());
        for (Field option : options.children()) {
            children.add(option.name().equals(Tcp.OPTIONS_SACK.name()) ? SackBlocks.relative(option, bytes, base)
                    : option);
        }
        return options.withChildren(children);
    }

    /**
     * Adds the field unless tshark shows nothing for it ({@code text} empty), in Wireshark's words: the number
     * followed by the word {@code note} says it is relative, or alone when {@code note} is null.
     */
    private static void add(List<Field> fields, HeaderField declaration, String text, String note, ByteRange range,
            boolean generated) {
        if (text.isEmpty()) {
            return;
        }
        fields.add(Field.worded(declaration.name(), range, 0, Long.parseLong(text), text, generated, List.of(),
                new Wording(declaration.labelKey(), note, text)));
    }
}
