package org.wirelab.core.protocol.frame;

import org.wirelab.core.decode.ProtocolField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.frame.LinkType;

/**
 * The frame's one place: the fields Wireshark gives every frame from its capture record rather than from
 * its bytes (packet-frame.c), declared once, and the text of its absolute time as tshark 4.0 prints it.
 */
public final class Frame {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("frame", "Frame");
    public static final HeaderField NUMBER = HeaderField.unsigned("frame.number");
    public static final HeaderField LEN = HeaderField.unsigned("frame.len");
    public static final HeaderField CAP_LEN = HeaderField.unsigned("frame.cap_len");
    /** The arrival time: printed in the local time zone as tshark prints it, compared as an instant. */
    public static final HeaderField TIME = HeaderField.of("frame.time", FieldType.ABSOLUTE_TIME);
    public static final HeaderField TIME_EPOCH = HeaderField.of("frame.time_epoch", FieldType.TIME);
    public static final HeaderField TIME_RELATIVE = HeaderField.of("frame.time_relative", FieldType.TIME);
    public static final HeaderField TIME_DELTA = HeaderField.of("frame.time_delta", FieldType.TIME);
    public static final HeaderField PROTOCOLS = HeaderField.of("frame.protocols", FieldType.STRING);
    /** Time since the previous frame shown (by -Y), 0 for the first one shown. */
    public static final HeaderField TIME_DELTA_DISPLAYED = HeaderField.of("frame.time_delta_displayed", FieldType.TIME);
    /** What the capture's link type is in Wireshark's own numbering (wiretap's WTAP_ENCAP_*). */
    public static final HeaderField ENCAP_TYPE = HeaderField.of("frame.encap_type", FieldType.SIGNED);
    /** Wireshark's marks, which a file read by tshark never has: always 0, and no time shift. */
    public static final HeaderField MARKED = HeaderField.of("frame.marked", FieldType.BOOLEAN);
    public static final HeaderField IGNORED = HeaderField.of("frame.ignored", FieldType.BOOLEAN);
    public static final HeaderField OFFSET_SHIFT = HeaderField.of("frame.offset_shift", FieldType.TIME);

    /** Every frame field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(NUMBER, LEN, CAP_LEN, TIME, TIME_EPOCH, TIME_RELATIVE,
            TIME_DELTA, PROTOCOLS, TIME_DELTA_DISPLAYED, ENCAP_TYPE, MARKED, IGNORED, OFFSET_SHIFT);

    /** tshark's "%b %e, %Y %H:%M:%S" then nine digits of the second and the zone's abbreviation. */
    private static final DateTimeFormatter TIME_TEXT = DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss.nnnnnnnnn zzz",
            Locale.ROOT);

    /** The forms of a date and time a display filter accepts, in the local time zone unless one is named. */
    private static final List<DateTimeFormatter> TIME_LITERALS = List.of(
            DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][ zzz]", Locale.ROOT),
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][ zzz]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][XXX][ zzz]", Locale.ROOT));

    private Frame() {
    }

    /**
     * frame.encap_type: wiretap's number for a pcap link type (wiretap/pcap-common.c maps one to the other),
     * or -1 for a link type wirelab does not decode.
     */
    public static int encapsulation(int linkType) {
        return switch (linkType) {
            case LinkType.ETHERNET -> 1;
            case LinkType.RAW -> 7;
            case LinkType.NULL -> 15;
            case LinkType.LINUX_SLL -> 25;
            case LinkType.IPV4 -> 129;
            case LinkType.IPV6 -> 130;
            case LinkType.LOOP -> 174;
            case LinkType.LINUX_SLL2 -> 210;
            default -> -1;
        };
    }

    /**
     * The instant, in nanoseconds since the epoch, of a date and time as tshark prints frame.time ("Dec  7,
     * 2026 13:16:30.870640000 UTC") or in ISO form ("2026-12-07 13:16:30"), read in {@code zone} unless it
     * names its own; null when it is neither.
     */
    public static Long parseTime(String text, ZoneId zone) {
        for (DateTimeFormatter format : TIME_LITERALS) {
            try {
                java.time.temporal.TemporalAccessor parsed = format.withZone(zone).parse(text.strip());
                Instant instant = java.time.ZonedDateTime.from(parsed).toInstant();
                return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
            } catch (java.time.DateTimeException | ArithmeticException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    /**
     * frame.time as tshark 4.0 prints it, in the local time zone ({@code TZ}, as tshark reads it): "Dec  7,
     * 2026 13:16:30.870640000 UTC".
     */
    public static String timeText(long epochNanos, ZoneId zone) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        return TIME_TEXT.format(instant.atZone(zone));
    }
}
