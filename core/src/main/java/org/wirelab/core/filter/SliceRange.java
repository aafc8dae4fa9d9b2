package org.wirelab.core.filter;

/**
 * One range of a slice, in any of Wireshark's forms: {@code [i]} one byte, {@code [i:n]} n bytes from i,
 * {@code [i-j]} bytes i to j included, {@code [i:]} from i to the end, {@code [:n]} the first n. A
 * negative start counts from the end.
 */
record SliceRange(Form form, int start, int bound) {

    enum Form { ONE, LENGTH, THROUGH, TO_END }

    /** The range's bytes of {@code value}, or null when {@code value} does not have them all (no match). */
    byte[] of(byte[] value) {
        int from = start < 0 ? value.length + start : start;
        int to = switch (form) {
            case ONE -> from + 1;
            case LENGTH -> from + bound;
            case THROUGH -> (bound < 0 ? value.length + bound : bound) + 1;
            case TO_END -> value.length;
        };
        if (from < 0 || to > value.length || to < from || form == Form.ONE && from >= value.length) {
            return null;
        }
        return java.util.Arrays.copyOfRange(value, from, to);
    }

    /** Parses one range as written between the brackets (without commas); null when it is not one. */
    static SliceRange parse(String text) {
        String range = text.strip();
        try {
            int colon = range.indexOf(':');
            if (colon >= 0) {
                String from = range.substring(0, colon).strip();
                String length = range.substring(colon + 1).strip();
                int start = from.isEmpty() ? 0 : Integer.parseInt(from);
                if (length.isEmpty()) {
                    return new SliceRange(Form.TO_END, start, 0);
                }
                int n = Integer.parseInt(length);
                return n < 0 ? null : new SliceRange(Form.LENGTH, start, n);
            }
            int dash = range.indexOf('-', 1);
            if (dash > 0) {
                return new SliceRange(Form.THROUGH, Integer.parseInt(range.substring(0, dash).strip()),
                        Integer.parseInt(range.substring(dash + 1).strip()));
            }
            return new SliceRange(Form.ONE, Integer.parseInt(range), 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return switch (form) {
            case ONE -> Integer.toString(start);
            case LENGTH -> start + ":" + bound;
            case THROUGH -> start + "-" + bound;
            case TO_END -> start + ":";
        };
    }
}
