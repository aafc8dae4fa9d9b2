package org.wirelab.core.decode.transport;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.Tcp;

/**
 * The TCP options (RFC 9293 section 3.2, RFC 7323, RFC 2018) as a subtree named {@code tcp.options},
 * each option with its kind, length and values. A malformed option ends the walk with a diagnostic.
 */
final class TcpOptions {
    private TcpOptions() {
    }

    /** Decodes the options from {@code start} to the captured end of the header; appends "MSS=1460" etc. to summary. */
    static Field decode(LayerBuilder layer, int start, int end, StringBuilder summary) {
        byte[] b = layer.bytes();
        List<Field> options = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int at = start;
        while (at < end) {
            int kind = Bytes.u8(b, at);
            int length = Tcp.optionLength(b, at, end);
            if (length < 0) {
                String why = at + 1 >= end ? "its length byte is not captured"
                        : "it claims " + Bytes.u8(b, at + 1) + " bytes, " + (end - at) + " left in the header";
                layer.warning(at, end - at, "TCP option " + kindName(kind) + " (kind " + kind + ") at offset " + at
                        + ": " + why);
                break;
            }
            Field kindField = layer.uint("tcp.option_kind", "Kind", at, 1, kind, kindName(kind) + " (" + kind + ")");
            List<Field> children = new ArrayList<>();
            children.add(kindField);
            if (length >= 2) {
                children.add(layer.uint("tcp.option_len", "Length", at + 1, 1, length));
            }
            String title = "TCP Option - " + kindName(kind);
            String name = "";
            switch (kind) {
                case Tcp.OPTION_EOL -> name = "tcp.options.eol";
                case Tcp.OPTION_NOP -> name = "tcp.options.nop";
                case Tcp.OPTION_MSS -> {
                    if (length == 4) {
                        int mss = Bytes.u16(b, at + 2);
                        children.add(layer.uint("tcp.options.mss_val", "MSS Value", at + 2, 2, mss));
                        title += ": " + mss + " bytes";
                        summary.append(" MSS=").append(mss);
                    }
                }
                case Tcp.OPTION_WINDOW_SCALE -> {
                    if (length == 3) {
                        int shift = Bytes.u8(b, at + 2);
                        // RFC 7323 section 2.3: a shift above 14 is used as 14.
                        long multiplier = 1L << Math.min(shift, Tcp.MAX_WINDOW_SHIFT);
                        children.add(layer.uint("tcp.options.wscale.shift", "Shift count", at + 2, 1, shift));
                        children.add(layer.generated("tcp.options.wscale.multiplier", "Multiplier", at + 2, 1,
                                multiplier, Long.toString(multiplier)));
                        title += ": " + shift + " (multiply by " + multiplier + ")";
                        summary.append(" WS=").append(multiplier);
                    }
                }
                case Tcp.OPTION_SACK_PERMITTED -> {
                    name = "tcp.options.sack_perm";
                    summary.append(" SACK_PERM");
                }
                case Tcp.OPTION_SACK -> {
                    int blocks = (length - 2) / 8;
                    for (int i = 0; i < blocks; i++) {
                        int edge = at + 2 + 8 * i;
                        // Raw edges: Wireshark's tcp.options.sack_le/re are relative to the stream's start.
                        children.add(layer.uint("", "Left Edge (raw)", edge, 4,
                                Integer.toUnsignedLong(Bytes.u32(b, edge))));
                        children.add(layer.uint("", "Right Edge (raw)", edge + 4, 4,
                                Integer.toUnsignedLong(Bytes.u32(b, edge + 4))));
                    }
                    children.add(layer.generated("tcp.options.sack.count", "TCP SACK Count", at, length,
                            (long) blocks, Integer.toString(blocks)));
                    title += " " + blocks + " block" + (blocks == 1 ? "" : "s");
                    summary.append(" SACK blocks=").append(blocks);
                }
                case Tcp.OPTION_TIMESTAMPS -> {
                    if (length == 10) {
                        long value = Integer.toUnsignedLong(Bytes.u32(b, at + 2));
                        long echo = Integer.toUnsignedLong(Bytes.u32(b, at + 6));
                        children.add(layer.uint("tcp.options.timestamp.tsval", "Timestamp value", at + 2, 4, value));
                        children.add(layer.uint("tcp.options.timestamp.tsecr", "Timestamp echo reply", at + 6, 4,
                                echo));
                        title += ": TSval " + value + ", TSecr " + echo;
                        summary.append(" TSval=").append(value).append(" TSecr=").append(echo);
                    }
                }
                default -> {
                    if (length > 2) {
                        children.add(layer.data("tcp.options.unknown.payload", "Payload", at + 2, length - 2));
                    }
                }
            }
            if (!isWellFormed(kind, length)) {
                layer.warning(at, length, "TCP option " + kindName(kind) + " has length " + length
                        + ", expected " + expectedLength(kind));
            }
            Field option = name.isEmpty() ? layer.group("", title, at, length, children)
                    : layer.data(name, title, at, length).withChildren(children);
            options.add(option);
            names.add(kindName(kind));
            // After an EOL the rest is zero padding, which Wireshark lists as more EOLs: keep walking.
            at += length;
        }
        return layer.data("tcp.options", "Options", start, end - start).withChildren(options);
    }

    private static boolean isWellFormed(int kind, int length) {
        int expected = expectedLength(kind);
        if (kind == Tcp.OPTION_SACK) {
            return length >= 10 && (length - 2) % 8 == 0;
        }
        return expected < 0 || expected == length;
    }

    private static int expectedLength(int kind) {
        return switch (kind) {
            case Tcp.OPTION_EOL, Tcp.OPTION_NOP -> 1;
            case Tcp.OPTION_MSS -> 4;
            case Tcp.OPTION_WINDOW_SCALE -> 3;
            case Tcp.OPTION_SACK_PERMITTED -> 2;
            case Tcp.OPTION_TIMESTAMPS -> 10;
            case Tcp.OPTION_SACK -> 10;
            default -> -1;
        };
    }

    static String kindName(int kind) {
        return switch (kind) {
            case Tcp.OPTION_EOL -> "End of Option List (EOL)";
            case Tcp.OPTION_NOP -> "No-Operation (NOP)";
            case Tcp.OPTION_MSS -> "Maximum segment size";
            case Tcp.OPTION_WINDOW_SCALE -> "Window scale";
            case Tcp.OPTION_SACK_PERMITTED -> "SACK permitted";
            case Tcp.OPTION_SACK -> "SACK";
            case Tcp.OPTION_TIMESTAMPS -> "Timestamps";
            case 19 -> "TCP MD5 signature";
            case 28 -> "User Timeout";
            case 29 -> "TCP Authentication Option";
            case 30 -> "Multipath TCP";
            case 34 -> "TCP Fast Open Cookie";
            default -> "Unknown";
        };
    }
}
