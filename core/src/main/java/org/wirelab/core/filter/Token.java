package org.wirelab.core.filter;

/**
 * One token of a display filter.
 *
 * @param kind what it is
 * @param text for a word, its text; for a string or character, its value with escapes resolved; for a
 *        slice, what is between the brackets; for an operator, the operator as written
 * @param column its 0-based place in the filter
 * @param length how many characters it takes in the filter
 */
record Token(Kind kind, String text, int column, int length) {

    enum Kind {
        /** A field name, protocol name or unquoted value (80, 10.0.0.0/8, 00:1b:21:aa:bb:cc, ::1, GET). */
        WORD,
        STRING,
        CHAR,
        SLICE,
        LEFT_PAREN,
        RIGHT_PAREN,
        LEFT_BRACE,
        RIGHT_BRACE,
        COMMA,
        RANGE_DOTS,
        AND,
        OR,
        NOT,
        IN,
        BITWISE_AND,
        /** A comparison; {@link #comparison()} says which. */
        COMPARISON,
        END
    }

    Comparison comparison() {
        return Comparison.of(text);
    }

    /** How the token reads in an error message. */
    String described() {
        return switch (kind) {
            case END -> "the end of the filter";
            case STRING -> "the string \"" + text + "\"";
            case SLICE -> "\"[" + text + "]\"";
            default -> "\"" + text + "\"";
        };
    }
}
