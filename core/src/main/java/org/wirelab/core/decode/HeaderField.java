package org.wirelab.core.decode;

/**
 * A field declared once, as Wireshark declares a header field ({@code hf_register_info}): its filter name,
 * the key of its label in the {@code FieldLabels} bundles, its type, how tshark prints a number of it, and,
 * for a field of a few bits, the mask over the bytes it is read from. Decoders add fields by their
 * declaration ({@link LayerBuilder#add(HeaderField, int, int)}); the tree, {@code -e}, display filters and
 * the labels in each language all read it.
 *
 * @param name Wireshark's field name ({@code tcp.srcport}); "" for a subtree Wireshark does not name
 * @param labelKey the key of the field's label in the {@code FieldLabels} bundles, most often its name
 * @param mask the bits of the field in its bytes read big-endian, 0 for whole bytes
 */
public record HeaderField(String name, String labelKey, FieldType type, Base base, long mask) {

    /** How tshark prints a number: decimal, or hexadecimal with two digits per byte of the field. */
    public enum Base { DEC, HEX }

    /** An unsigned number read from whole bytes, printed in decimal. */
    public static HeaderField unsigned(String name) {
        return new HeaderField(name, name, FieldType.UNSIGNED, Base.DEC, 0);
    }

    /** An unsigned number printed in hexadecimal (tcp.checksum 0x3bc0). */
    public static HeaderField hex(String name) {
        return new HeaderField(name, name, FieldType.UNSIGNED, Base.HEX, 0);
    }

    /** A few bits of a big-endian word, printed in decimal. */
    public static HeaderField bits(String name, long mask) {
        return new HeaderField(name, name, FieldType.UNSIGNED, Base.DEC, mask);
    }

    /** A few bits printed in hexadecimal (tcp.flags 0x0012). */
    public static HeaderField hexBits(String name, long mask) {
        return new HeaderField(name, name, FieldType.UNSIGNED, Base.HEX, mask);
    }

    /** One bit: "Set" or "Not set" in the tree, 1 or 0 as tshark prints it. */
    public static HeaderField flag(String name, long mask) {
        return new HeaderField(name, name, FieldType.BOOLEAN, Base.DEC, mask);
    }

    /** A value of another type, not read by a mask (generated numbers, strings, bytes, addresses, times). */
    public static HeaderField of(String name, FieldType type) {
        return new HeaderField(name, name, type, Base.DEC, 0);
    }

    /** A subtree Wireshark does not name (a TCP option's title): only its label is declared. */
    public static HeaderField unnamed(String labelKey) {
        return new HeaderField("", labelKey, FieldType.NONE, Base.DEC, 0);
    }

    /** A value Wireshark shows without a filter name (a line of text, an HTTP header line). */
    public static HeaderField unnamed(String labelKey, FieldType type) {
        return new HeaderField("", labelKey, type, Base.DEC, 0);
    }

    /** The same field under another label (chat.message as "Unframed text"), as Wireshark registers one name twice. */
    public HeaderField labelled(String otherLabelKey) {
        return new HeaderField(name, otherLabelKey, type, base, mask);
    }

    /** The number of bits the mask's value is shifted by in its word. */
    public int shift() {
        return mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
    }
}
