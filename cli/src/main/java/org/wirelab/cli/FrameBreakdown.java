package org.wirelab.cli;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Diagnostic;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.words.FieldWords;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.Timestamps;

/**
 * One frame's OSI breakdown as text, what {@code wirelab show FILE --frame N} prints above the hex
 * dump: a heading per decoded layer with its OSI layer number and name, then its fields as an indented
 * tree (Wireshark's own labels), each with the bytes it came from as {@code [first..last]}, then what
 * the decoder noticed ("! error [46..47]: TCP header claims 60 bytes, 20 captured"). In French with
 * {@code --lang fr}: headings, field names and values (the decoder's diagnostics stay English).
 */
final class FrameBreakdown {
    /** Byte ranges start in this column when the text before them is shorter, so they line up. */
    private static final int RANGE_COLUMN = 72;
    private static final String INDENT = "    ";

    private FrameBreakdown() {
    }

    static void print(DecodedFrame frame, PrintWriter out) {
        print(frame, out, Locale.ENGLISH);
    }

    /** The breakdown in {@code language}: headings, field names and values (FieldWords); English otherwise. */
    static void print(DecodedFrame frame, PrintWriter out, Locale language) {
        ResourceBundle words = words(language);
        FieldWords fields = FieldWords.of(language);
        out.println(format(words, "show.frame", frame.number(), frame.originalLength(), frame.capturedLength(),
                LinkType.name(frame.linkType()), Timestamps.epochText(frame.timestampNanos())));
        for (Layer layer : frame.layers()) {
            out.println(withRange(format(words, "show.layer", layer.osiLayer(), osiName(layer.osiLayer(), words),
                    fields.title(layer)), layer.range()));
            for (Field field : layer.fields()) {
                printField(field, 1, fields, out);
            }
            for (Diagnostic diagnostic : layer.diagnostics()) {
                out.println(INDENT + "! " + diagnostic.severity().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + range(diagnostic.range()) + ": " + diagnostic.message());
            }
        }
        if (frame.layers().isEmpty()) {
            out.println(format(words, "show.nothing", frame.linkType()));
        }
    }

    /** The words around the fields in {@code language} (English or French). */
    static ResourceBundle words(Locale language) {
        return ResourceBundle.getBundle("org.wirelab.cli.show", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code key}'s pattern with {@code arguments} as text (MessageFormat would group the digits of numbers). */
    static String format(ResourceBundle words, String key, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return MessageFormat.format(words.getString(key), texts);
    }

    private static void printField(Field field, int depth, FieldWords words, PrintWriter out) {
        out.println(withRange(INDENT.repeat(depth) + words.display(field), field.range()));
        for (Field child : field.children()) {
            printField(child, depth + 1, words, out);
        }
    }

    private static String osiName(int layer, ResourceBundle words) {
        return layer >= 1 && layer <= 7 ? words.getString("osi." + layer) : osiName(layer);
    }

    /** The names of the OSI model's layers (ISO/IEC 7498-1) that frames carry. */
    static String osiName(int layer) {
        return switch (layer) {
            case 1 -> "physical";
            case 2 -> "data link";
            case 3 -> "network";
            case 4 -> "transport";
            case 5 -> "session";
            case 6 -> "presentation";
            case 7 -> "application";
            default -> "layer " + layer;
        };
    }

    private static String withRange(String text, ByteRange range) {
        int padding = Math.max(2, RANGE_COLUMN - text.length());
        return text + " ".repeat(padding) + range(range);
    }

    /** First and last byte, both included, counted from the frame's first byte (0), as the hex dump counts. */
    static String range(ByteRange range) {
        return range.length() == 0 ? "[" + range.offset() + ", empty]"
                : "[" + range.offset() + ".." + (range.end() - 1) + "]";
    }
}
