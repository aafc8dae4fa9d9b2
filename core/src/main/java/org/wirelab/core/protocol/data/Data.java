package org.wirelab.core.protocol.data;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * Wireshark's "Data" (packet-data.c): the bytes no decoder claimed, declared once. A payload that is text
 * is the same protocol shown line by line ({@link TextDecoder}), as tshark still calls it {@code data}.
 * Labels and titles are in the {@code FieldLabels} bundles under these names.
 */
public final class Data {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("data", "Data");
    /** A text payload is Wireshark's Data shown line by line (tshark calls it data too). */
    public static final ProtocolField TEXT_PROTOCOL_FIELD = ProtocolField.titled("data", "Text");
    /** The protocol, by its filter name; its title is the bundles' {@code data} ("Data (12 bytes)"). */
    public static final String PROTOCOL = PROTOCOL_FIELD.name();
    /** The title of a payload shown as text ("Text (12 bytes)"). */
    public static final String TEXT_TITLE = "data.title.text";

    public static final HeaderField DATA = HeaderField.of("data.data", FieldType.BYTES);
    public static final HeaderField LEN = HeaderField.unsigned("data.len");
    /** One line of a text payload; Wireshark's text lines have no filter name. */
    public static final HeaderField LINE = HeaderField.unnamed("data.line", FieldType.STRING);

    /** Every named Data field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(DATA, LEN);

    private Data() {
    }
}
