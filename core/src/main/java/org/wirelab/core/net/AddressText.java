package org.wirelab.core.net;

/**
 * Writes IP and MAC addresses read in place from frame bytes, in the text forms Wireshark prints:
 * dotted IPv4, RFC 5952 IPv6 (lower case, longest run of two or more zero groups as "::"),
 * colon-separated lower-case MAC.
 */
public final class AddressText {
    private AddressText() {
    }

    public static String ipv4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "." + (bytes[offset + 2] & 0xff) + "."
                + (bytes[offset + 3] & 0xff);
    }

    public static String ipv6(byte[] bytes, int offset) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((bytes[offset + 2 * g] & 0xff) << 8) | (bytes[offset + 2 * g + 1] & 0xff);
        }
        // RFC 5952 section 4.2: compress the longest run of zero groups, the first one on a tie, never one alone.
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        if (bestStart == 0 && bestLength == 6 || bestStart == 0 && bestLength == 5 && groups[5] == 0xffff) {
            // IPv4-compatible and IPv4-mapped addresses end in dotted form, as inet_ntop writes them.
            String prefix = bestLength == 6 ? "::" : "::ffff:";
            return prefix + ipv4(bytes, offset + 12);
        }
        StringBuilder text = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                text.append(g == 0 ? "::" : ":");
                g += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[g]));
            if (g < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    public static String mac(byte[] bytes, int offset) {
        StringBuilder text = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                text.append(':');
            }
            int b = bytes[offset + i] & 0xff;
            text.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }
}
