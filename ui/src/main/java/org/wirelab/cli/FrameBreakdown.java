package org.wirelab.cli;

import java.io.PrintWriter;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Diagnostic;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.Timestamps;

/**
 * One frame's OSI breakdown as text, what {@code wirelab show FILE --frame N} prints above the hex
 * dump: a heading per decoded layer with its OSI layer number and name, then its fields as an indented
 * tree (Wireshark's own labels), each with the bytes it came from as {@code [first..last]}, then what
 * the decoder noticed ("! error [46..47]: TCP header claims 60 bytes, 20 captured").
 */
final class FrameBreakdown {
    /** Byte ranges start in this column when the text before them is shorter, so they line up. */
    private static final int RANGE_COLUMN = 72;
    private static final String INDENT = "    ";

    private FrameBreakdown() {
    }

    static void print(DecodedFrame frame, PrintWriter out) {
        out.println("Frame " + frame.number() + ": " + frame.originalLength() + " bytes on the wire, "
                + frame.capturedLength() + " captured, " + LinkType.name(frame.linkType()) + ", time "
                + Timestamps.epochText(frame.timestampNanos()));
        for (Layer layer : frame.layers()) {
            out.println(withRange("Layer " + layer.osiLayer() + " (" + osiName(layer.osiLayer()) + "): "
                    + layer.title(), layer.range()));
            for (Field field : layer.fields()) {
                printField(field, 1, out);
            }
            for (Diagnostic diagnostic : layer.diagnostics()) {
                out.println(INDENT + "! " + diagnostic.severity().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + range(diagnostic.range()) + ": " + diagnostic.message());
            }
        }
        if (frame.layers().isEmpty()) {
            out.println("(nothing decoded: link type " + frame.linkType() + " is not one wirelab reads)");
        }
    }

    private static void printField(Field field, int depth, PrintWriter out) {
        out.println(withRange(INDENT.repeat(depth) + field.display(), field.range()));
        for (Field child : field.children()) {
            printField(child, depth + 1, out);
        }
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
