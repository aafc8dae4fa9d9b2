package org.wirelab.core.text;

import java.nio.charset.StandardCharsets;

/**
 * The one escaping policy for text that comes from a capture (an HTTP request line, a Host or User-Agent
 * value, a response phrase, an SSH banner, a DNS name, a chat message), applied before such text reaches a
 * terminal, a drawing, a page, a table or the app. As tshark's text output does (epan's format_text), every
 * character that could act instead of being seen becomes a visible escape, so that a capture cannot clear a
 * screen, retitle a window, plant a hyperlink, ring the bell or reorder a line:
 * <ul>
 *   <li>tab, line feed and carriage return as {@code \t \n \r}; the other C0 controls and DEL (NUL, BEL,
 *       ESC, which starts every terminal sequence) as {@code \x00 \x07 \x1b \x7f};</li>
 *   <li>C1 controls U+0080 to U+009F (0x9b alone is a terminal's CSI) as {@code \u009b};</li>
 *   <li>invisible format characters (a right-to-left override), line and paragraph separators and
 *       unassigned code points as {@code \u202e}, or {@code \U0001xxxx} beyond 16 bits;</li>
 *   <li>bytes that are not UTF-8 as {@code \x9b}, one escape per byte: valid UTF-8 stays text.</li>
 * </ul>
 * A backslash stays as it is, so escaping twice changes nothing. Formats add their own quoting (XML
 * entities, CSV quotes) after this.
 */
public final class CaptureText {
    private CaptureText() {
    }

    /** {@code length} bytes at {@code offset} decoded as UTF-8 and escaped. */
    public static String escape(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        append(out, bytes, offset, length, false);
        return out.toString();
    }

    public static String escape(byte[] bytes) {
        return escape(bytes, 0, bytes.length);
    }

    /**
     * {@code text} escaped, for text already decoded; the same instance when nothing needs escaping (the
     * usual case), so it costs a scan.
     */
    public static String escape(String text) {
        if (text == null || isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            appendCodePoint(out, c, false);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * Text that a decoder read one byte per character (ISO-8859-1, which keeps every byte) read again as
     * UTF-8 and escaped: "\u00c2\u009b" (the bytes c2 9b) is U+009B, shown {@code \u009b}; a lone 0x9b
     * is no UTF-8 and shown {@code \x9b}.
     */
    public static String fromLatin1(String latin1) {
        if (isPlain(latin1)) {
            return latin1;
        }
        return escape(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Appends the bytes escaped; {@code quoted} also escapes '"' and '\' for a quoted literal. */
    static void append(StringBuilder out, byte[] b, int offset, int length, boolean quoted) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = b[i] & 0xff;
            if (lead < 0x80) {
                appendCodePoint(out, lead, quoted);
                i++;
                continue;
            }
            int size = sequenceLength(b, i, end);
            if (size == 0) {
                hex(out, lead);
                i++;
                continue;
            }
            int c = lead & (0xff >> (size + 1));
            for (int k = 1; k < size; k++) {
                c = c << 6 | (b[i + k] & 0x3f);
            }
            appendCodePoint(out, c, quoted);
            i += size;
        }
    }

    /** The length of the well-formed UTF-8 sequence at {@code i} (RFC 3629's table), or 0 when there is none. */
    private static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xff;
        int size;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            size = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            size = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;     // no overlong forms
            high = lead == 0xed ? 0x9f : 0xbf;    // no UTF-16 surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            size = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;    // nothing beyond U+10FFFF
        } else {
            return 0;
        }
        if (i + size > end) {
            return 0;
        }
        int second = b[i + 1] & 0xff;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int next = b[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return 0;
            }
        }
        return size;
    }

    static void appendCodePoint(StringBuilder out, int c, boolean quoted) {
        switch (c) {
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '"' -> out.append(quoted ? "\\\"" : "\"");
            case '\\' -> out.append(quoted ? "\\\\" : "\\");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    hex(out, c);
                } else if (needsEscape(c)) {
                    out.append(c > 0xffff ? "\\U" : "\\u");
                    String digits = Integer.toHexString(c);
                    out.append("0".repeat((c > 0xffff ? 8 : 4) - digits.length())).append(digits);
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Beyond ASCII: what acts rather than shows (C1 controls, format characters, separators, unassigned). */
    private static boolean needsEscape(int c) {
        if (c >= 0x80 && c < 0xa0) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.CONTROL;
    }

    private static void hex(StringBuilder out, int b) {
        out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
}
