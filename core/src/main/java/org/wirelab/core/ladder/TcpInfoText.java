package org.wirelab.core.ladder;

import java.nio.charset.StandardCharsets;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * A TCP segment described as Wireshark's Info column describes it (packet-tcp.c, 4.0), without the
 * ports (the ladder's lanes show them): "SYN, ACK Seq=0 Ack=1 Win=65483 Len=0 MSS=65495 SACK_PERM
 * TSval=1 TSecr=2 WS=128". Options appear in header order; sequence numbers are the relative ones.
 */
public final class TcpInfoText {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "NS"};
    private static final int FLAG_BITS = 0xfff;
    // The flag names of each of the 4,096 values of the 12 flag bits, made when first met (a capture meets
    // a dozen): the label of every segment starts with them. Strings are immutable, so threads may share them.
    private static final String[] FLAG_TEXT = new String[FLAG_BITS + 1];
    private static final byte[][] FLAG_BYTES = new byte[FLAG_BITS + 1][];

    // The label's words as ASCII bytes: every segment's label is written from them.
    private static final byte[] SEQ = ascii(" Seq=");
    private static final byte[] ACK = ascii(" Ack=");
    private static final byte[] WIN = ascii(" Win=");
    private static final byte[] URG = ascii(" Urg=");
    private static final byte[] LEN = ascii(" Len=");
    private static final byte[] MSS = ascii(" MSS=");
    private static final byte[] WS = ascii(" WS=");
    private static final byte[] SACK_PERM = ascii(" SACK_PERM");
    private static final byte[] TSVAL = ascii(" TSval=");
    private static final byte[] TSECR = ascii(" TSecr=");
    private static final byte[] SLE = ascii(" SLE=");
    private static final byte[] SRE = ascii(" SRE=");

    private TcpInfoText() {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The flag names from the least significant bit up, as tshark's flow diagram and Info column: "FIN, PSH, ACK". */
    public static String flags(int flags) {
        int bits = flags & FLAG_BITS;
        String text = FLAG_TEXT[bits];
        if (text == null) {
            text = flagNames(bits);
            FLAG_TEXT[bits] = text;
        }
        return text;
    }

    private static byte[] flagBytes(int flags) {
        int bits = flags & FLAG_BITS;
        byte[] bytes = FLAG_BYTES[bits];
        if (bytes == null) {
            bytes = flags(bits).getBytes(StandardCharsets.US_ASCII);
            FLAG_BYTES[bits] = bytes;
        }
        return bytes;
    }

    private static String flagNames(int flags) {
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                text.append(text.length() == 0 ? "" : ", ").append(FLAG_NAMES[bit]);
            }
        }
        if ((flags & Tcp.RESERVED) != 0) {
            text.append(text.length() == 0 ? "" : ", ").append("Reserved");
        }
        return text.length() == 0 ? "<None>" : text.toString();
    }

    /**
     * The label of a segment. {@code sequence} and {@code acknowledgement} are what tshark shows (relative
     * when known); {@code window} is the scaled window; {@code length} is tcp.len. The header at
     * {@code tcpOffset} of {@code bytes} supplies the urgent pointer and the options; the frame's captured
     * bytes end at {@code capturedEnd}, and like tshark we show the options read before that end. SACK
     * edges are shown relative: {@code sackBase} is subtracted from them (the raw minus relative
     * acknowledgement).
     */
    public static String label(int flags, long sequence, long acknowledgement, long window, int length,
            byte[] bytes, int tcpOffset, int capturedEnd, int sackBase) {
        AsciiLine text = new AsciiLine(96);
        write(text, flags, sequence, acknowledgement, window, length, bytes, tcpOffset, capturedEnd, sackBase);
        return text.toString();
    }

    /** Writes the {@link #label} of a segment into {@code text}, as ASCII bytes without making a string. */
    static void write(AsciiLine text, int flags, long sequence, long acknowledgement, long window, int length,
            byte[] bytes, int tcpOffset, int capturedEnd, int sackBase) {
        text.append(flagBytes(flags)).append(SEQ).append(sequence);
        if ((flags & Tcp.ACK) != 0) {
            text.append(ACK).append(acknowledgement);
        }
        text.append(WIN).append(window);
        if ((flags & Tcp.URG) != 0) {
            text.append(URG).append(Tcp.urgentPointer(bytes, tcpOffset));
        }
        text.append(LEN).append(length);
        if (capturedEnd - tcpOffset >= Tcp.MIN_HEADER_LENGTH) {
            appendOptions(text, bytes, tcpOffset + Tcp.MIN_HEADER_LENGTH,
                    Math.min(capturedEnd, tcpOffset + Tcp.headerLength(bytes, tcpOffset)), sackBase);
        }
    }

    private static void appendOptions(AsciiLine text, byte[] b, int start, int end, int sackBase) {
        int at = start;
        while (at < end) {
            int kind = Bytes.u8(b, at);
            if (kind == Tcp.OPTION_EOL) {
                return;
            }
            int length = Tcp.optionLength(b, at, end);
            if (length < 0) {
                return;
            }
            switch (kind) {
                case Tcp.OPTION_MSS -> {
                    if (length == 4) {
                        text.append(MSS).append(Bytes.u16(b, at + 2));
                    }
                }
                case Tcp.OPTION_WINDOW_SCALE -> {
                    if (length == 3) {
                        text.append(WS).append(1 << Math.min(Tcp.MAX_WINDOW_SHIFT, Bytes.u8(b, at + 2)));
                    }
                }
                case Tcp.OPTION_SACK_PERMITTED -> text.append(SACK_PERM);
                case Tcp.OPTION_TIMESTAMPS -> {
                    if (length == 10) {
                        text.append(TSVAL).append(Integer.toUnsignedLong(Bytes.u32(b, at + 2)))
                                .append(TSECR).append(Integer.toUnsignedLong(Bytes.u32(b, at + 6)));
                    }
                }
                case Tcp.OPTION_SACK -> {
                    for (int edge = at + 2; edge + 8 <= at + length; edge += 8) {
                        text.append(SLE).append(Integer.toUnsignedLong(Bytes.u32(b, edge) - sackBase))
                                .append(SRE).append(Integer.toUnsignedLong(Bytes.u32(b, edge + 4) - sackBase));
                    }
                }
                default -> {
                    // NOP and options Wireshark does not put in the Info column
                }
            }
            at += length;
        }
    }
}
