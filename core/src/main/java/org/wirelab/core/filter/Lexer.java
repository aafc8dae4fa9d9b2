package org.wirelab.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wirelab.core.filter.Token.Kind;

/**
 * Splits a display filter into tokens as Wireshark's scanner does: unquoted words hold field names and
 * values alike (the parser decides which), strings take C escapes, and what follows a field in brackets
 * is one slice token.
 */
final class Lexer {
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry("and", Kind.AND), Map.entry("or", Kind.OR), Map.entry("not", Kind.NOT),
            Map.entry("in", Kind.IN), Map.entry("bitwise_and", Kind.BITWISE_AND));
    /** Symbols, longest first so that "===" wins over "==". */
    private static final String[] SYMBOLS = {"===", "!==", "==", "!=", "~=", ">=", "<=", "&&", "||", "..", ">", "<",
        "~", "!", "&", "(", ")", "{", "}", ","};

    private final String filter;
    private int at;

    private Lexer(String filter) {
        this.filter = filter;
    }

    static List<Token> tokens(String filter) throws FilterException {
        return new Lexer(filter).all();
    }

    private List<Token> all() throws FilterException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < filter.length() && Character.isWhitespace(filter.charAt(at))) {
                at++;
            }
            if (at >= filter.length()) {
                tokens.add(new Token(Kind.END, "", filter.length(), 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() throws FilterException {
        char c = filter.charAt(at);
        int start = at;
        if (c == '"' || c == 'r' && filter.startsWith("r\"", at)) {
            return string(c == 'r');
        }
        if (c == '\'') {
            return character();
        }
        if (c == '[') {
            int close = filter.indexOf(']', at);
            if (close < 0) {
                throw new FilterException("the slice opened here is not closed with ']'", at, 1);
            }
            at = close + 1;
            return new Token(Kind.SLICE, filter.substring(start + 1, close), start, at - start);
        }
        if (isWordChar(c) && !filter.startsWith("..", at)) {
            while (at < filter.length() && isWordChar(filter.charAt(at)) && !filter.startsWith("..", at)) {
                at++;
            }
            String word = filter.substring(start, at);
            Kind keyword = KEYWORDS.get(word);
            if (keyword != null) {
                return new Token(keyword, word, start, at - start);
            }
            if (Comparison.of(word) != null) {
                return new Token(Kind.COMPARISON, word, start, at - start);
            }
            return new Token(Kind.WORD, word, start, at - start);
        }
        for (String symbol : SYMBOLS) {
            if (filter.startsWith(symbol, at)) {
                at += symbol.length();
                return new Token(symbolKind(symbol), symbol, start, symbol.length());
            }
        }
        throw new FilterException("\"" + printable(c) + "\" is not allowed here", start, 1);
    }

    private static Kind symbolKind(String symbol) {
        return switch (symbol) {
            case "&&" -> Kind.AND;
            case "||" -> Kind.OR;
            case "!" -> Kind.NOT;
            case "&" -> Kind.BITWISE_AND;
            case "(" -> Kind.LEFT_PAREN;
            case ")" -> Kind.RIGHT_PAREN;
            case "{" -> Kind.LEFT_BRACE;
            case "}" -> Kind.RIGHT_BRACE;
            case "," -> Kind.COMMA;
            case ".." -> Kind.RANGE_DOTS;
            default -> Kind.COMPARISON;
        };
    }

    /** Characters of unquoted words: field names, numbers, addresses, byte strings, CIDR prefixes. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == ':' || c == '/' || c == '-' || c == '+';
    }

    private Token string(boolean raw) throws FilterException {
        int start = at;
        at += raw ? 2 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= filter.length()) {
                throw new FilterException("the string that begins here is not closed with '\"'", start, 1);
            }
            char c = filter.charAt(at++);
            if (c == '"') {
                return new Token(Kind.STRING, value.toString(), start, at - start);
            }
            if (c == '\\' && raw) {
                value.append(c);
                if (at < filter.length()) {
                    value.append(filter.charAt(at++));
                }
            } else if (c == '\\') {
                value.append(escape(at - 1));
            } else {
                value.append(c);
            }
        }
    }

    private Token character() throws FilterException {
        int start = at++;
        if (at >= filter.length()) {
            throw new FilterException("the character constant that begins here is not closed with \"'\"", start, 1);
        }
        char c = filter.charAt(at++);
        String value = c == '\\' ? escape(at - 1) : String.valueOf(c);
        if (at >= filter.length() || filter.charAt(at) != '\'' || value.length() != 1) {
            throw new FilterException("a character constant holds one character, as in 'a' or '\\n'", start, 1);
        }
        at++;
        return new Token(Kind.CHAR, value, start, at - start);
    }

    /** Reads the escape sequence whose backslash is at {@code backslash}, leaving {@code at} after it. */
    private String escape(int backslash) throws FilterException {
        if (at >= filter.length()) {
            throw new FilterException("a backslash ends the filter", backslash, 1);
        }
        char c = filter.charAt(at++);
        switch (c) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'v': return "\u000b";
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int end = at - 1;
                while (end < filter.length() && end < at + 2 && filter.charAt(end) >= '0' && filter.charAt(end) <= '7') {
                    end++;
                }
                int value = Integer.parseInt(filter.substring(at - 1, end), 8);
                at = end;
                if (value > 0xff) {
                    throw new FilterException("an octal escape is at most \\377", backslash, end - backslash);
                }
                return String.valueOf((char) value);
            }
            case 'x': {
                int end = at;
                while (end < filter.length() && end < at + 2 && Character.digit(filter.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == at) {
                    throw new FilterException("\\x must be followed by hexadecimal digits", backslash, 2);
                }
                int value = Integer.parseInt(filter.substring(at, end), 16);
                at = end;
                return String.valueOf((char) value);
            }
            default: return String.valueOf(c);
        }
    }

    /** {@code text} with control characters written as escapes, for an error message on one line. */
    static String printableText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            out.append(printable(text.charAt(k)));
        }
        return out.toString();
    }

    static String printable(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                : String.valueOf(c);
    }
}
