package org.wirelab.core.decode;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.text.CaptureText;

/**
 * Collects one layer's fields and diagnostics while a decoder reads its header, and formats each value
 * twice: for a tree view ("Source Port: 3372") and as {@code tshark -T fields} prints it. Offsets are
 * frame offsets; every method expects the bytes it formats to be captured (decoders check first).
 */
public final class LayerBuilder {
    private final String protocol;
    private final int osiLayer;
    private final byte[] bytes;
    private final int start;
    private final List<Field> fields = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public LayerBuilder(String protocol, int osiLayer, byte[] bytes, int start) {
        this.protocol = protocol;
        this.osiLayer = osiLayer;
        this.bytes = bytes;
        this.start = start;
    }

    public byte[] bytes() {
        return bytes;
    }

    public LayerBuilder add(Field field) {
        fields.add(field);
        return this;
    }

    /** Adds the field {@code declaration} read from {@code length} bytes at {@code offset}, and returns it. */
    public Field add(HeaderField declaration, int offset, int length) {
        Field field = field(declaration, offset, length);
        fields.add(field);
        return field;
    }

    /**
     * The field {@code declaration} read from {@code length} bytes at {@code offset}: a flag is its bit, a
     * number the bits under the mask (the whole bytes without one), printed as the declaration's base.
     */
    public Field field(HeaderField declaration, int offset, int length) {
        long word = word(offset, length);
        if (declaration.type() == FieldType.BOOLEAN) {
            boolean set = (word & declaration.mask()) != 0;
            return declared(declaration, offset, length, set, set ? "1" : "0", false, null);
        }
        long value = declaration.mask() == 0 ? word : (word & declaration.mask()) >>> declaration.shift();
        return declared(declaration, offset, length, value, numberText(declaration, value, length), false, null);
    }

    /**
     * The number {@code value} of {@code declaration} at {@code offset}, shown as the word {@code valueKey}
     * formatted with {@code arguments} ("40 bytes (10)", "Maximum segment size (2)").
     */
    public Field field(HeaderField declaration, int offset, int length, long value, String valueKey,
            Object... arguments) {
        return declared(declaration, offset, length, value, numberText(declaration, value, length), false,
                new Wording(declaration.labelKey(), valueKey, arguments));
    }

    /**
     * The field {@code declaration} read from the bytes as {@link #field(HeaderField, int, int)} reads it,
     * its value shown as the word {@code valueKey} formatted with {@code arguments}: a flag's meaning
     * ("Message is a response"), a number's name ("Standard query (0)").
     */
    public Field field(HeaderField declaration, int offset, int length, String valueKey, Object... arguments) {
        Field read = field(declaration, offset, length);
        return declared(declaration, offset, length, read.value(), read.text(), false,
                new Wording(declaration.labelKey(), valueKey, arguments));
    }

    /** A computed value of {@code declaration}, in brackets in the tree, shown as tshark prints it. */
    public Field generated(HeaderField declaration, int offset, int length, Object value, String text) {
        return declared(declaration, offset, length, value, text, true, null);
    }

    /** A computed value shown as the word {@code valueKey} formatted with {@code arguments}. */
    public Field generated(HeaderField declaration, int offset, int length, Object value, String text,
            String valueKey, Object... arguments) {
        return declared(declaration, offset, length, value, text, true,
                new Wording(declaration.labelKey(), valueKey, arguments));
    }

    /** An address of {@code declaration}'s type (Ethernet, IPv4, IPv6), printed as tshark prints it. */
    public Field address(HeaderField declaration, int offset, int length) {
        String text = switch (declaration.type()) {
            case ETHERNET -> AddressText.mac(bytes, offset);
            case IPV4 -> AddressText.ipv4(bytes, offset);
            case IPV6 -> AddressText.ipv6(bytes, offset);
            default -> throw new IllegalArgumentException(declaration.name() + " is not an address");
        };
        return declared(declaration, offset, length, text, text, false, null);
    }

    /**
     * Text of {@code declaration} read from the packet (a name, a message, an HTTP line): shown and printed
     * escaped ({@link CaptureText}), and never translated.
     */
    public Field text(HeaderField declaration, int offset, int length, String value) {
        String shown = CaptureText.escape(value);
        return declared(declaration, offset, length, shown, shown, false, null);
    }

    /** Text of {@code declaration} that is one of the decoder's words, shown as the word {@code valueKey}. */
    public Field text(HeaderField declaration, int offset, int length, String value, String valueKey,
            Object... arguments) {
        String shown = CaptureText.escape(value);
        return declared(declaration, offset, length, shown, shown, false,
                new Wording(declaration.labelKey(), valueKey, arguments));
    }

    /**
     * Raw bytes of {@code declaration} printed in hex, shown in the tree by their label alone, formatted with
     * {@code labelArguments} ("TCP payload (146 bytes)").
     */
    public Field bytes(HeaderField declaration, int offset, int length, Object... labelArguments) {
        String text = HexFormat.of().formatHex(bytes, offset, offset + length);
        return declared(declaration, offset, length, text, text, false,
                new Wording(declaration.labelKey(), Wording.NO_VALUE, labelArguments));
    }

    /** Raw bytes of {@code declaration}, printed as lower-case hex as tshark prints FT_BYTES. */
    public Field data(HeaderField declaration, int offset, int length) {
        String text = HexFormat.of().formatHex(bytes, offset, offset + length);
        String shown = length <= 16 ? text : text.substring(0, 32) + "…";
        return declared(declaration, offset, length, text, text, false,
                new Wording(declaration.labelKey(), "value", shown));
    }

    /** A subtree titled by its label alone, formatted with {@code labelArguments} ("TCP Option - SACK 2 blocks"). */
    public Field group(HeaderField declaration, int offset, int length, List<Field> children,
            Object... labelArguments) {
        Wording wording = new Wording(declaration.labelKey(), Wording.NO_VALUE, labelArguments);
        String title = FieldLabels.english().text(wording.labelKey(), wording.arguments());
        return Field.worded(declaration.name(), range(offset, length), 0, title, "", false, children, wording);
    }

    private Field declared(HeaderField declaration, int offset, int length, Object value, String text,
            boolean generated, Wording wording) {
        Wording words = wording != null ? wording : new Wording(declaration.labelKey(), null);
        if (declaration.mask() != 0) {
            words = words.withBits(bitPattern(offset, length, declaration.mask()));
        }
        return Field.worded(declaration.name(), range(offset, length), declaration.mask(), value, text, generated,
                List.of(), words);
    }

    /**
     * A number as tshark prints it: in hexadecimal with two digits per byte of the field's width, which for
     * a field of a few bits is the smallest word holding its mask (ipv6.flow, 20 bits of a 32-bit word, is
     * Wireshark's FT_UINT24: six digits).
     */
    private static String numberText(HeaderField declaration, long value, int length) {
        if (declaration.base() != HeaderField.Base.HEX) {
            return Long.toString(value);
        }
        int widthBytes = declaration.mask() == 0 ? length : (64 - Long.numberOfLeadingZeros(declaration.mask()) + 7) / 8;
        return hexText(value, 2 * widthBytes);
    }

    /** An unsigned number printed in decimal. */
    public Field uint(String name, String label, int offset, int length, long value) {
        return field(name, label, offset, length, 0, value, label + ": " + value, Long.toString(value));
    }

    /** An unsigned number printed in decimal, shown in the tree with {@code shown} after the label. */
    public Field uint(String name, String label, int offset, int length, long value, String shown) {
        return field(name, label, offset, length, 0, value, label + ": " + shown, Long.toString(value));
    }

    /** A number tshark prints in hex with {@code 2 * length} digits (e.g. tcp.checksum 0x3bc0). */
    public Field hex(String name, String label, int offset, int length, long value) {
        String text = hexText(value, 2 * length);
        return field(name, label, offset, length, 0, value, label + ": " + text, text);
    }

    /** A hex number with its meaning in the tree, e.g. "Type: IPv4 (0x0800)". */
    public Field hex(String name, String label, int offset, int length, long value, String meaning) {
        String text = hexText(value, 2 * length);
        return field(name, label, offset, length, 0, value, label + ": " + meaning + " (" + text + ")", text);
    }

    /** A few bits of a big-endian word of {@code length} bytes, printed in decimal. */
    public Field bits(String name, String label, int offset, int length, long mask, long value, String shown) {
        String display = bitPattern(offset, length, mask) + " = " + label + ": " + shown;
        return field(name, label, offset, length, mask, value, display, Long.toString(value));
    }

    /** A few bits printed in hex with {@code digits} digits (e.g. ip.flags 0x02, tcp.flags 0x0012). */
    public Field hexBits(String name, String label, int offset, int length, long mask, long value, int digits,
            String shown) {
        String text = hexText(value, digits);
        String display = bitPattern(offset, length, mask) + " = " + label + ": " + text
                + (shown.isEmpty() ? "" : " (" + shown + ")");
        return field(name, label, offset, length, mask, value, display, text);
    }

    /** One flag bit, printed 1 or 0 as tshark prints booleans. */
    public Field flag(String name, String label, int offset, int length, long mask) {
        boolean set = (word(offset, length) & mask) != 0;
        String display = bitPattern(offset, length, mask) + " = " + label + ": " + (set ? "Set" : "Not set");
        return new Field(label, name, range(offset, length), mask, set, display, set ? "1" : "0", false, List.of());
    }

    /** A text field; its label and value may come from the capture, and are escaped ({@link CaptureText}). */
    public Field string(String name, String label, int offset, int length, String value) {
        String shownLabel = CaptureText.escape(label);
        String shownValue = CaptureText.escape(value);
        return field(name, shownLabel, offset, length, 0, shownValue, shownLabel + ": " + shownValue, shownValue);
    }

    /** Raw bytes, printed as lower-case hex without separators as tshark prints FT_BYTES. */
    public Field data(String name, String label, int offset, int length) {
        String text = HexFormat.of().formatHex(bytes, offset, offset + length);
        String shown = length <= 16 ? text : text.substring(0, 32) + "…";
        return field(name, label, offset, length, 0, text, label + ": " + shown, text);
    }

    /** A computed value, shown in brackets as Wireshark shows generated fields. */
    public Field generated(String name, String label, int offset, int length, Object value, String text) {
        return new Field(label, name, range(offset, length), 0, value, "[" + label + ": " + text + "]", text, true,
                List.of());
    }

    /** A computed value whose tree text differs from its tshark text. */
    public Field generated(String name, String label, int offset, int length, Object value, String text,
            String shown) {
        return new Field(label, name, range(offset, length), 0, value, "[" + label + ": " + shown + "]", text, true,
                List.of());
    }

    /** A subtree without a value of its own, e.g. "Options: (12 bytes)". */
    public Field group(String name, String display, int offset, int length, List<Field> children) {
        display = CaptureText.escape(display);
        return new Field(display, name, range(offset, length), 0, display, display, "", false, children);
    }

    public void note(int offset, int length, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.NOTE, range(offset, length), CaptureText.escape(message)));
    }

    public void warning(int offset, int length, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, range(offset, length), CaptureText.escape(message)));
    }

    public void error(int offset, int length, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, range(offset, length), CaptureText.escape(message)));
    }

    public Layer build(int end, String title, String summary) {
        return new Layer(protocol, title, osiLayer, range(start, end - start), fields, diagnostics,
                CaptureText.escape(summary));
    }

    /** The layer, titled by the word {@code title} of the bundles (its English text is the tree's title). */
    public Layer build(int end, Wording title, String summary) {
        return new Layer(protocol, FieldLabels.english().text(title.labelKey(), title.arguments()), osiLayer,
                range(start, end - start), fields, diagnostics, CaptureText.escape(summary), title);
    }

    public static String hexText(long value, int digits) {
        String hex = Long.toHexString(value);
        return "0x" + "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }

    private Field field(String name, String label, int offset, int length, long mask, Object value, String display,
            String text) {
        return new Field(label, name, range(offset, length), mask, value, display, text, false, List.of());
    }

    /** A range clipped to the captured bytes: a header that was not captured at all has an empty range at the end. */
    private ByteRange range(int offset, int length) {
        int start = Math.min(Math.max(0, offset), bytes.length);
        int end = Math.min(Math.max(start, offset + Math.max(0, length)), bytes.length);
        return new ByteRange(start, end - start);
    }

    private long word(int offset, int length) {
        long word = 0;
        for (int i = 0; i < length; i++) {
            word = word << 8 | (bytes[offset + i] & 0xff);
        }
        return word;
    }

    /** Wireshark's bit picture, e.g. ".... ..1. .... ...." for a mask over a 16-bit word. */
    private String bitPattern(int offset, int length, long mask) {
        long word = word(offset, length);
        int bits = 8 * length;
        StringBuilder out = new StringBuilder(bits + bits / 4);
        for (int i = bits - 1; i >= 0; i--) {
            long bit = 1L << i;
            out.append((mask & bit) == 0 ? '.' : (word & bit) != 0 ? '1' : '0');
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
