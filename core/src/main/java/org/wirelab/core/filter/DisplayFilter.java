package org.wirelab.core.filter;

import java.util.LinkedHashSet;
import java.util.Set;
import org.wirelab.core.fields.CaptureFields;

/**
 * A Wireshark display filter ({@code tcp.port == 80 && http.request}), parsed and checked against the
 * fields wirelab knows. {@link #compile} reports any problem as a {@link FilterException} that points at
 * its column; {@link #matcher} binds the filter to a capture and tests its frames, reading fast-path
 * fields from the columns and decoding a frame's tree only when a field needs it.
 */
public final class DisplayFilter {
    private final String text;
    private final Syntax.Expr syntax;

    private DisplayFilter(String text, Syntax.Expr syntax) {
        this.text = text;
        this.syntax = syntax;
    }

    public static DisplayFilter compile(String text) throws FilterException {
        Syntax.Expr syntax = Parser.parse(text);
        Checker.check(syntax);
        return new DisplayFilter(text, syntax);
    }

    /** The filter as it was written. */
    public String text() {
        return text;
    }

    /** The filter printed back from its tree, with parentheses around every "and" and "or". */
    public String canonical() {
        return syntax.toString();
    }

    /** The field and protocol names the filter reads (for a caller deciding what to prepare). */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        collect(syntax.toString(), names);
        return names;
    }

    private static void collect(String canonical, Set<String> names) {
        for (String part : canonical.split("[^A-Za-z0-9_.\\-]+")) {
            if (org.wirelab.core.fields.FieldTypes.isKnown(part)) {
                names.add(part);
            }
        }
    }

    /** A tester of the capture's frames; use it from one thread. */
    public Matcher matcher(CaptureFields fields) {
        try {
            return new Matcher(Checker.check(syntax), new FrameCursor(fields));
        } catch (FilterException e) {
            throw new IllegalStateException("a filter that was checked no longer checks", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** Tests frames of one capture against the filter. */
    public static final class Matcher {
        private final Condition condition;
        private final FrameCursor cursor;

        private Matcher(Condition condition, FrameCursor cursor) {
            this.condition = condition;
            this.cursor = cursor;
        }

        /** Whether frame {@code index} (0-based) passes the filter. */
        public boolean matches(int index) {
            cursor.index = index;
            return condition.test(cursor);
        }
    }
}
