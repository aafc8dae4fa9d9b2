package org.wirelab.core.protocol.data;

import org.wirelab.core.decode.ProtocolField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.text.CaptureText;

/**
 * Wireshark's "Line-based text data" ({@code data-text-lines}, packet-text-media.c): a body whose media
 * type is text (an HTTP response's text/html or text/plain), shown line by line under a title naming the
 * type and the number of lines.
 */
public final class TextMedia {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("data-text-lines", "Line-based text");
    /** The protocol, by its filter name; its title is the bundles' {@code data-text-lines}. */
    public static final String PROTOCOL = PROTOCOL_FIELD.name();
    /** The decoders' name of the layer. */
    public static final String LAYER = PROTOCOL_FIELD.layerName();
    /** The media types packet-text-media.c registers for, which 4.0 reads as lines. */
    private static final Set<String> TYPES = Set.of("text/html", "text/plain", "text/css", "text/javascript",
            "application/javascript", "application/x-javascript", "text/richtext", "text/sgml",
            "text/tab-separated-values");

    private TextMedia() {
    }

    /** The media type without its parameters, in lower case ("text/html" for "text/html; charset=utf-8"). */
    public static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean reads(String contentType) {
        return TYPES.contains(mediaType(contentType));
    }

    /**
     * The layer showing {@code body} line by line. {@code range} is where the body lies in the frame's
     * {@code frameBytes}: when the body is those very bytes each line has its own range, otherwise (a body
     * joined from chunks or segments, or inflated) every line shows the whole range.
     */
    public static Layer layer(String contentType, byte[] body, byte[] frameBytes, ByteRange range) {
        LayerBuilder layer = new LayerBuilder(LAYER, 7, frameBytes, range.offset());
        boolean inPlace = range.length() == body.length;
        List<Field> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n' || i == body.length - 1) {
                String line = CaptureText.escape(body, start, i - start + 1);
                lines.add(inPlace ? layer.text(Data.LINE, range.offset() + start, i - start + 1, line)
                        : layer.text(Data.LINE, range.offset(), range.length(), line));
                start = i + 1;
            }
        }
        lines.forEach(layer::add);
        // Wireshark writes "(1 lines)"; the bundles may say one line otherwise.
        String title = lines.size() == 1 ? PROTOCOL + ".one" : PROTOCOL;
        return layer.build(range.end(), new Wording(title, Wording.NO_VALUE, mediaType(contentType),
                Integer.toString(lines.size())), "Text " + mediaType(contentType) + ", " + lines.size() + " lines");
    }
}
