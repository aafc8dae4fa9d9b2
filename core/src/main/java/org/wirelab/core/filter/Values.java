package org.wirelab.core.filter;

import java.math.BigDecimal;
import java.util.Arrays;
import org.wirelab.core.decode.FieldType;

/**
 * Typed values, one representation per {@link FieldType}: a {@code Long} for numbers, booleans (0 or 1),
 * IPv4 addresses and times (in nanoseconds); a {@code String} for strings; a {@code byte[]} for bytes,
 * protocols, IPv6 and Ethernet addresses. A CIDR literal is a {@link Network}. Parsing returns null for
 * text that is not of the type.
 */
final class Values {
    private Values() {
    }

    /** An address block written with a prefix length, e.g. 10.0.0.0/8: equal to each address inside it. */
    record Network(byte[] address, int prefixBits) {
        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The value of {@code text} as printed by tshark for a field of {@code type}, or null. */
    static Object parse(FieldType type, String text) {
        return switch (type) {
            case UNSIGNED, SIGNED -> number(text);
            case BOOLEAN -> bool(text);
            case TIME -> nanos(text);
            case ABSOLUTE_TIME -> org.wirelab.core.protocol.frame.Frame.parseTime(text, java.time.ZoneId.systemDefault());
            case STRING -> text;
            case IPV4 -> ipv4(text);
            case IPV6 -> ipv6(text);
            case ETHERNET -> ethernet(text);
            case BYTES, PROTOCOL -> bytes(text);
            case NONE -> new byte[0];
        };
    }

    static Long number(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (text.startsWith("-0x") || text.startsWith("-0X")) {
                return -Long.parseLong(text.substring(3), 16);
            }
            if (text.length() > 1 && text.startsWith("0") && text.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(text, 8);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long bool(String text) {
        return switch (text) {
            case "1", "True", "TRUE", "true" -> 1L;
            case "0", "False", "FALSE", "false" -> 0L;
            default -> {
                Long number = number(text);
                yield number == null ? null : number != 0 ? 1L : 0L;
            }
        };
    }

    /** Seconds with an optional fraction, to nanoseconds. */
    static Long nanos(String text) {
        try {
            return new BigDecimal(text).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static Long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    static byte[] ipv4Bytes(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** An IPv6 address in any RFC 4291 text form (with "::", with a dotted IPv4 tail), or null. */
    static byte[] ipv6(String text) {
        if (text.indexOf(':') < 0 || text.length() > 45) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2));
        if (head == null || tail == null || head.length + tail.length > 8
                || gap < 0 && head.length != 8 || gap >= 0 && head.length + tail.length == 8) {
            return null;
        }
        byte[] out = new byte[16];
        for (int k = 0; k < head.length; k++) {
            out[2 * k] = (byte) (head[k] >> 8);
            out[2 * k + 1] = (byte) head[k];
        }
        for (int k = 0; k < tail.length; k++) {
            int at = 16 - 2 * (tail.length - k);
            out[at] = (byte) (tail[k] >> 8);
            out[at + 1] = (byte) tail[k];
        }
        return out;
    }

    /** The 16-bit groups of part of an IPv6 address (a dotted IPv4 tail counts for two), or null. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        String last = texts[texts.length - 1];
        Long ipv4 = last.contains(".") ? ipv4(last) : null;
        if (last.contains(".") && ipv4 == null) {
            return null;
        }
        int count = texts.length + (ipv4 != null ? 1 : 0);
        int[] groups = new int[count];
        for (int k = 0; k < texts.length - (ipv4 != null ? 1 : 0); k++) {
            String group = texts[k];
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            try {
                groups[k] = Integer.parseInt(group, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (ipv4 != null) {
            groups[count - 2] = (int) (ipv4 >>> 16);
            groups[count - 1] = (int) (ipv4 & 0xffff);
        }
        return groups;
    }

    /** Six bytes written aa:bb:cc:dd:ee:ff, aa-bb-..., aa.bb...., or aabb.ccdd.eeff; or null. */
    static byte[] ethernet(String text) {
        byte[] bytes = bytes(text);
        if (bytes == null && text.length() == 14 && text.charAt(4) == '.' && text.charAt(9) == '.') {
            bytes = bytes(text.replace(".", ""));
        }
        return bytes != null && bytes.length == 6 ? bytes : null;
    }

    /**
     * A byte string as Wireshark writes one: hex pairs separated by ':', '-' or '.', hex pairs without
     * separators, or one byte as a number (0x12); null otherwise.
     */
    static byte[] bytes(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            Long one = number(text);
            return one != null && one <= 0xff ? new byte[] {(byte) (long) one} : null;
        }
        char separator = 0;
        for (char c : new char[] {':', '-', '.'}) {
            if (text.indexOf(c) >= 0) {
                separator = c;
            }
        }
        String[] pairs;
        if (separator == 0) {
            if (text.length() % 2 != 0) {
                return null;
            }
            pairs = new String[text.length() / 2];
            for (int k = 0; k < pairs.length; k++) {
                pairs[k] = text.substring(2 * k, 2 * k + 2);
            }
        } else {
            pairs = text.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        }
        byte[] out = new byte[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            String pair = pairs[k];
            if (pair.length() != 2 || Character.digit(pair.charAt(0), 16) < 0 || Character.digit(pair.charAt(1), 16) < 0) {
                return null;
            }
            out[k] = (byte) Integer.parseInt(pair, 16);
        }
        return out;
    }

    static boolean equal(Object left, Object right) {
        if (right instanceof Network network) {
            return network.contains(left instanceof Long address ? ipv4Bytes(address) : (byte[]) left);
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        return left.equals(right);
    }

    /** Order of two values of one type: numbers, then strings, then bytes compared unsigned. */
    static int compare(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Long.compare(a, b);
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }
        throw new IllegalArgumentException("values of different types: " + left + ", " + right);
    }

    static boolean contains(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return a.contains(b);
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return indexOf(a, b) >= 0;
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[start + k] != needle[k]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    /** A string's bytes as Wireshark compares them with bytes: each char a byte (UTF-8 for the rest). */
    static byte[] stringBytes(String text) {
        boolean latin = text.chars().allMatch(c -> c <= 0xff);
        return latin ? text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)
                : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
