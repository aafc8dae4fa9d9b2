package org.wirelab.core.decode;

/**
 * What kind of value a field holds, as Wireshark's {@code ftenum} says (FT_UINT16, FT_IPv4 ...): a display
 * filter converts its literals to the type of the field they are compared with, and compares by type.
 */
public enum FieldType {
    /** A protocol: its value is the bytes the protocol covers, its text the protocol's tree title. */
    PROTOCOL,
    /** Present or absent, nothing to compare (Wireshark's FT_NONE, e.g. the tcp.analysis flags). */
    NONE,
    BOOLEAN,
    /** An unsigned number (also frame numbers). */
    UNSIGNED,
    SIGNED,
    /** Seconds with a fraction: relative times and the epoch time. */
    TIME,
    /**
     * A date and time (Wireshark's FT_ABSOLUTE_TIME, frame.time): printed as tshark prints it in the local
     * time zone, compared as an instant.
     */
    ABSOLUTE_TIME,
    STRING,
    BYTES,
    IPV4,
    IPV6,
    ETHERNET;

    /** Whether the type has an order (>, <) and numbers as literals. */
    public boolean isNumeric() {
        return this == BOOLEAN || this == UNSIGNED || this == SIGNED || this == TIME || this == ABSOLUTE_TIME;
    }
}
