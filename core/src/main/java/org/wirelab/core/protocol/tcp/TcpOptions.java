package org.wirelab.core.protocol.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;

/**
 * The TCP options (RFC 9293 section 3.2, RFC 7323, RFC 2018) as a subtree named {@code tcp.options},
 * each option with its kind, length and values. A malformed option ends the walk with a diagnostic.
 */
final class TcpOptions {
    /** The option kinds Wireshark names (its tcp_option_kind_vs), worded by the FieldLabels bundles. */
    private static final Set<Integer> NAMED_KINDS = Set.of(0, 1, 2, 3, 4, 5, 8, 19, 28, 29, 30, 34);

    private TcpOptions() {
    }

    /**
     * Decodes the options from {@code start} to the captured end of the header; appends "MSS=1460" etc. to
     * summary. The header's {@code acknowledgment} number tells a duplicate SACK block (RFC 2883).
     */
    static Field decode(LayerBuilder layer, int start, int end, long acknowledgment, StringBuilder summary) {
        byte[] b = layer.bytes();
        List<Field> options = new ArrayList<>();
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
            Wording.Word kindWord = kindWord(kind);
            List<Field> children = new ArrayList<>();
            children.add(layer.field(Tcp.OPTION_KIND, at, 1, kind, "value.named", Integer.toString(kind), kindWord));
            if (length >= 2) {
                Field lengthField = layer.field(Tcp.OPTION_LEN, at + 1, 1);
                int expected = expectedLength(kind);
                if (kind != Tcp.OPTION_SACK && expected >= 0 && expected != length) {
                    // Wireshark's note under the length: "option length should be 10".
                    String should = Integer.toString(expected);
                    lengthField = lengthField.withChildren(List.of(layer.generated(Tcp.OPTION_LEN_INVALID, at + 1, 0,
                            Boolean.TRUE, "1", Wording.NO_VALUE, should)));
                }
                children.add(lengthField);
            }
            // The option's subtree: Wireshark names most, titled by what they carry; others by their kind.
            HeaderField named = null;
            List<Object> titleArguments = new ArrayList<>(List.of(kindWord));
            switch (kind) {
                case Tcp.OPTION_EOL -> named = Tcp.OPTIONS_EOL;
                case Tcp.OPTION_NOP -> named = Tcp.OPTIONS_NOP;
                case Tcp.OPTION_MSS -> {
                    named = Tcp.OPTIONS_MSS;
                    if (length == 4) {
                        int mss = Bytes.u16(b, at + 2);
                        children.add(layer.field(Tcp.OPTIONS_MSS_VAL, at + 2, 2));
                        titleArguments.add(Integer.toString(mss));
                        summary.append(" MSS=").append(mss);
                    }
                }
                case Tcp.OPTION_WINDOW_SCALE -> {
                    named = Tcp.OPTIONS_WSCALE;
                    if (length == 3) {
                        int shift = Bytes.u8(b, at + 2);
                        // RFC 7323 section 2.3: a shift above 14 is used as 14.
                        long multiplier = 1L << Math.min(shift, Tcp.MAX_WINDOW_SHIFT);
                        children.add(layer.field(Tcp.OPTIONS_WSCALE_SHIFT, at + 2, 1));
                        children.add(layer.generated(Tcp.OPTIONS_WSCALE_MULTIPLIER, at + 2, 1, multiplier,
                                Long.toString(multiplier)));
                        titleArguments.add(Integer.toString(shift));
                        titleArguments.add(Long.toString(multiplier));
                        summary.append(" WS=").append(multiplier);
                    }
                }
                case Tcp.OPTION_SACK_PERMITTED -> {
                    named = Tcp.OPTIONS_SACK_PERM;
                    summary.append(" SACK_PERM");
                }
                case Tcp.OPTION_SACK -> {
                    int blocks = (length - 2) / 8;
                    children.addAll(SackBlocks.fields(layer, at, blocks, (int) acknowledgment));
                    named = Tcp.OPTIONS_SACK;
                    titleArguments.add(SackBlocks.edges(b, at, blocks, 0));
                    summary.append(" SACK blocks=").append(blocks);
                }
                case Tcp.OPTION_TIMESTAMPS -> {
                    named = Tcp.OPTIONS_TIMESTAMP;
                    if (length == 10) {
                        long value = Integer.toUnsignedLong(Bytes.u32(b, at + 2));
                        long echo = Integer.toUnsignedLong(Bytes.u32(b, at + 6));
                        children.add(layer.field(Tcp.OPTIONS_TSVAL, at + 2, 4));
                        children.add(layer.field(Tcp.OPTIONS_TSECR, at + 6, 4));
                        titleArguments.add(Long.toString(value));
                        titleArguments.add(Long.toString(echo));
                        summary.append(" TSval=").append(value).append(" TSecr=").append(echo);
                    }
                }
                default -> {
                    if (length > 2) {
                        children.add(layer.data(Tcp.OPTIONS_UNKNOWN_PAYLOAD, at + 2, length - 2));
                    }
                }
            }
            if (!isWellFormed(kind, length)) {
                layer.warning(at, length, "TCP option " + kindName(kind) + " has length " + length
                        + ", expected " + expectedLength(kind));
            }
            Field option;
            if (named == null) {
                option = layer.group(Tcp.OPTION_TITLE, at, length, children, titleArguments.toArray());
            } else if (named.labelKey().equals(named.name())) {
                option = layer.data(named, at, length);
            } else if (titleArguments.size() == 1 && named != Tcp.OPTIONS_SACK) {
                // A named option of the wrong length says no more than its kind.
                option = layer.bytes(named.labelled(Tcp.OPTION_TITLE.labelKey()), at, length, kindWord);
            } else {
                option = layer.bytes(named, at, length, titleArguments.toArray());
            }
            options.add(option.withChildren(children));
            // After an EOL the rest is zero padding, which Wireshark lists as more EOLs: keep walking.
            at += length;
        }
        return layer.data(Tcp.OPTIONS, start, end - start).withChildren(options);
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

    /** The kind's name as a word of the bundles: tcp.option_kind[2] is "Maximum segment size". */
    private static Wording.Word kindWord(int kind) {
        return new Wording.Word("tcp.option_kind[" + (NAMED_KINDS.contains(kind) ? Integer.toString(kind) : "?") + "]");
    }

    /** The kind's English name, for diagnostics. */
    static String kindName(int kind) {
        Wording.Word word = kindWord(kind);
        return FieldLabels.english().text(word.key(), word.arguments());
    }
}
