package org.wirelab.core.protocol.tcp;

import org.wirelab.core.decode.ProtocolField;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.EitherField;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;

/**
 * TCP's one place: the header layout, the flag bits, the option walking (RFC 9293 section 3.1, RFC 7323,
 * RFC 2018, RFC 3540) and every field Wireshark names for TCP, declared once as packet-tcp.c declares them
 * (the tree's fields, which {@link TcpDecoder} adds, and those the capture's analysis computes). Their
 * labels are in the {@code FieldLabels} bundles under the same names.
 */
public final class Tcp {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("tcp", "TCP");
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
    /** Accurate ECN's bit, the former ECN-nonce bit NS (RFC 3540, historic). */
    public static final int AE = 0x100;
    public static final int RESERVED = 0xe00;
    /** The flags' names in Wireshark's Info column, lowest bit first. */
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    public static final int OPTION_EOL = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_MSS = 2;
    public static final int OPTION_WINDOW_SCALE = 3;
    public static final int OPTION_SACK_PERMITTED = 4;
    public static final int OPTION_SACK = 5;
    public static final int OPTION_TIMESTAMPS = 8;
    /** RFC 7323 section 2.3: a larger shift is treated as 14. */
    public static final int MAX_WINDOW_SHIFT = 14;

    // The header, in the tree's order.
    public static final HeaderField SRCPORT = HeaderField.unsigned("tcp.srcport");
    public static final HeaderField DSTPORT = HeaderField.unsigned("tcp.dstport");
    public static final HeaderField PORT = HeaderField.unsigned("tcp.port");
    public static final HeaderField STREAM = HeaderField.unsigned("tcp.stream");
    public static final HeaderField LEN = HeaderField.unsigned("tcp.len");
    public static final HeaderField SEQ = HeaderField.unsigned("tcp.seq");
    public static final HeaderField SEQ_RAW = HeaderField.unsigned("tcp.seq_raw");
    public static final HeaderField NXTSEQ = HeaderField.unsigned("tcp.nxtseq");
    public static final HeaderField ACK_NUMBER = HeaderField.unsigned("tcp.ack");
    public static final HeaderField ACK_RAW = HeaderField.unsigned("tcp.ack_raw");
    public static final HeaderField HDR_LEN = HeaderField.bits("tcp.hdr_len", 0xf0);
    public static final HeaderField FLAGS = HeaderField.hexBits("tcp.flags", 0x0fff);
    public static final HeaderField FLAGS_RES = HeaderField.flag("tcp.flags.res", RESERVED);
    public static final HeaderField FLAGS_AE = HeaderField.flag("tcp.flags.ae", AE);
    public static final HeaderField FLAGS_CWR = HeaderField.flag("tcp.flags.cwr", CWR);
    public static final HeaderField FLAGS_ECE = HeaderField.flag("tcp.flags.ece", ECE);
    public static final HeaderField FLAGS_URG = HeaderField.flag("tcp.flags.urg", URG);
    public static final HeaderField FLAGS_ACK = HeaderField.flag("tcp.flags.ack", ACK);
    public static final HeaderField FLAGS_PUSH = HeaderField.flag("tcp.flags.push", PSH);
    public static final HeaderField FLAGS_RESET = HeaderField.flag("tcp.flags.reset", RST);
    public static final HeaderField FLAGS_SYN = HeaderField.flag("tcp.flags.syn", SYN);
    public static final HeaderField FLAGS_FIN = HeaderField.flag("tcp.flags.fin", FIN);
    public static final HeaderField FLAGS_STR = HeaderField.of("tcp.flags.str", FieldType.STRING);
    public static final HeaderField WINDOW_SIZE_VALUE = HeaderField.unsigned("tcp.window_size_value");
    public static final HeaderField WINDOW_SIZE = HeaderField.unsigned("tcp.window_size");
    public static final HeaderField WINDOW_SIZE_SCALEFACTOR = HeaderField.of("tcp.window_size_scalefactor",
            FieldType.SIGNED);
    public static final HeaderField CHECKSUM_FIELD = HeaderField.hex("tcp.checksum");
    public static final HeaderField CHECKSUM_STATUS = HeaderField.unsigned("tcp.checksum.status");
    public static final HeaderField URGENT_POINTER_FIELD = HeaderField.unsigned("tcp.urgent_pointer");

    // The options.
    public static final HeaderField OPTIONS = HeaderField.of("tcp.options", FieldType.BYTES);
    /** An option Wireshark gives no name of its own: "TCP Option - Maximum segment size: 1460 bytes". */
    public static final HeaderField OPTION_TITLE = HeaderField.unnamed("tcp.option");
    /** The item of an expert note on a D-SACK block, which holds tcp.options.sack.dsack. */
    public static final HeaderField DSACK_NOTE = HeaderField.unnamed("tcp.options.sack.dsack");
    public static final HeaderField OPTION_KIND = HeaderField.unsigned("tcp.option_kind");
    public static final HeaderField OPTION_LEN = HeaderField.unsigned("tcp.option_len");
    /** An option whose length is not its kind's (an expert note, FT_NONE). */
    public static final HeaderField OPTION_LEN_INVALID = HeaderField.of("tcp.option.len.invalid", FieldType.NONE);
    public static final HeaderField OPTIONS_EOL = HeaderField.of("tcp.options.eol", FieldType.BYTES);
    public static final HeaderField OPTIONS_NOP = HeaderField.of("tcp.options.nop", FieldType.BYTES);
    public static final HeaderField OPTIONS_SACK_PERM = HeaderField.of("tcp.options.sack_perm", FieldType.BYTES);
    public static final HeaderField OPTIONS_MSS_VAL = HeaderField.unsigned("tcp.options.mss_val");
    public static final HeaderField OPTIONS_WSCALE_SHIFT = HeaderField.unsigned("tcp.options.wscale.shift");
    public static final HeaderField OPTIONS_WSCALE_MULTIPLIER = HeaderField.unsigned("tcp.options.wscale.multiplier");
    /**
     * The options Wireshark names whose item is titled by what they carry ("TCP Option - Maximum segment
     * size: 1460 bytes"): -e prints their bytes in hex, as for any FT_NONE item that covers bytes.
     */
    public static final HeaderField OPTIONS_MSS = titled("tcp.options.mss", "tcp.option.mss");
    public static final HeaderField OPTIONS_WSCALE = titled("tcp.options.wscale", "tcp.option.wscale");
    public static final HeaderField OPTIONS_SACK = titled("tcp.options.sack", "tcp.option.sack");
    public static final HeaderField OPTIONS_TIMESTAMP = titled("tcp.options.timestamp", "tcp.option.timestamps");
    /**
     * A SACK block's edges: read raw by the decoder, made relative to the start of the data they acknowledge
     * once the conversation is known (packet-tcp.c subtracts the reverse flow's base sequence number).
     */
    public static final HeaderField OPTIONS_SACK_LE = HeaderField.unsigned("tcp.options.sack_le");
    public static final HeaderField OPTIONS_SACK_RE = HeaderField.unsigned("tcp.options.sack_re");
    public static final HeaderField OPTIONS_SACK_COUNT = HeaderField.unsigned("tcp.options.sack.count");
    /** A first block below the acknowledgment number, or inside the second block, reports a duplicate (RFC 2883). */
    public static final HeaderField OPTIONS_SACK_DSACK_LE = HeaderField.unsigned("tcp.options.sack.dsack_le");
    public static final HeaderField OPTIONS_SACK_DSACK_RE = HeaderField.unsigned("tcp.options.sack.dsack_re");
    public static final HeaderField OPTIONS_SACK_DSACK = HeaderField.of("tcp.options.sack.dsack", FieldType.NONE);
    public static final HeaderField OPTIONS_TSVAL = HeaderField.unsigned("tcp.options.timestamp.tsval");
    public static final HeaderField OPTIONS_TSECR = HeaderField.unsigned("tcp.options.timestamp.tsecr");
    public static final HeaderField OPTIONS_UNKNOWN_PAYLOAD = HeaderField.of("tcp.options.unknown.payload",
            FieldType.BYTES);

    /** The segment's captured data (Wireshark's "TCP payload (N bytes)"); a reset's is its reason, not data. */
    public static final HeaderField PAYLOAD = HeaderField.of("tcp.payload", FieldType.BYTES);

    // What the capture's analysis computes (TcpColumns reads them from its columns).
    public static final HeaderField TIME_RELATIVE = HeaderField.of("tcp.time_relative", FieldType.TIME);
    public static final HeaderField TIME_DELTA = HeaderField.of("tcp.time_delta", FieldType.TIME);
    public static final HeaderField ANALYSIS_ACKS_FRAME = HeaderField.unsigned("tcp.analysis.acks_frame");
    public static final HeaderField ANALYSIS_ACK_RTT = HeaderField.of("tcp.analysis.ack_rtt", FieldType.TIME);
    public static final HeaderField ANALYSIS_DUPLICATE_ACK_NUM = HeaderField.unsigned(
            "tcp.analysis.duplicate_ack_num");
    public static final HeaderField ANALYSIS_DUPLICATE_ACK_FRAME = HeaderField.unsigned(
            "tcp.analysis.duplicate_ack_frame");
    public static final HeaderField ANALYSIS_INITIAL_RTT = HeaderField.of("tcp.analysis.initial_rtt", FieldType.TIME);
    public static final HeaderField ANALYSIS_BYTES_IN_FLIGHT = HeaderField.unsigned("tcp.analysis.bytes_in_flight");
    public static final HeaderField ANALYSIS_PUSH_BYTES_SENT = HeaderField.unsigned("tcp.analysis.push_bytes_sent");
    public static final HeaderField ANALYSIS_RTO = HeaderField.of("tcp.analysis.rto", FieldType.TIME);
    public static final HeaderField ANALYSIS_RTO_FRAME = HeaderField.unsigned("tcp.analysis.rto_frame");
    /** What the stream has shown before this frame: SYN 1, SYN-ACK 2, ACK 4, data 8, FIN 16, RST 32. */
    public static final HeaderField COMPLETENESS = HeaderField.unsigned("tcp.completeness");
    /** The expert notes on a segment's flags, present or absent (FT_NONE). */
    public static final List<HeaderField> CONNECTION_NOTES = none("tcp.connection.syn", "tcp.connection.synack",
            "tcp.connection.fin", "tcp.connection.fin_active", "tcp.connection.fin_passive", "tcp.connection.rst");
    /** The analysis's flags, present or absent (FT_NONE). */
    public static final List<HeaderField> ANALYSIS_FLAGS = none("tcp.analysis.flags", "tcp.analysis.retransmission",
            "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission", "tcp.analysis.duplicate_ack",
            "tcp.analysis.out_of_order", "tcp.analysis.lost_segment", "tcp.analysis.ack_lost_segment",
            "tcp.analysis.zero_window", "tcp.analysis.window_full", "tcp.analysis.window_update",
            "tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack", "tcp.analysis.zero_window_probe",
            "tcp.analysis.zero_window_probe_ack", "tcp.analysis.reused_ports");

    // Reassembly: the items packet-tcp.c adds where a protocol above it (HTTP) asks for the bytes of several
    // segments and is decoded in the one that completes them (HttpReassembly finds them).
    /** A segment's payload that goes into a message put together from several segments. */
    public static final HeaderField SEGMENT_DATA = HeaderField.of("tcp.segment_data", FieldType.BYTES);
    /** In the completing segment: "2 Reassembled TCP Segments (165 bytes): #6(146), #8(19)", present or absent. */
    public static final HeaderField SEGMENTS = HeaderField.of("tcp.segments", FieldType.NONE);
    /** Below it, each segment's frame number (one occurrence per segment). */
    public static final HeaderField SEGMENT = HeaderField.unsigned("tcp.segment");
    public static final HeaderField SEGMENT_COUNT = HeaderField.unsigned("tcp.segment.count");
    public static final HeaderField REASSEMBLED_LENGTH = HeaderField.unsigned("tcp.reassembled.length");
    public static final HeaderField REASSEMBLED_DATA = HeaderField.of("tcp.reassembled.data", FieldType.BYTES);
    /**
     * In the segments before, the frame that completes the message: tshark knows it only on its second pass
     * ({@code -2}), so its default single pass, and wirelab's, never show it.
     */
    public static final HeaderField REASSEMBLED_IN = HeaderField.unsigned("tcp.reassembled_in");
    public static final List<HeaderField> REASSEMBLY_FIELDS = List.of(SEGMENT_DATA, SEGMENTS, SEGMENT, SEGMENT_COUNT,
            REASSEMBLED_LENGTH, REASSEMBLED_DATA, REASSEMBLED_IN);

    /** The text a reset carries, saying why it was sent. */
    public static final HeaderField RESET_CAUSE = HeaderField.of("tcp.reset_cause", FieldType.STRING);

    /** Every named TCP field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = named(SRCPORT, DSTPORT, PORT, STREAM, LEN, SEQ, SEQ_RAW, NXTSEQ,
            ACK_NUMBER, ACK_RAW, HDR_LEN, FLAGS, FLAGS_RES, FLAGS_AE, FLAGS_CWR, FLAGS_ECE, FLAGS_URG, FLAGS_ACK,
            FLAGS_PUSH, FLAGS_RESET, FLAGS_SYN, FLAGS_FIN, FLAGS_STR, WINDOW_SIZE_VALUE, WINDOW_SIZE,
            WINDOW_SIZE_SCALEFACTOR, CHECKSUM_FIELD, CHECKSUM_STATUS, URGENT_POINTER_FIELD, OPTIONS, OPTION_KIND,
            OPTION_LEN, OPTION_LEN_INVALID, OPTIONS_EOL, OPTIONS_NOP, OPTIONS_MSS, OPTIONS_WSCALE, OPTIONS_SACK, OPTIONS_TIMESTAMP,
            OPTIONS_SACK_PERM, OPTIONS_MSS_VAL, OPTIONS_WSCALE_SHIFT, OPTIONS_WSCALE_MULTIPLIER, OPTIONS_SACK_LE,
            OPTIONS_SACK_RE, OPTIONS_SACK_COUNT, OPTIONS_SACK_DSACK_LE, OPTIONS_SACK_DSACK_RE, OPTIONS_SACK_DSACK,
            OPTIONS_TSVAL, OPTIONS_TSECR, OPTIONS_UNKNOWN_PAYLOAD, PAYLOAD, COMPLETENESS, TIME_RELATIVE, TIME_DELTA,
            ANALYSIS_ACKS_FRAME, ANALYSIS_ACK_RTT, ANALYSIS_INITIAL_RTT, ANALYSIS_BYTES_IN_FLIGHT,
            ANALYSIS_PUSH_BYTES_SENT, ANALYSIS_RTO, ANALYSIS_RTO_FRAME, ANALYSIS_DUPLICATE_ACK_NUM,
            ANALYSIS_DUPLICATE_ACK_FRAME, RESET_CAUSE);

    /** Hidden tcp.port beside each port, so that one name matches either. */
    public static final List<EitherField> EITHER = List.of(EitherField.of(PORT, SRCPORT, DSTPORT));

    private Tcp() {
    }

    private static List<HeaderField> none(String... names) {
        List<HeaderField> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(HeaderField.of(name, FieldType.NONE));
        }
        return List.copyOf(fields);
    }

    private static List<HeaderField> named(HeaderField... fields) {
        List<HeaderField> all = new ArrayList<>(List.of(fields));
        all.addAll(ANALYSIS_FLAGS);
        all.addAll(CONNECTION_NOTES);
        all.addAll(REASSEMBLY_FIELDS);
        return List.copyOf(all);
    }

    /** A named option whose tree line is the title {@code labelKey} formatted with what it carries. */
    private static HeaderField titled(String name, String labelKey) {
        return new HeaderField(name, labelKey, FieldType.BYTES, HeaderField.Base.DEC, 0);
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

    /** "SYN, ACK" as Wireshark's Info column names the set flags: lowest bit first, then "Reserved". */
    public static String flagList(int flags) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                set.add(FLAG_NAMES[i]);
            }
        }
        if ((flags & RESERVED) != 0) {
            set.add("Reserved");
        }
        return String.join(", ", set);
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
