package org.wirelab.core.filter;

/**
 * A display filter that cannot be used: it does not parse, names a field no decoder produces, or
 * compares values of different kinds. Says where, as Wireshark does: the 0-based column and the length
 * of the part at fault, so that a caret line can be drawn under the filter.
 */
public final class FilterException extends Exception {
    private final int column;
    private final int length;

    public FilterException(String message, int column, int length) {
        super(message, null, false, false);
        this.column = Math.max(0, column);
        this.length = Math.max(1, length);
    }

    public int column() {
        return column;
    }

    public int length() {
        return length;
    }

    /**
     * The filter on one line and a caret line under the fault ({@code ^~~~}), each indented by four
     * spaces, as tshark prints them. Control characters of the filter are shown as '?' so that the
     * caret stays under its column.
     */
    public String pointer(String filter) {
        StringBuilder shown = new StringBuilder(filter.length());
        for (int k = 0; k < filter.length(); k++) {
            char c = filter.charAt(k);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        int start = Math.min(column, filter.length());
        int width = Math.max(1, Math.min(length, filter.length() - start));
        return "    " + shown + "\n    " + " ".repeat(start) + "^" + "~".repeat(width - 1);
    }
}
