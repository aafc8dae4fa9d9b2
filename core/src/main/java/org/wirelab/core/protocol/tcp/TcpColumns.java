package org.wirelab.core.protocol.tcp;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpAnalysisDetails;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.analysis.TcpSequenceAnalysis;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.fields.ColumnField;
import org.wirelab.core.fields.ColumnSource;
import org.wirelab.core.fields.FieldValue;
import org.wirelab.core.frame.Timestamps;

/**
 * TCP's fields the summary columns and the capture's analysis answer without a tree, as tshark prints them:
 * the outer header's (which {@link TcpSummary} put in the columns), the relative numbers, the stream, its
 * times, and every {@code tcp.analysis.*} and {@code tcp.connection.*} item. A field tshark would not print
 * for a frame writes nothing: what each needs of the header follows packet-tcp.c ({@link TcpReach}).
 *
 * <p>A present analysis flag prints {@code 1}, a duplicate ACK {@code 1,1} (Wireshark adds both the flag item
 * and its expert item, which share the name).
 */
public final class TcpColumns {
    private static final String FLAG_LETTERS = "RRRACEUAPRSF";
    private static final char CLEAR_FLAG = '\u00b7';

    public static final List<ColumnField> COLUMNS = columns();

    private TcpColumns() {
    }

    private static List<ColumnField> columns() {
        List<ColumnField> columns = new ArrayList<>(List.of(
                header(Tcp.SRCPORT, Reach.PORTS, c -> (out, i) -> out.append(c.packets().sourcePort(i))),
                header(Tcp.DSTPORT, Reach.PORTS, c -> (out, i) -> out.append(c.packets().destinationPort(i))),
                header(Tcp.PORT, Reach.PORTS, c -> (out, i) -> out.append(c.packets().sourcePort(i)).append(',')
                        .append(c.packets().destinationPort(i))),
                header(Tcp.FLAGS, Reach.HEADER_LENGTH, c -> (out, i) -> {
                    String hex = Integer.toHexString(c.packets().tcpFlags(i));
                    out.append("0x").append("0000", hex.length(), 4).append(hex);
                }),
                header(Tcp.FLAGS_STR, Reach.HEADER_LENGTH, c -> (out, i) -> appendFlagString(c, out, i)),
                header(Tcp.SEQ, Reach.FIXED_FIELDS, c -> (out, i) ->
                        out.append(Integer.toUnsignedString(c.conversations().relativeSequence(i)))),
                header(Tcp.SEQ_RAW, Reach.FIXED_FIELDS, c -> (out, i) ->
                        out.append(Integer.toUnsignedString(c.packets().sequence(i)))),
                header(Tcp.ACK_NUMBER, Reach.HEADER_LENGTH, c -> (out, i) ->
                        out.append(Integer.toUnsignedString(c.conversations().relativeAcknowledgement(i)))),
                header(Tcp.ACK_RAW, Reach.HEADER_LENGTH, c -> (out, i) ->
                        out.append(Integer.toUnsignedString(c.packets().acknowledgement(i)))),
                header(Tcp.NXTSEQ, Reach.HEADER_LENGTH, c -> (out, i) -> {
                    if (TcpReach.hasSegmentLength(c.frames(), c.packets(), i)) {
                        // A SYN or FIN occupies one sequence number (RFC 9293 section 3.4).
                        int synFin = (c.packets().tcpFlags(i) & (Tcp.SYN | Tcp.FIN)) != 0 ? 1 : 0;
                        int next = c.conversations().relativeSequence(i) + c.packets().payloadLength(i) + synFin;
                        out.append(Integer.toUnsignedString(next));
                    }
                }),
                header(Tcp.LEN, Reach.SEGMENT_LENGTH, c -> (out, i) -> out.append(c.packets().payloadLength(i))),
                header(Tcp.HDR_LEN, Reach.FIXED_FIELDS, c -> (out, i) -> out.append(c.packets().tcpHeaderLength(i))),
                header(Tcp.WINDOW_SIZE_VALUE, Reach.HEADER_LENGTH, c -> (out, i) -> out.append(c.packets().window(i))),
                ColumnField.everyFrame(Tcp.WINDOW_SIZE, c -> ifReached(c, Reach.HEADER_LENGTH,
                        (out, i) -> out.append(c.tcp().scaledWindow(c.packets(), i)))),
                ColumnField.everyFrame(Tcp.WINDOW_SIZE_SCALEFACTOR, c -> (out, i) -> {
                    // Printed for every segment but a SYN: the multiplier, or -1 (unknown) and -2 (not used).
                    int state = c.tcp().windowScaleState(i);
                    if (TcpReach.hasValidHeaderLength(c.frames(), c.packets(), i) && (c.packets().tcpFlags(i) & Tcp.SYN) == 0
                            && state != TcpSequenceAnalysis.NO_STREAM) {
                        out.append(state < 0 ? state : 1 << state);
                    }
                }),
                ColumnField.conversation(Tcp.STREAM, c -> (out, i) -> {
                    int stream = c.conversations().tcpStream(i);
                    if (stream != ConversationIndex.NONE) {
                        out.append(stream);
                    }
                }),
                ColumnField.everyFrame(Tcp.TIME_RELATIVE, c -> streamTime(c, false)),
                ColumnField.everyFrame(Tcp.TIME_DELTA, c -> streamTime(c, true)),
                ColumnField.everyFrame(Tcp.ANALYSIS_ACKS_FRAME, c -> ColumnSource.frameNumber(c.tcp()::ackedFrameIndex)),
                ColumnField.everyFrame(Tcp.ANALYSIS_ACK_RTT, c -> (out, i) -> {
                    // Only a non-zero round trip is shown (packet-tcp.c checks ta->ts).
                    long acked = c.tcp().ackedTimestampNanos(c.frames(), i);
                    long rtt = acked < 0 ? 0 : c.frames().timestampNanos(i) - acked;
                    if (rtt != 0) {
                        out.append(Timestamps.epochText(rtt));
                    }
                }),
                ColumnField.everyFrame(declared("tcp.analysis.flags"), c -> (out, i) -> {
                    if (c.tcp().expertBits(i) != 0) {
                        out.append('1');
                    }
                }),
                ColumnField.everyFrame(declared(TcpExpert.RETRANSMISSION.fieldName()), c -> (out, i) -> {
                    // Fast and spurious retransmissions add the retransmission expert item too.
                    int bits = c.tcp().expertBits(i);
                    if (TcpExpert.RETRANSMISSION.isIn(bits) || TcpExpert.FAST_RETRANSMISSION.isIn(bits)
                            || TcpExpert.SPURIOUS_RETRANSMISSION.isIn(bits)) {
                        out.append('1');
                    }
                }),
                ColumnField.everyFrame(declared(TcpExpert.DUPLICATE_ACK.fieldName()), c -> (out, i) -> {
                    if (c.tcp().has(i, TcpExpert.DUPLICATE_ACK)) {
                        out.append("1,1");
                    }
                }),
                ColumnField.everyFrame(Tcp.ANALYSIS_DUPLICATE_ACK_NUM, c -> (out, i) -> {
                    int number = c.tcp().duplicateAckNumber(i);
                    if (number != 0) {
                        out.append(number);
                    }
                })));
        for (TcpExpert event : TcpExpert.values()) {
            if (event != TcpExpert.RETRANSMISSION && event != TcpExpert.DUPLICATE_ACK) {
                columns.add(ColumnField.everyFrame(declared(event.fieldName()), c -> (out, i) -> {
                    if (c.tcp().has(i, event)) {
                        out.append('1');
                    }
                }));
            }
        }
        columns.addAll(List.of(
                ColumnField.everyFrame(Tcp.ANALYSIS_DUPLICATE_ACK_FRAME,
                        c -> ColumnSource.frameNumber(c.analysis().tcpDetails()::duplicateAckFrameIndex)),
                ColumnField.everyFrame(Tcp.ANALYSIS_INITIAL_RTT, c -> (out, i) -> {
                    int stream = c.conversations().tcpStream(i);
                    long rtt = stream == ConversationIndex.NONE ? -1 : c.analysis().tcpDetails().initialRttNanos(i, stream);
                    if (rtt >= 0) {
                        out.append(Timestamps.epochText(rtt));
                    }
                }),
                ColumnField.everyFrame(Tcp.ANALYSIS_BYTES_IN_FLIGHT, c -> (out, i) -> {
                    TcpAnalysisDetails details = c.analysis().tcpDetails();
                    long bytes = details.bytesInFlight(i);
                    // Only where tshark shows the analysis (not on a header cut short).
                    if (bytes != 0 && details.hasAnalysis(i)) {
                        out.append(bytes);
                    }
                }),
                ColumnField.everyFrame(Tcp.ANALYSIS_PUSH_BYTES_SENT, c -> (out, i) -> {
                    // Shown beside the bytes in flight only.
                    TcpAnalysisDetails details = c.analysis().tcpDetails();
                    if (details.bytesInFlight(i) != 0 && details.hasAnalysis(i)) {
                        out.append(details.pushBytesSent(i));
                    }
                }),
                ColumnField.everyFrame(Tcp.ANALYSIS_RTO, c -> (out, i) -> {
                    TcpAnalysisDetails details = c.analysis().tcpDetails();
                    long rto = details.rtoNanos(i);
                    if (rto != 0 && details.hasAnalysis(i)) {
                        out.append(Timestamps.epochText(rto));
                    }
                }),
                ColumnField.everyFrame(Tcp.ANALYSIS_RTO_FRAME, c -> ColumnSource.frameNumber(
                        i -> c.analysis().tcpDetails().hasAnalysis(i) ? c.analysis().tcpDetails().rtoFrameIndex(i) : -1)),
                ColumnField.everyFrame(Tcp.COMPLETENESS, c -> (out, i) -> {
                    if (c.conversations().tcpStream(i) != ConversationIndex.NONE) {
                        out.append(c.analysis().tcpDetails().completeness(i));
                    }
                }),
                flagNote("tcp.connection.syn", Tcp.SYN | Tcp.ACK, Tcp.SYN),
                flagNote("tcp.connection.synack", Tcp.SYN | Tcp.ACK, Tcp.SYN | Tcp.ACK),
                flagNote("tcp.connection.fin", Tcp.FIN, Tcp.FIN),
                flagNote("tcp.connection.rst", Tcp.RST, Tcp.RST),
                ColumnField.everyFrame(declared("tcp.connection.fin_active"), c -> ifReached(c, Reach.HEADER_LENGTH,
                        (out, i) -> {
                            if (c.analysis().tcpDetails().finActive(i)) {
                                out.append('1');
                            }
                        })),
                ColumnField.everyFrame(declared("tcp.connection.fin_passive"), c -> ifReached(c, Reach.HEADER_LENGTH,
                        (out, i) -> {
                            if (c.analysis().tcpDetails().finPassive(i)) {
                                out.append('1');
                            }
                        }))));
        return List.copyOf(columns);
    }

    /** How much of the outer header a field needs before tshark shows it (packet-tcp.c's order of checks). */
    private enum Reach {
        PORTS, FIXED_FIELDS, HEADER_LENGTH, SEGMENT_LENGTH;

        boolean reached(ColumnSource c, int i) {
            return switch (this) {
                case PORTS -> TcpReach.hasPorts(c.frames(), c.packets(), i);
                case FIXED_FIELDS -> TcpReach.hasFixedFields(c.frames(), c.packets(), i);
                case HEADER_LENGTH -> TcpReach.hasValidHeaderLength(c.frames(), c.packets(), i);
                case SEGMENT_LENGTH -> TcpReach.hasSegmentLength(c.frames(), c.packets(), i);
            };
        }
    }

    /** A field of the outer header, written where the header reaches it. */
    private static ColumnField header(HeaderField field, Reach reach, ColumnField.Reader value) {
        return ColumnField.outerHeaders(field, c -> ifReached(c, reach, value.bind(c)));
    }

    private static FieldValue ifReached(ColumnSource c, Reach reach, FieldValue value) {
        return (out, i) -> {
            if (reach.reached(c, i)) {
                value.appendTo(out, i);
            }
        };
    }

    /** The declaration of a TCP field named in a list (the analysis flags, the notes on the flags). */
    private static HeaderField declared(String name) {
        for (HeaderField field : Tcp.FIELDS) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalStateException(name + " is not declared in Tcp");
    }

    /** An expert note on the flags (tcp.connection.*): present when the flags under {@code mask} are {@code set}. */
    private static ColumnField flagNote(String name, int mask, int set) {
        return ColumnField.everyFrame(declared(name), c -> ifReached(c, Reach.HEADER_LENGTH, (out, i) -> {
            if ((c.packets().tcpFlags(i) & mask) == set) {
                out.append('1');
            }
        }));
    }

    /**
     * Time since the stream's first segment, or since its previous one ({@code delta}), as packet-tcp.c keeps
     * ts_first and ts_prev per conversation; printed once past the fixed header.
     */
    private static FieldValue streamTime(ColumnSource c, boolean delta) {
        return (out, i) -> {
            if (c.conversations().tcpStream(i) == ConversationIndex.NONE
                    || !TcpReach.hasFixedHeader(c.frames(), c.packets(), i)) {
                return;
            }
            long since = delta ? c.analysis().times().previousInStreamNanos(i) : c.analysis().times().streamStartNanos(i);
            out.append(Timestamps.epochText(c.frames().timestampNanos(i) - since));
        };
    }

    /**
     * tcp.flags.str: one letter per set bit, reserved bits as R; when the handshake set up AccECN the
     * AE, CWR and ECE positions show the ACE counter as "-n-" (packet-tcp.c, tcp_flags_to_str_first_letter).
     */
    private static void appendFlagString(ColumnSource c, StringBuilder out, int i) {
        int flags = c.packets().tcpFlags(i);
        boolean ace = c.tcp().usesAccurateEcnCounter(i);
        for (int k = 0; k < 12; k++) {
            if (ace && k >= 3 && k <= 5) {
                out.append(k == 4 ? (char) ('0' + ((flags >> 6) & 7)) : '-');
            } else if (((flags >> (11 - k)) & 1) != 0) {
                out.append(FLAG_LETTERS.charAt(k));
            } else {
                out.append(CLEAR_FLAG);
            }
        }
    }
}
