package org.wirelab.cli;

import java.io.PrintWriter;

/**
 * Prints bytes as tshark's {@code -x} does: a hexadecimal offset, sixteen bytes in hexadecimal, then
 * the same bytes as ASCII with '.' for anything not printable, e.g.
 * {@code 0040  19 fe 68 65 6c 6c 6f 20 66 72 6f 6d 20 77 69 72   ..hello from wir}.
 */
final class HexDump {
    private static final int BYTES_PER_LINE = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexDump() {
    }

    static void print(byte[] buffer, int offset, int length, PrintWriter out) {
        // Four offset digits like tshark, more only for frames beyond 64 KiB.
        int digits = Math.max(4, Integer.toHexString(Math.max(0, length - 1)).length());
        StringBuilder line = new StringBuilder(digits + 2 + 3 * BYTES_PER_LINE + 2 + BYTES_PER_LINE);
        for (int start = 0; start < length; start += BYTES_PER_LINE) {
            line.setLength(0);
            String position = Integer.toHexString(start);
            line.append("0".repeat(digits - position.length())).append(position).append("  ");
            int count = Math.min(BYTES_PER_LINE, length - start);
            for (int i = 0; i < BYTES_PER_LINE; i++) {
                if (i < count) {
                    int b = buffer[offset + start + i] & 0xff;
                    line.append(HEX[b >>> 4]).append(HEX[b & 0xf]).append(' ');
                } else {
                    line.append("   ");
                }
            }
            line.append("  ");
            for (int i = 0; i < count; i++) {
                int b = buffer[offset + start + i] & 0xff;
                line.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.println(line);
        }
    }
}
