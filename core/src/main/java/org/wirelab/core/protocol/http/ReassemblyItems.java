package org.wirelab.core.protocol.http;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.protocol.tcp.Tcp;

/**
 * The items packet-tcp.c adds to a segment whose bytes HTTP reads together with other segments' (declared in
 * {@link Tcp#REASSEMBLY_FIELDS}): "TCP segment data" in each of them, and in the one that completes the
 * message the list of its segments, their count and the message's length and bytes. They go at the end of
 * the segment's TCP layer.
 */
final class ReassemblyItems {
    /** The segments named in the title, as Wireshark's label stops at its length limit. */
    private static final int TITLE_SEGMENTS = 20;

    private ReassemblyItems() {
    }

    /** {@code tcp} with "TCP segment data" over the segment's payload, {@code captured} bytes at {@code start}. */
    static Layer segment(Layer tcp, byte[] frame, int start, int captured) {
        List<Field> fields = new ArrayList<>(tcp.fields());
        fields.add(segmentData(frame, start, captured));
        return tcp.withFields(fields);
    }

    /**
     * {@code tcp}, frame {@code number}'s TCP layer, with the segment's data ({@code captured} bytes at
     * {@code start}) and the segments of the message it completes: {@code message}, the message's bytes
     * (its first ones when it is longer than wirelab puts together).
     */
    static Layer completion(Layer tcp, int number, byte[] frame, int start, int captured,
            HttpReassembly.Completion completion, byte[] message) {
        List<Field> fields = new ArrayList<>(tcp.fields());
        fields.add(segmentData(frame, start, captured));
        ByteRange here = new ByteRange(start, Math.max(0, captured));
        ByteRange elsewhere = new ByteRange(start, 0);
        List<Integer> frames = completion.frames();
        List<Field> items = new ArrayList<>(frames.size() + 3);
        StringBuilder list = new StringBuilder();
        long offset = 0;
        for (int k = 0; k < frames.size(); k++) {
            String segment = Integer.toString(frames.get(k));
            int length = completion.lengths().get(k);
            items.add(Field.generated(Tcp.SEGMENT, frames.get(k) == number ? here : elsewhere, (long) frames.get(k),
                    segment, Wording.NO_VALUE, segment, Long.toString(offset), Long.toString(offset + length - 1),
                    Integer.toString(length)));
            if (k < TITLE_SEGMENTS) {
                list.append(k > 0 ? ", " : "").append('#').append(segment).append('(').append(length).append(')');
            } else if (k == TITLE_SEGMENTS) {
                list.append(", …");
            }
            offset += length;
        }
        String count = Integer.toString(completion.segments());
        items.add(valued(Tcp.SEGMENT_COUNT, elsewhere, completion.segments(), count));
        String total = Long.toString(completion.length());
        items.add(valued(Tcp.REASSEMBLED_LENGTH, elsewhere, completion.length(), total));
        String hex = HexFormat.of().formatHex(message);
        String shown = message.length <= 36 ? hex : hex.substring(0, 72) + "…";
        // Its value is the message's bytes, which filters read (the frame holds only its last segment's).
        items.add(Field.worded(Tcp.REASSEMBLED_DATA.name(), here, 0, message, hex, true, List.of(),
                new Wording(Tcp.REASSEMBLED_DATA.labelKey(), "value", shown)));
        fields.add(Field.worded(Tcp.SEGMENTS.name(), here, 0, "", "1", true, items,
                new Wording(Tcp.SEGMENTS.labelKey() + ".title", Wording.NO_VALUE, count, total, list.toString())));
        return tcp.withFields(fields);
    }

    private static Field segmentData(byte[] frame, int start, int captured) {
        int length = Math.max(0, captured);
        String hex = HexFormat.of().formatHex(frame, start, start + length);
        return Field.worded(Tcp.SEGMENT_DATA.name(), new ByteRange(start, length), 0, hex, hex, false, List.of(),
                new Wording(Tcp.SEGMENT_DATA.labelKey(), Wording.NO_VALUE, Integer.toString(length)));
    }

    /** A generated number shown after its label. */
    private static Field valued(HeaderField declaration, ByteRange range, long value, String text) {
        return Field.worded(declaration.name(), range, 0, value, text, true, List.of(),
                new Wording(declaration.labelKey(), "value", text));
    }
}
