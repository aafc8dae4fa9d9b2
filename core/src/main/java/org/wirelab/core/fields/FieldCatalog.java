package org.wirelab.core.fields;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpAnalysisDetails;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.analysis.TcpSequenceAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.protocol.frame.Frame;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * Wireshark field names mapped to per-frame values formatted exactly as {@code tshark -T fields}
 * prints them, computed from the fast columns (summary, conversations, TCP analysis), never from a
 * full field tree. A field tshark would not print for a frame writes nothing.
 *
 * <p>Formats follow tshark 4.0: unsigned decimal numbers, {@code tcp.flags} as {@code 0x0012}, the
 * flag string with U+00B7 for clear bits, a present {@code tcp.analysis.*} flag as {@code 1} and a
 * duplicate ACK as {@code 1,1} (Wireshark adds both the flag item and its expert item, which share
 * the name).
 */
public final class FieldCatalog {
    private static final List<String> NAMES = List.of(
            "frame.number", "frame.time_epoch", "frame.time_relative", "frame.time_delta", "frame.len",
            "frame.cap_len", "frame.time_delta_displayed", "frame.encap_type", "frame.marked", "frame.ignored",
            "frame.offset_shift", "ip.src", "ip.dst", "ip.addr", "ipv6.src", "ipv6.dst", "ipv6.addr", "ip.proto",
            "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.flags", "tcp.flags.str", "tcp.seq", "tcp.ack",
            "tcp.seq_raw", "tcp.ack_raw", "tcp.nxtseq", "tcp.len", "tcp.hdr_len", "tcp.window_size_value",
            "tcp.window_size", "tcp.window_size_scalefactor", "udp.srcport", "udp.dstport", "udp.port",
            "udp.length", "tcp.stream", "udp.stream", "tcp.time_relative", "tcp.time_delta", "udp.time_relative",
            "udp.time_delta", "tcp.analysis.acks_frame", "tcp.analysis.ack_rtt",
            "tcp.analysis.flags", "tcp.analysis.retransmission", "tcp.analysis.fast_retransmission",
            "tcp.analysis.spurious_retransmission", "tcp.analysis.duplicate_ack",
            "tcp.analysis.duplicate_ack_num", "tcp.analysis.out_of_order", "tcp.analysis.lost_segment",
            "tcp.analysis.ack_lost_segment", "tcp.analysis.zero_window", "tcp.analysis.window_full",
            "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack",
            "tcp.analysis.zero_window_probe", "tcp.analysis.zero_window_probe_ack", "tcp.analysis.reused_ports",
            "tcp.analysis.duplicate_ack_frame", "tcp.analysis.initial_rtt", "tcp.analysis.bytes_in_flight",
            "tcp.analysis.push_bytes_sent", "tcp.analysis.rto", "tcp.analysis.rto_frame", "tcp.completeness",
            "tcp.connection.syn", "tcp.connection.synack", "tcp.connection.fin", "tcp.connection.fin_active",
            "tcp.connection.fin_passive", "tcp.connection.rst");
    private static final String FLAG_LETTERS = "RRRACEUAPRSF";
    private static final char CLEAR_FLAG = '\u00b7';

    private final FrameStore frames;
    private final PacketTable packets;
    private final ConversationIndex conversations;
    private final TcpSequenceAnalysis tcp;
    private final CaptureAnalysis analysis;
    /**
     * The time of the last frame shown (Wireshark's previous displayed frame), for frame.time_delta_displayed;
     * until a display filter chooses the frames shown, every frame is.
     */
    private long lastDisplayedNanos = EVERY_FRAME;
    private static final long EVERY_FRAME = Long.MIN_VALUE;
    private static final long NONE_DISPLAYED = Long.MIN_VALUE + 1;

    /**
     * The fields of the analysis' frames: index {@code i} is frame {@code frames().firstIndex() + i + 1}
     * of the capture (a part of a file read a part at a time numbers its frames as the whole file does).
     */
    public FieldCatalog(CaptureAnalysis analysis) {
        this.analysis = analysis;
        frames = analysis.frames();
        packets = analysis.packets();
        conversations = analysis.conversations();
        tcp = analysis.tcp();
    }

    /**
     * From now on, only the frames said {@link #displayed} are shown (a display filter chooses them):
     * frame.time_delta_displayed counts from the last of them, and is 0 until one has been shown, as in tshark.
     */
    public void displaySelectedOnly() {
        if (lastDisplayedNanos == EVERY_FRAME) {
            lastDisplayedNanos = NONE_DISPLAYED;
        }
    }

    /** Says that frame {@code i} is shown, when a display filter chooses the frames shown. */
    public void displayed(int i) {
        if (lastDisplayedNanos != EVERY_FRAME) {
            lastDisplayedNanos = frames.timestampNanos(i);
        }
    }

    /** Continues from the part of the file before this one: its last frame shown. */
    void continueFrom(FieldCatalog previous) {
        lastDisplayedNanos = previous.lastDisplayedNanos;
    }

    /** The index in this catalog's frames of frame {@code number} of the capture. */
    public int indexOf(int number) {
        return number - 1 - frames.firstIndex();
    }

    /** Every field name this catalog knows, in a stable order. */
    public static List<String> knownNames() {
        return NAMES;
    }

    /** The fields for {@code names}, in that order; an unknown name throws {@link UnknownFieldException}. */
    public List<Field> fields(List<String> names) {
        List<Field> fields = new ArrayList<>(names.size());
        for (String name : names) {
            fields.add(field(name));
        }
        return fields;
    }

    public Field field(String name) {
        return new Field(name, value(name));
    }

    private FieldValue value(String name) {
        return switch (name) {
            case "frame.number" -> (out, i) -> out.append(frames.firstIndex() + i + 1);
            case "frame.time_epoch" -> (out, i) -> out.append(Timestamps.epochText(frames.timestampNanos(i)));
            case "frame.time_relative" -> (out, i) ->
                    out.append(Timestamps.epochText(frames.timestampNanos(i) - analysis.times().captureStartNanos()));
            case "frame.time_delta" -> (out, i) -> out.append(Timestamps.epochText(
                    frames.timestampNanos(i) - analysis.times().previousFrameNanos(i)));
            case "frame.time_delta_displayed" -> (out, i) -> out.append(Timestamps.epochText(
                    lastDisplayedNanos == EVERY_FRAME ? frames.timestampNanos(i) - analysis.times().previousFrameNanos(i)
                    : lastDisplayedNanos == NONE_DISPLAYED ? 0 : frames.timestampNanos(i) - lastDisplayedNanos));
            case "frame.encap_type" -> (out, i) -> {
                int encapsulation = Frame.encapsulation(frames.linkType(i));
                if (encapsulation >= 0) {
                    out.append(encapsulation);
                }
            };
            case "frame.marked", "frame.ignored" -> (out, i) -> out.append('0');
            case "frame.offset_shift" -> (out, i) -> out.append(Timestamps.epochText(0));
            case "frame.len" -> (out, i) -> out.append(frames.originalLength(i));
            case "frame.cap_len" -> (out, i) -> out.append(frames.capturedLength(i));
            case "ip.src" -> ipv4(12);
            case "ip.dst" -> ipv4(16);
            case "ip.addr" -> (out, i) -> {
                // Two hidden items, the source's then the destination's.
                if (packets.network(i) == PacketTable.NETWORK_IPV4) {
                    ipv4(12).appendTo(out, i);
                    out.append(',');
                    ipv4(16).appendTo(out, i);
                }
            };
            case "ipv6.addr" -> (out, i) -> {
                if (packets.network(i) == PacketTable.NETWORK_IPV6) {
                    ipv6(8).appendTo(out, i);
                    out.append(',');
                    ipv6(24).appendTo(out, i);
                }
            };
            case "ipv6.src" -> ipv6(8);
            case "ipv6.dst" -> ipv6(24);
            case "ip.proto" -> (out, i) -> {
                if (packets.network(i) == PacketTable.NETWORK_IPV4) {
                    out.append(frames.buffer(i)[frames.offset(i) + packets.networkOffset(i) + 9] & 0xff);
                }
            };
            case "tcp.srcport" -> (out, i) -> {
                if (TcpReach.hasPorts(frames, packets, i)) {
                    out.append(packets.sourcePort(i));
                }
            };
            case "tcp.dstport" -> (out, i) -> {
                if (TcpReach.hasPorts(frames, packets, i)) {
                    out.append(packets.destinationPort(i));
                }
            };
            case "tcp.port" -> (out, i) -> {
                if (TcpReach.hasPorts(frames, packets, i)) {
                    out.append(packets.sourcePort(i)).append(',').append(packets.destinationPort(i));
                }
            };
            case "tcp.flags" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i)) {
                    String hex = Integer.toHexString(packets.tcpFlags(i));
                    out.append("0x").append("0000", hex.length(), 4).append(hex);
                }
            };
            case "tcp.flags.str" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i)) {
                    appendFlagString(out, i);
                }
            };
            case "tcp.seq" -> (out, i) -> {
                if (TcpReach.hasFixedFields(frames, packets, i)) {
                    out.append(Integer.toUnsignedString(conversations.relativeSequence(i)));
                }
            };
            case "tcp.seq_raw" -> (out, i) -> {
                if (TcpReach.hasFixedFields(frames, packets, i)) {
                    out.append(Integer.toUnsignedString(packets.sequence(i)));
                }
            };
            case "tcp.ack" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i)) {
                    out.append(Integer.toUnsignedString(conversations.relativeAcknowledgement(i)));
                }
            };
            case "tcp.ack_raw" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i)) {
                    out.append(Integer.toUnsignedString(packets.acknowledgement(i)));
                }
            };
            case "tcp.nxtseq" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i) && TcpReach.hasSegmentLength(frames, packets, i)) {
                    // A SYN or FIN occupies one sequence number (RFC 9293 section 3.4).
                    int synFin = (packets.tcpFlags(i) & 0x003) != 0 ? 1 : 0;
                    int next = conversations.relativeSequence(i) + packets.payloadLength(i) + synFin;
                    out.append(Integer.toUnsignedString(next));
                }
            };
            case "tcp.len" -> (out, i) -> {
                if (TcpReach.hasSegmentLength(frames, packets, i)) {
                    out.append(packets.payloadLength(i));
                }
            };
            case "tcp.hdr_len" -> (out, i) -> {
                if (TcpReach.hasFixedFields(frames, packets, i)) {
                    out.append(packets.tcpHeaderLength(i));
                }
            };
            case "tcp.window_size_value" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i)) {
                    out.append(packets.window(i));
                }
            };
            case "tcp.window_size" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i)) {
                    out.append(tcp.scaledWindow(packets, i));
                }
            };
            case "udp.srcport" -> (out, i) -> {
                if (hasUdpPorts(i)) {
                    out.append(packets.sourcePort(i));
                }
            };
            case "udp.dstport" -> (out, i) -> {
                if (hasUdpPorts(i)) {
                    out.append(packets.destinationPort(i));
                }
            };
            case "udp.port" -> (out, i) -> {
                if (hasUdpPorts(i)) {
                    out.append(packets.sourcePort(i)).append(',').append(packets.destinationPort(i));
                }
            };
            case "tcp.window_size_scalefactor" -> (out, i) -> {
                // Printed for every segment but a SYN: the multiplier, or -1 (unknown) and -2 (not used).
                int state = tcp.windowScaleState(i);
                if (TcpReach.hasValidHeaderLength(frames, packets, i) && (packets.tcpFlags(i) & 0x002) == 0
                        && state != TcpSequenceAnalysis.NO_STREAM) {
                    out.append(state < 0 ? state : 1 << state);
                }
            };
            case "udp.length" -> (out, i) -> {
                if (hasUdpPorts(i) && !packets.hasStatus(i, PacketTable.STATUS_TRANSPORT_TRUNCATED)) {
                    out.append(packets.udpLength(i));
                }
            };
            case "tcp.time_relative" -> streamTime(true, false);
            case "tcp.time_delta" -> streamTime(true, true);
            case "udp.time_relative" -> streamTime(false, false);
            case "udp.time_delta" -> streamTime(false, true);
            case "tcp.stream" -> stream(true);
            case "udp.stream" -> stream(false);
            case "tcp.analysis.acks_frame" -> (out, i) -> {
                int acked = tcp.ackedFrameIndex(i);
                if (acked >= 0) {
                    out.append(acked + 1);
                }
            };
            case "tcp.analysis.ack_rtt" -> (out, i) -> {
                // Only a non-zero round trip is shown (packet-tcp.c checks ta->ts).
                long acked = tcp.ackedTimestampNanos(frames, i);
                long rtt = acked < 0 ? 0 : frames.timestampNanos(i) - acked;
                if (rtt != 0) {
                    out.append(Timestamps.epochText(rtt));
                }
            };
            case "tcp.analysis.flags" -> (out, i) -> {
                if (tcp.expertBits(i) != 0) {
                    out.append('1');
                }
            };
            case "tcp.analysis.retransmission" -> (out, i) -> {
                // Fast and spurious retransmissions add the retransmission expert item too.
                int bits = tcp.expertBits(i);
                if (TcpExpert.RETRANSMISSION.isIn(bits) || TcpExpert.FAST_RETRANSMISSION.isIn(bits)
                        || TcpExpert.SPURIOUS_RETRANSMISSION.isIn(bits)) {
                    out.append('1');
                }
            };
            case "tcp.analysis.duplicate_ack" -> (out, i) -> {
                if (tcp.has(i, TcpExpert.DUPLICATE_ACK)) {
                    out.append("1,1");
                }
            };
            case "tcp.analysis.duplicate_ack_num" -> (out, i) -> {
                int number = tcp.duplicateAckNumber(i);
                if (number != 0) {
                    out.append(number);
                }
            };
            case "tcp.analysis.fast_retransmission" -> flag(TcpExpert.FAST_RETRANSMISSION);
            case "tcp.analysis.spurious_retransmission" -> flag(TcpExpert.SPURIOUS_RETRANSMISSION);
            case "tcp.analysis.out_of_order" -> flag(TcpExpert.OUT_OF_ORDER);
            case "tcp.analysis.lost_segment" -> flag(TcpExpert.LOST_SEGMENT);
            case "tcp.analysis.ack_lost_segment" -> flag(TcpExpert.ACK_LOST_SEGMENT);
            case "tcp.analysis.zero_window" -> flag(TcpExpert.ZERO_WINDOW);
            case "tcp.analysis.window_full" -> flag(TcpExpert.WINDOW_FULL);
            case "tcp.analysis.window_update" -> flag(TcpExpert.WINDOW_UPDATE);
            case "tcp.analysis.keep_alive" -> flag(TcpExpert.KEEP_ALIVE);
            case "tcp.analysis.keep_alive_ack" -> flag(TcpExpert.KEEP_ALIVE_ACK);
            case "tcp.analysis.zero_window_probe" -> flag(TcpExpert.ZERO_WINDOW_PROBE);
            case "tcp.analysis.zero_window_probe_ack" -> flag(TcpExpert.ZERO_WINDOW_PROBE_ACK);
            case "tcp.analysis.reused_ports" -> flag(TcpExpert.REUSED_PORTS);
            case "tcp.analysis.duplicate_ack_frame" -> frameNumber(i -> analysis.tcpDetails().duplicateAckFrameIndex(i));
            case "tcp.analysis.rto_frame" -> frameNumber(i -> analysis.tcpDetails().hasAnalysis(i)
                    ? analysis.tcpDetails().rtoFrameIndex(i) : -1);
            case "tcp.analysis.rto" -> (out, i) -> {
                long rto = analysis.tcpDetails().rtoNanos(i);
                if (rto != 0 && analysis.tcpDetails().hasAnalysis(i)) {
                    out.append(Timestamps.epochText(rto));
                }
            };
            case "tcp.analysis.initial_rtt" -> (out, i) -> {
                int stream = conversations.tcpStream(i);
                long rtt = stream == ConversationIndex.NONE ? -1 : analysis.tcpDetails().initialRttNanos(i, stream);
                if (rtt >= 0) {
                    out.append(Timestamps.epochText(rtt));
                }
            };
            case "tcp.analysis.bytes_in_flight" -> (out, i) -> {
                TcpAnalysisDetails details = analysis.tcpDetails();
                long bytes = details.bytesInFlight(i);
                // Only where tshark shows the analysis (not on a header cut short).
                if (bytes != 0 && details.hasAnalysis(i)) {
                    out.append(bytes);
                }
            };
            case "tcp.analysis.push_bytes_sent" -> (out, i) -> {
                // Shown beside the bytes in flight only.
                TcpAnalysisDetails details = analysis.tcpDetails();
                if (details.bytesInFlight(i) != 0 && details.hasAnalysis(i)) {
                    out.append(details.pushBytesSent(i));
                }
            };
            case "tcp.completeness" -> (out, i) -> {
                if (conversations.tcpStream(i) != ConversationIndex.NONE) {
                    out.append(analysis.tcpDetails().completeness(i));
                }
            };
            case "tcp.connection.syn" -> flagNote(Tcp.SYN | Tcp.ACK, Tcp.SYN);
            case "tcp.connection.synack" -> flagNote(Tcp.SYN | Tcp.ACK, Tcp.SYN | Tcp.ACK);
            case "tcp.connection.fin" -> flagNote(Tcp.FIN, Tcp.FIN);
            case "tcp.connection.rst" -> flagNote(Tcp.RST, Tcp.RST);
            case "tcp.connection.fin_active" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i) && analysis.tcpDetails().finActive(i)) {
                    out.append('1');
                }
            };
            case "tcp.connection.fin_passive" -> (out, i) -> {
                if (TcpReach.hasValidHeaderLength(frames, packets, i) && analysis.tcpDetails().finPassive(i)) {
                    out.append('1');
                }
            };
            default -> throw new UnknownFieldException(name, NAMES);
        };
    }

    private FieldValue ipv4(int addressOffset) {
        return (out, i) -> {
            if (packets.network(i) == PacketTable.NETWORK_IPV4) {
                out.append(AddressText.ipv4(frames.buffer(i), frames.offset(i) + packets.networkOffset(i) + addressOffset));
            }
        };
    }

    private FieldValue ipv6(int addressOffset) {
        return (out, i) -> {
            if (packets.network(i) == PacketTable.NETWORK_IPV6) {
                out.append(AddressText.ipv6(frames.buffer(i), frames.offset(i) + packets.networkOffset(i) + addressOffset));
            }
        };
    }

    private FieldValue stream(boolean isTcp) {
        return (out, i) -> {
            int stream = isTcp ? conversations.tcpStream(i) : conversations.udpStream(i);
            if (stream != ConversationIndex.NONE) {
                out.append(stream);
            }
        };
    }

    /**
     * Time since the stream's first frame, or since its previous frame ({@code delta}), as packet-tcp.c
     * and packet-udp.c keep ts_first and ts_prev per conversation; TCP prints them once past a valid
     * header length.
     */
    private FieldValue streamTime(boolean isTcp, boolean delta) {
        return (out, i) -> {
            int stream = isTcp ? conversations.tcpStream(i) : conversations.udpStream(i);
            if (stream == ConversationIndex.NONE || isTcp && !TcpReach.hasFixedHeader(frames, packets, i)) {
                return;
            }
            long since = delta ? analysis.times().previousInStreamNanos(i) : analysis.times().streamStartNanos(i);
            out.append(Timestamps.epochText(frames.timestampNanos(i) - since));
        };
    }

    /** A frame number (from a 0-based index, -1 for none). */
    private static FieldValue frameNumber(java.util.function.IntUnaryOperator index) {
        return (out, i) -> {
            int frame = index.applyAsInt(i);
            if (frame >= 0) {
                out.append(frame + 1);
            }
        };
    }

    /** An expert note on the flags (tcp.connection.*): present when the flags under {@code mask} are {@code set}. */
    private FieldValue flagNote(int mask, int set) {
        return (out, i) -> {
            if (TcpReach.hasValidHeaderLength(frames, packets, i) && (packets.tcpFlags(i) & mask) == set) {
                out.append('1');
            }
        };
    }

    private FieldValue flag(TcpExpert event) {
        return (out, i) -> {
            if (tcp.has(i, event)) {
                out.append('1');
            }
        };
    }

    private boolean hasUdpPorts(int i) {
        return packets.transport(i) == PacketTable.TRANSPORT_UDP
                && !packets.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)
                && frames.capturedLength(i) - packets.transportOffset(i) >= 4;
    }

    /**
     * tcp.flags.str: one letter per set bit, reserved bits as R; when the handshake set up AccECN the
     * AE, CWR and ECE positions show the ACE counter as "-n-" (packet-tcp.c, tcp_flags_to_str_first_letter).
     */
    private void appendFlagString(StringBuilder out, int i) {
        int flags = packets.tcpFlags(i);
        boolean ace = tcp.usesAccurateEcnCounter(i);
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
