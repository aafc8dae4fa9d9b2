package org.wirelab.core.text;

/**
 * Received bytes as a quoted one-line text, so that what a program prints shows exactly what crossed
 * the wire: {@code "hello serveur\n"}. The escapes are {@link CaptureText}'s (valid UTF-8 as text, control
 * and format characters escaped, bytes that are not UTF-8 as {@code \xNN}), plus {@code \"} and
 * {@code \\} since the text is quoted.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String quoted(byte[] bytes) {
        return quoted(bytes, 0, bytes.length);
    }

    public static String quoted(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length + 2).append('"');
        CaptureText.append(text, bytes, offset, length, true);
        return text.append('"').toString();
    }
}
