package org.wirelab.core.protocol.tcp;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;

/**
 * The blocks of a SACK option (RFC 2018) as Wireshark shows them: each block's left and right edge, the
 * block count, and a first block that reports data received twice (a D-SACK, RFC 2883 section 4) repeated
 * under its own names with an expert note. The decoder reads the edges as they are on the wire; once the
 * conversation is known they are shown relative to the start of the data they acknowledge
 * ({@link #relative}), as packet-tcp.c shows them.
 */
public final class SackBlocks {
    private static final String RELATIVE = ".relative";

    private SackBlocks() {
    }

    /** The fields of the {@code blocks} blocks of the option at {@code at}, edges raw. */
    static List<Field> fields(LayerBuilder layer, int at, int blocks, int acknowledgment) {
        byte[] b = layer.bytes();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            int edge = at + 2 + 8 * i;
            fields.add(edge(Tcp.OPTIONS_SACK_LE, edge, Bytes.u32(b, edge), 0, false));
            fields.add(edge(Tcp.OPTIONS_SACK_RE, edge + 4, Bytes.u32(b, edge + 4), 0, false));
        }
        fields.add(layer.generated(Tcp.OPTIONS_SACK_COUNT, at, 2 + 8 * blocks, (long) blocks,
                Integer.toString(blocks)));
        if (blocks > 0 && isDuplicate(b, at, blocks, acknowledgment)) {
            int left = Bytes.u32(b, at + 2);
            int right = Bytes.u32(b, at + 6);
            fields.add(edge(Tcp.OPTIONS_SACK_DSACK_LE, at + 2, left, 0, false));
            fields.add(edge(Tcp.OPTIONS_SACK_DSACK_RE, at + 6, right, 0, false));
            Field note = Field.worded(Tcp.OPTIONS_SACK_DSACK.name(), new ByteRange(at + 2, 0), 0, Boolean.TRUE, "1",
                    true, List.of(), new Wording(Tcp.OPTIONS_SACK_DSACK.labelKey(), Wording.NO_VALUE));
            fields.add(Field.worded("", new ByteRange(at + 2, 8), 0, "", "", false, List.of(note),
                    new Wording(Tcp.DSACK_NOTE.labelKey(), Wording.NO_VALUE)));
        }
        return fields;
    }

    /**
     * RFC 2883 section 4 as packet-tcp.c applies it: the first block is a duplicate when it starts below the
     * acknowledgment number, or lies within the second block.
     */
    private static boolean isDuplicate(byte[] b, int at, int blocks, int acknowledgment) {
        int left = Bytes.u32(b, at + 2);
        int right = Bytes.u32(b, at + 6);
        if (left - acknowledgment < 0) {
            return true;
        }
        if (blocks < 2) {
            return false;
        }
        int secondLeft = Bytes.u32(b, at + 10);
        int secondRight = Bytes.u32(b, at + 14);
        return left - secondLeft >= 0 && right - secondRight <= 0;
    }

    /** "4345-5793 21451-22881": the blocks as the option's title lists them, less {@code base}. */
    static String edges(byte[] b, int at, int blocks, int base) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < blocks; i++) {
            int edge = at + 2 + 8 * i;
            text.append(i == 0 ? "" : " ").append(Integer.toUnsignedString(Bytes.u32(b, edge) - base)).append('-')
                    .append(Integer.toUnsignedString(Bytes.u32(b, edge + 4) - base));
        }
        return text.toString();
    }

    /**
     * The SACK option {@code option} of a frame whose bytes are {@code frame}, its edges less {@code base}
     * (the first sequence number of the data they acknowledge, less one), said to be relative.
     */
    public static Field relative(Field option, byte[] frame, int base) {
        List<Field> children = new ArrayList<>();
        for (Field child : option.children()) {
            HeaderField edge = edgeDeclaration(child.name());
            if (edge != null) {
                int raw = Bytes.u32(frame, child.range().offset());
                children.add(edge(edge, child.range().offset(), raw, base, true));
            } else {
                children.add(child);
            }
        }
        int at = option.range().offset();
        int blocks = (option.range().length() - 2) / 8;
        Wording title = option.wording();
        Wording relative = new Wording(title.labelKey(), title.valueKey(), title.arguments().get(0),
                edges(frame, at, blocks, base));
        return Field.worded(option.name(), option.range(), 0, option.value(), option.text(), false, children,
                relative);
    }

    private static HeaderField edgeDeclaration(String name) {
        for (HeaderField edge : List.of(Tcp.OPTIONS_SACK_LE, Tcp.OPTIONS_SACK_RE, Tcp.OPTIONS_SACK_DSACK_LE,
                Tcp.OPTIONS_SACK_DSACK_RE)) {
            if (edge.name().equals(name)) {
                return edge;
            }
        }
        return null;
    }

    /** An edge: "left edge = 4345", with "(relative)" once made relative. */
    private static Field edge(HeaderField declaration, int offset, int raw, int base, boolean relative) {
        long value = Integer.toUnsignedLong(raw - base);
        String text = Long.toString(value);
        String key = declaration.labelKey() + (relative ? RELATIVE : "");
        return Field.worded(declaration.name(), new ByteRange(offset, 4), 0, value, text, false, List.of(),
                new Wording(key, Wording.NO_VALUE, text));
    }
}
