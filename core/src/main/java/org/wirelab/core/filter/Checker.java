package org.wirelab.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.fields.FieldTypes;
import org.wirelab.core.filter.Source.BitAndSource;
import org.wirelab.core.filter.Source.CallSource;
import org.wirelab.core.filter.Source.Constant;
import org.wirelab.core.filter.Source.FieldSource;
import org.wirelab.core.filter.Source.SliceSource;
import org.wirelab.core.filter.Syntax.Expr;
import org.wirelab.core.filter.Syntax.Operand;

/**
 * Checks a syntax tree against the fields wirelab knows and turns it into {@link Condition}s: an unquoted
 * word is a field when one has that name, else a value converted to the type of the field it is compared
 * with, as Wireshark resolves "unparsed" literals. Every problem is a {@link FilterException} that points
 * at the part at fault.
 */
final class Checker {
    private Checker() {
    }

    static Condition check(Expr expr) throws FilterException {
        if (expr instanceof Syntax.And and) {
            return new Condition.And(check(and.left()), check(and.right()));
        }
        if (expr instanceof Syntax.Or or) {
            return new Condition.Or(check(or.left()), check(or.right()));
        }
        if (expr instanceof Syntax.Not not) {
            return new Condition.Not(check(not.operand()));
        }
        if (expr instanceof Syntax.Test test) {
            Source source = value(test.operand());
            if (source == null) {
                throw notAField(test.operand());
            }
            return new Condition.Present(source, test.operand() instanceof Syntax.BitAnd);
        }
        if (expr instanceof Syntax.Relation relation) {
            return relation(relation);
        }
        return membership((Syntax.Membership) expr);
    }

    private static Condition relation(Syntax.Relation relation) throws FilterException {
        Comparison comparison = relation.comparison();
        Source left = value(relation.left());
        Source right = value(relation.right());
        if (left == null && right == null) {
            throw notAField(relation.left());
        }
        if (left == null) {
            left = constant(relation.left(), right.type, comparison);
        }
        String symbol = comparison.symbol();
        if (left.type == FieldType.NONE) {
            throw new FilterException(relation.left() + " (type=Label) cannot participate in " + symbol
                    + " comparison", relation.left().column(), relation.left().toString().length());
        }
        if (comparison == Comparison.MATCHES) {
            if (!(relation.right() instanceof Syntax.Text text)) {
                throw new FilterException("the right side of matches is a regular expression in quotes",
                        relation.right().column(), relation.right().toString().length());
            }
            if (left.type != FieldType.STRING && left.type != FieldType.BYTES && left.type != FieldType.PROTOCOL) {
                throw new FilterException(relation.left() + " is " + describe(left.type)
                        + ", and matches applies to strings and bytes", relation.left().column(),
                        relation.left().toString().length());
            }
            try {
                // Wireshark compiles the expression case-insensitively.
                Pattern pattern = Pattern.compile(text.value(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                return new Condition.Compare(left, comparison, null, pattern);
            } catch (PatternSyntaxException e) {
                throw new FilterException("not a regular expression: " + e.getDescription(), text.column(),
                        text.toString().length());
            }
        }
        if (right == null) {
            right = constant(relation.right(), left.type, comparison);
        } else if (!comparable(left.type, right.type)) {
            throw new FilterException(relation.left() + " (" + describe(left.type) + ") and " + relation.right()
                    + " (" + describe(right.type) + ") cannot be compared", relation.left().column(),
                    relation.left().toString().length());
        }
        if (comparison == Comparison.CONTAINS && !(left.type == FieldType.STRING || isBytes(left.type))) {
            throw new FilterException(relation.left() + " is " + describe(left.type)
                    + ", and contains applies to strings, bytes and protocols", relation.left().column(),
                    relation.left().toString().length());
        }
        return new Condition.Compare(left, comparison, right, null);
    }

    private static Condition membership(Syntax.Membership membership) throws FilterException {
        Source left = value(membership.left());
        if (left == null) {
            throw notAField(membership.left());
        }
        List<Source> lows = new ArrayList<>();
        List<Source> highs = new ArrayList<>();
        for (Syntax.Member member : membership.members()) {
            lows.add(member(member.low(), left.type));
            highs.add(member.high() == null ? null : member(member.high(), left.type));
        }
        Condition in = new Condition.Member(left, lows, highs);
        return membership.negated() ? new Condition.Not(in) : in;
    }

    private static Source member(Operand operand, FieldType type) throws FilterException {
        Source source = value(operand);
        return source != null ? source : constant(operand, type, Comparison.ANY_EQUAL);
    }

    /** The source an operand reads in a frame, or null when it is a literal (typed by the other side). */
    private static Source value(Operand operand) throws FilterException {
        if (operand instanceof Syntax.Word word) {
            FieldType type = FieldTypes.type(word.text());
            return type == null ? null : new FieldSource(word.text(), type);
        }
        if (operand instanceof Syntax.Slice slice) {
            Source base = value(slice.base());
            if (base == null || base.field() == null) {
                throw new FilterException(slice.base() + " is not a field or protocol that can be sliced",
                        slice.base().column(), slice.base().toString().length());
            }
            if (base.field().type == FieldType.NONE) {
                throw new FilterException(slice.base() + " (type=Label) has no bytes to slice",
                        slice.base().column(), slice.base().toString().length());
            }
            return new SliceSource(base.field(), slice.ranges());
        }
        if (operand instanceof Syntax.Call call) {
            return call(call);
        }
        if (operand instanceof Syntax.BitAnd bitAnd) {
            Source left = value(bitAnd.left());
            if (left == null) {
                throw notAField(bitAnd.left());
            }
            if (!(left.type == FieldType.UNSIGNED || left.type == FieldType.SIGNED || left.type == FieldType.BOOLEAN
                    || isBytes(left.type))) {
                throw new FilterException(bitAnd.left() + " is " + describe(left.type)
                        + ", and & applies to numbers and bytes", bitAnd.left().column(),
                        bitAnd.left().toString().length());
            }
            Source right = value(bitAnd.right());
            if (right == null) {
                right = constant(bitAnd.right(), left.type, Comparison.ANY_EQUAL);
            }
            return new BitAndSource(left, right);
        }
        return null;
    }

    private static Source call(Syntax.Call call) throws FilterException {
        String function = call.function();
        if (!List.of("len", "count", "lower", "upper").contains(function)) {
            throw new FilterException("the function '" + function + "' does not exist: use len, count, lower "
                    + "or upper", call.column(), function.length());
        }
        if (call.arguments().size() != 1) {
            throw new FilterException(function + "() takes one argument", call.column(), function.length());
        }
        Operand operand = call.arguments().get(0);
        Source argument = value(operand);
        if (argument == null) {
            throw notAField(operand);
        }
        return switch (function) {
            case "len", "count" -> {
                if (function.equals("len") && argument.type == FieldType.NONE) {
                    throw new FilterException(operand + " (type=Label) has no length", operand.column(),
                            operand.toString().length());
                }
                yield new CallSource(function, FieldType.UNSIGNED, argument);
            }
            default -> {
                if (argument.type != FieldType.STRING) {
                    throw new FilterException(operand + " is " + describe(argument.type) + ", and " + function
                            + "() applies to strings", operand.column(), operand.toString().length());
                }
                yield new CallSource(function, FieldType.STRING, argument);
            }
        };
    }

    /** A literal as a value of {@code type}, or an error naming what it should have been. */
    private static Source constant(Operand operand, FieldType type, Comparison comparison) throws FilterException {
        if (operand instanceof Syntax.Char c) {
            if (type == FieldType.UNSIGNED || type == FieldType.SIGNED || type == FieldType.BOOLEAN) {
                return new Constant(type, (long) c.value());
            }
            if (isBytes(type)) {
                return new Constant(type, new byte[] {(byte) c.value()});
            }
            throw cannotConvert(operand, type, "a character constant");
        }
        if (operand instanceof Syntax.Text text) {
            if (type == FieldType.STRING) {
                return new Constant(type, text.value());
            }
            if (type == FieldType.ABSOLUTE_TIME) {
                Long instant = Values.parse(type, text.value()) instanceof Long parsed ? parsed : null;
                if (instant == null) {
                    throw new FilterException("\"" + text.value() + "\" is not " + describe(type), operand.column(),
                            operand.toString().length());
                }
                return new Constant(type, instant);
            }
            if (isBytes(type) && (comparison == Comparison.CONTAINS || type != FieldType.ETHERNET
                    && type != FieldType.IPV6)) {
                return new Constant(FieldType.BYTES, Values.stringBytes(text.value()));
            }
            throw cannotConvert(operand, type, "a string");
        }
        if (!(operand instanceof Syntax.Word word)) {
            throw notAField(operand);
        }
        String literal = word.text();
        Object value = switch (type) {
            case IPV4 -> network(literal, 32);
            case IPV6 -> network(literal, 128);
            case PROTOCOL -> Values.bytes(literal);
            case TIME -> Values.nanos(literal);
            default -> Values.parse(type, literal);
        };
        if (value == null) {
            if (looksLikeFieldName(literal)) {
                throw unknownField(word);
            }
            throw new FilterException("\"" + literal + "\" is not " + describe(type), word.column(),
                    literal.length());
        }
        return new Constant(type, value);
    }

    /** An address, or an address block with a /prefix (a {@link Values.Network}); null when neither. */
    private static Object network(String literal, int bits) {
        int slash = literal.indexOf('/');
        String address = slash < 0 ? literal : literal.substring(0, slash);
        Object parsed = bits == 32 ? Values.ipv4(address) : Values.ipv6(address);
        if (parsed == null || slash < 0) {
            return parsed;
        }
        Long prefix = Values.number(literal.substring(slash + 1));
        if (prefix == null || prefix < 0 || prefix > bits || literal.substring(slash + 1).startsWith("0x")) {
            return null;
        }
        byte[] bytes = parsed instanceof Long v4 ? Values.ipv4Bytes(v4) : (byte[]) parsed;
        return new Values.Network(bytes, (int) (long) prefix);
    }

    private static boolean comparable(FieldType left, FieldType right) {
        if (left == right) {
            return true;
        }
        boolean leftNumber = left == FieldType.UNSIGNED || left == FieldType.SIGNED || left == FieldType.BOOLEAN;
        boolean rightNumber = right == FieldType.UNSIGNED || right == FieldType.SIGNED || right == FieldType.BOOLEAN;
        return leftNumber && rightNumber || isBytes(left) && isBytes(right);
    }

    private static boolean isBytes(FieldType type) {
        return type == FieldType.BYTES || type == FieldType.PROTOCOL || type == FieldType.ETHERNET
                || type == FieldType.IPV6;
    }

    private static boolean looksLikeFieldName(String word) {
        return word.matches("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+") && Values.ipv4(word) == null;
    }

    private static FilterException notAField(Operand operand) {
        if (operand instanceof Syntax.Word word) {
            return unknownField(word);
        }
        return new FilterException(operand + " is a value, not a field: compare it with a field, as in "
                + "tcp.port == 80", operand.column(), operand.toString().length());
    }

    private static FilterException unknownField(Syntax.Word word) {
        List<String> nearest = FieldNames.nearest(word.text(), 3);
        return new FilterException(word.text() + " is neither a field nor a protocol name"
                + (nearest.isEmpty() ? "" : " (did you mean " + String.join(", ", nearest) + "?)"), word.column(),
                word.text().length());
    }

    private static FilterException cannotConvert(Operand operand, FieldType type, String what) {
        return new FilterException(capitalized(describe(type)) + " cannot be converted from " + what + " ("
                + operand + ")", operand.column(), operand.toString().length());
    }

    private static String capitalized(String text) {
        String noArticle = text.startsWith("an ") ? text.substring(3) : text.startsWith("a ") ? text.substring(2) : text;
        return Character.toUpperCase(noArticle.charAt(0)) + noArticle.substring(1);
    }

    static String describe(FieldType type) {
        return switch (type) {
            case PROTOCOL -> "a protocol";
            case NONE -> "a label";
            case BOOLEAN -> "a boolean (1, 0, True, False)";
            case UNSIGNED -> "an unsigned integer";
            case SIGNED -> "a signed integer";
            case TIME -> "a time in seconds";
            case ABSOLUTE_TIME -> "a date and time (\"Dec  7, 2026 13:16:30.5\" or \"2026-12-07 13:16:30\")";
            case STRING -> "a string";
            case BYTES -> "a byte string (00:1a:2b or 001a2b)";
            case IPV4 -> "an IPv4 address (or network, as 10.0.0.0/8)";
            case IPV6 -> "an IPv6 address (or network, as fe80::/10)";
            case ETHERNET -> "an Ethernet address (00:1b:21:aa:bb:cc)";
        };
    }
}
