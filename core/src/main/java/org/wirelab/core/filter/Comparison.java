package org.wirelab.core.filter;

import java.util.Map;

/**
 * The comparison operators of Wireshark 4.0, with their word forms. Since 4.0, {@code a != b} means
 * {@code !(a == b)} ("all not equal"); {@code ~=} and {@code !==} keep the old "any not equal".
 */
enum Comparison {
    ANY_EQUAL("=="),
    ALL_NOT_EQUAL("!="),
    ALL_EQUAL("==="),
    ANY_NOT_EQUAL("~="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    CONTAINS("contains"),
    MATCHES("matches");

    private static final Map<String, Comparison> BY_TEXT = Map.ofEntries(
            Map.entry("==", ANY_EQUAL), Map.entry("eq", ANY_EQUAL), Map.entry("any_eq", ANY_EQUAL),
            Map.entry("!=", ALL_NOT_EQUAL), Map.entry("ne", ALL_NOT_EQUAL), Map.entry("all_ne", ALL_NOT_EQUAL),
            Map.entry("===", ALL_EQUAL), Map.entry("all_eq", ALL_EQUAL),
            Map.entry("~=", ANY_NOT_EQUAL), Map.entry("!==", ANY_NOT_EQUAL), Map.entry("any_ne", ANY_NOT_EQUAL),
            Map.entry(">", GREATER), Map.entry("gt", GREATER), Map.entry(">=", GREATER_OR_EQUAL),
            Map.entry("ge", GREATER_OR_EQUAL), Map.entry("<", LESS), Map.entry("lt", LESS),
            Map.entry("<=", LESS_OR_EQUAL), Map.entry("le", LESS_OR_EQUAL),
            Map.entry("contains", CONTAINS), Map.entry("matches", MATCHES), Map.entry("~", MATCHES));

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The operator for its symbol or word, or null. */
    static Comparison of(String text) {
        return BY_TEXT.get(text);
    }

    /** The symbol a filter is printed back with. */
    String symbol() {
        return symbol;
    }

    boolean isOrder() {
        return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
    }
}
