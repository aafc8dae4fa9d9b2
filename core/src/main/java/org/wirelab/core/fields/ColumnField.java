package org.wirelab.core.fields;

import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.summary.PacketTable;

/**
 * A field the capture's columns answer without decoding a frame's tree (the fast path of {@code -e} and
 * {@code -Y}), declared in its protocol's place beside the field itself: which field, for which frames the
 * columns hold every occurrence, and how to read it. {@link FieldTypes} registers each protocol's.
 */
public record ColumnField(HeaderField field, Reach reach, Reader reader) {

    /** For which frames the columns hold every occurrence of the field, the tree being read for the others. */
    public enum Reach {
        /** Every frame: the capture record or the analysis alone knows the field. */
        EVERY_FRAME,
        /**
         * A field of the outer IP, TCP or UDP header, which the tree has too: the columns hold every occurrence
         * only in a TCP or UDP frame; in any other (an ICMP error quotes a second IP header and part of a
         * TCP or UDP one) all come from the tree.
         */
        OUTER_HEADERS,
        /**
         * A conversation's number: the columns give it but for an ICMP error, whose number is that of the
         * datagram it quotes, as tshark files the quoted header under its conversation.
         */
        CONVERSATION
    }

    /** Binds the field to a capture's columns: its text for each frame, as tshark prints it. */
    @FunctionalInterface
    public interface Reader {
        FieldValue bind(ColumnSource columns);
    }

    public String name() {
        return field.name();
    }

    /** Whether the columns hold every occurrence in a frame whose transport is {@code transport} (IP protocol). */
    public boolean answersFor(int transport) {
        return switch (reach) {
            case EVERY_FRAME -> true;
            case OUTER_HEADERS -> transport == PacketTable.TRANSPORT_TCP || transport == PacketTable.TRANSPORT_UDP;
            case CONVERSATION -> transport != PacketTable.TRANSPORT_ICMP && transport != PacketTable.TRANSPORT_ICMPV6;
        };
    }

    /** A field of the capture record or of the analysis. */
    public static ColumnField everyFrame(HeaderField field, Reader reader) {
        return new ColumnField(field, Reach.EVERY_FRAME, reader);
    }

    /** A field of the outer headers, which the tree has too. */
    public static ColumnField outerHeaders(HeaderField field, Reader reader) {
        return new ColumnField(field, Reach.OUTER_HEADERS, reader);
    }

    /** A conversation's number. */
    public static ColumnField conversation(HeaderField field, Reader reader) {
        return new ColumnField(field, Reach.CONVERSATION, reader);
    }
}
