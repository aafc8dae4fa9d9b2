package org.wirelab.core.header;

/** TCP header layout, flag bits and option walking (RFC 9293 section 3.1, RFC 7323, RFC 2018, RFC 3540). */
public final class Tcp {
    public static final int MIN_HEADER_LENGTH = 20;
    /** Ports, numbers, header length, flags and window: what precedes the checksum. */
    public static final int FIXED_FIELDS_LENGTH = 16;
    public static final int SOURCE_PORT = 0;
    public static final int DESTINATION_PORT = 2;
    public static final int SEQUENCE_NUMBER = 4;
    public static final int ACKNOWLEDGMENT_NUMBER = 8;
    public static final int DATA_OFFSET_FLAGS = 12;
    public static final int WINDOW = 14;
    public static final int CHECKSUM = 16;
    public static final int URGENT_POINTER = 18;

    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    /** The former ECN-nonce bit (RFC 3540, historic), Wireshark's "Accurate ECN" in later versions. */
    public static final int NS = 0x100;
    public static final int RESERVED = 0xe00;

    public static final int OPTION_EOL = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_MSS = 2;
    public static final int OPTION_WINDOW_SCALE = 3;
    public static final int OPTION_SACK_PERMITTED = 4;
    public static final int OPTION_SACK = 5;
    public static final int OPTION_TIMESTAMPS = 8;
    /** RFC 7323 section 2.3: a larger shift is treated as 14. */
    public static final int MAX_WINDOW_SHIFT = 14;

    private Tcp() {
    }

    public static int sourcePort(byte[] b, int offset) {
        return Bytes.u16(b, offset + SOURCE_PORT);
    }

    public static int destinationPort(byte[] b, int offset) {
        return Bytes.u16(b, offset + DESTINATION_PORT);
    }

    public static int sequenceNumber(byte[] b, int offset) {
        return Bytes.u32(b, offset + SEQUENCE_NUMBER);
    }

    public static int acknowledgmentNumber(byte[] b, int offset) {
        return Bytes.u32(b, offset + ACKNOWLEDGMENT_NUMBER);
    }

    /** The data offset field in 32-bit words. */
    public static int dataOffset(byte[] b, int offset) {
        return Bytes.u8(b, offset + DATA_OFFSET_FLAGS) >>> 4;
    }

    /** The header length in bytes (data offset times four), what tshark calls tcp.hdr_len. */
    public static int headerLength(byte[] b, int offset) {
        return dataOffset(b, offset) * 4;
    }

    /** The 12 bits after the data offset, as tshark's tcp.flags (reserved bits included). */
    public static int flags(byte[] b, int offset) {
        return Bytes.u16(b, offset + DATA_OFFSET_FLAGS) & 0x0fff;
    }

    public static int window(byte[] b, int offset) {
        return Bytes.u16(b, offset + WINDOW);
    }

    public static int checksum(byte[] b, int offset) {
        return Bytes.u16(b, offset + CHECKSUM);
    }

    public static int urgentPointer(byte[] b, int offset) {
        return Bytes.u16(b, offset + URGENT_POINTER);
    }

    /**
     * The length of the option starting at {@code offset}, or -1 when it runs past {@code end} or
     * declares a length below 2. EOL and NOP are one byte (RFC 9293 section 3.2).
     */
    public static int optionLength(byte[] b, int offset, int end) {
        if (offset >= end) {
            return -1;
        }
        int kind = Bytes.u8(b, offset);
        if (kind == OPTION_EOL || kind == OPTION_NOP) {
            return 1;
        }
        if (offset + 1 >= end) {
            return -1;
        }
        int length = Bytes.u8(b, offset + 1);
        return length < 2 || offset + length > end ? -1 : length;
    }

    /**
     * Where the first option of {@code kind} with exactly {@code length} bytes starts between
     * {@code start} and {@code end}, or -1. The walk stops at EOL or at a malformed option.
     */
    public static int findOption(byte[] b, int start, int end, int kind, int length) {
        int at = start;
        while (at < end) {
            int k = Bytes.u8(b, at);
            if (k == OPTION_EOL) {
                return -1;
            }
            int n = optionLength(b, at, end);
            if (n < 0) {
                return -1;
            }
            if (k == kind && n == length) {
                return at;
            }
            at += n;
        }
        return -1;
    }

    /**
     * The window-scale shift carried by the header at {@code offset} whose options end at
     * {@code optionsEnd} (clamped to {@link #MAX_WINDOW_SHIFT}), or -1 when there is none.
     */
    public static int windowShift(byte[] b, int offset, int optionsEnd) {
        int at = findOption(b, offset + MIN_HEADER_LENGTH, optionsEnd, OPTION_WINDOW_SCALE, 3);
        return at < 0 ? -1 : Math.min(MAX_WINDOW_SHIFT, Bytes.u8(b, at + 2));
    }

    /**
     * tshark's tcp.flags.str: 12 characters, most significant bit first, a letter for each set flag and
     * U+00B7 for each clear one (Wireshark's tcp_flags_to_str_first_letter).
     */
    public static String flagsString(int flags) {
        String letters = "RRRNCEUAPRSF";
        char[] text = new char[12];
        for (int i = 0; i < 12; i++) {
            boolean set = (flags & (1 << (11 - i))) != 0;
            text[i] = set ? letters.charAt(i) : '\u00b7';
        }
        return new String(text);
    }
}
