package org.wirelab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import org.wirelab.simulator.net.SocketAddressText;

/**
 * How the simulated programs print bytes and addresses, as the live runner's programs do for the text
 * the scenarios send (the capture module's PrintableText, which the simulator cannot depend on, also
 * shows bytes that are not UTF-8 one by one; here they come out as \xfd, from U+FFFD).
 */
final class Text {
    private Text() {
    }

    /** Bytes as a quoted line: printable ASCII as is, line ends and others escaped. */
    static String quoted(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(length + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0xfffd) {
                        out.append(String.format("\\x%02x", c & 0xff));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    static String quoted(byte[] bytes) {
        return quoted(bytes, 0, bytes.length);
    }

    /** {@code 127.0.0.1:3000} or {@code [::1]:3000}. */
    static String endpoint(byte[] address, int port) {
        return SocketAddressText.of(address, port);
    }
}
