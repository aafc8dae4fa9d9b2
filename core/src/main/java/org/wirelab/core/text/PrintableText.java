package org.wirelab.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Received bytes as a quoted one-line text, so that what a program prints shows exactly what crossed
 * the wire: {@code "hello serveur\n"}. Valid UTF-8 is shown as text (the lab decodes with utf-8),
 * line ends and other control characters as escapes, and bytes that are not UTF-8 as {@code \xNN}.
 * Invisible format characters (such as a right-to-left override) are escaped as {@code \\u202e}: a
 * capture must not be able to rearrange the text of a terminal or a page that shows it.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String quoted(byte[] bytes) {
        return quoted(bytes, 0, bytes.length);
    }

    public static String quoted(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length + 2).append('"');
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            chars.codePoints().forEach(c -> appendCodePoint(text, c));
        } catch (CharacterCodingException notUtf8) {
            for (int i = offset; i < offset + length; i++) {
                int b = bytes[i] & 0xff;
                if (b >= 0x80) {
                    text.append(String.format("\\x%02x", b));
                } else {
                    appendCodePoint(text, b);
                }
            }
        }
        return text.append('"').toString();
    }

    private static void appendCodePoint(StringBuilder text, int c) {
        switch (c) {
            case '\n' -> text.append("\\n");
            case '\r' -> text.append("\\r");
            case '\t' -> text.append("\\t");
            case '"' -> text.append("\\\"");
            case '\\' -> text.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    text.append(String.format("\\x%02x", c));
                } else if (c >= 0x80 && c < 0xa0 || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                    text.append(String.format("\\u%04x", c));
                } else {
                    text.appendCodePoint(c);
                }
            }
        }
    }
}
