package org.wirelab.core.filter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The syntax tree of a display filter, before any field is looked up. Each node prints back as filter
 * text ({@code toString}) that parses to an equal tree; binary nodes print in parentheses. Columns (where
 * a node was in the text) serve error messages only and take no part in equality.
 */
final class Syntax {
    private Syntax() {
    }

    /** A node that is true or false for a frame. */
    sealed interface Expr permits And, Or, Not, Test, Relation, Membership {
    }

    /** A node that has values for a frame: a field's occurrences, a constant, a slice, a function's result. */
    sealed interface Operand permits Word, Text, Char, Slice, Call, BitAnd {
        int column();
    }

    record And(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " && " + right + ")";
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " || " + right + ")";
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public String toString() {
            return "!" + operand;
        }
    }

    /** A field or protocol alone: true when present; a bitwise and alone: true when not zero. */
    record Test(Operand operand) implements Expr {
        @Override
        public String toString() {
            return operand.toString();
        }
    }

    record Relation(Operand left, Comparison comparison, Operand right) implements Expr {
        @Override
        public String toString() {
            return left + " " + comparison.symbol() + " " + right;
        }
    }

    /** {@code left in {a, b, c..d}}, or {@code left not in {...}} when {@code negated}. */
    record Membership(Operand left, List<Member> members, boolean negated) implements Expr {
        Membership {
            members = List.copyOf(members);
        }

        @Override
        public String toString() {
            return left + (negated ? " not in {" : " in {")
                    + members.stream().map(Member::toString).collect(Collectors.joining(", ")) + "}";
        }
    }

    /** One element of a set: a value, or a range {@code low..high} when {@code high} is not null. */
    record Member(Operand low, Operand high) {
        @Override
        public String toString() {
            return high == null ? low.toString() : low + ".." + high;
        }
    }

    /** An unquoted word: a field or protocol name, or a value such as 80, 10.0.0.0/8 or 00:1b:21. */
    record Word(String text, int column) implements Operand {
        @Override
        public boolean equals(Object other) {
            return other instanceof Word word && word.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A quoted string, escapes resolved. */
    record Text(String value, int column) implements Operand {
        @Override
        public boolean equals(Object other) {
            return other instanceof Text text && text.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("\"");
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", (int) c));
                } else if (c >= 0x80 && c <= 0xff) {
                    // A byte written \xhh stays a byte, never the Latin-1 letter it also is.
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }

    /** A character constant such as 'a': its value is its code. */
    record Char(char value, int column) implements Operand {
        @Override
        public boolean equals(Object other) {
            return other instanceof Char c && c.value == value;
        }

        @Override
        public int hashCode() {
            return value;
        }

        @Override
        public String toString() {
            return value == '\'' || value == '\\' ? "'\\" + value + "'"
                    : value < 0x20 || value >= 0x7f ? String.format("'\\x%02x'", (int) value) : "'" + value + "'";
        }
    }

    /** {@code base[ranges]}: some of the bytes of each occurrence of a field or protocol. */
    record Slice(Operand base, List<SliceRange> ranges, int column) implements Operand {
        Slice {
            ranges = List.copyOf(ranges);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Slice slice && slice.base.equals(base) && slice.ranges.equals(ranges);
        }

        @Override
        public int hashCode() {
            return Objects.hash(base, ranges);
        }

        @Override
        public String toString() {
            return base + "[" + ranges.stream().map(SliceRange::toString).collect(Collectors.joining(",")) + "]";
        }
    }

    /** A function applied to its arguments: len(), lower(), upper(), count(). */
    record Call(String function, List<Operand> arguments, int column) implements Operand {
        Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Call call && call.function.equals(function) && call.arguments.equals(arguments);
        }

        @Override
        public int hashCode() {
            return Objects.hash(function, arguments);
        }

        @Override
        public String toString() {
            return function + "(" + arguments.stream().map(Operand::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code left & right}: the bits both have. */
    record BitAnd(Operand left, Operand right) implements Operand {
        @Override
        public int column() {
            return left.column();
        }

        @Override
        public String toString() {
            return left + " & " + right;
        }
    }
}
