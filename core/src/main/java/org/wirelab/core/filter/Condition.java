package org.wirelab.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checked filter node that is true or false for a frame. A comparison is true when some occurrence
 * satisfies it (Wireshark's "any"), except {@code !=} and {@code ===}, which every occurrence must
 * satisfy; a field absent from the frame satisfies no comparison.
 */
abstract class Condition {

    abstract boolean test(FrameCursor frame);

    static final class And extends Condition {
        private final Condition left;
        private final Condition right;

        And(Condition left, Condition right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(FrameCursor frame) {
            return left.test(frame) && right.test(frame);
        }
    }

    static final class Or extends Condition {
        private final Condition left;
        private final Condition right;

        Or(Condition left, Condition right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(FrameCursor frame) {
            return left.test(frame) || right.test(frame);
        }
    }

    static final class Not extends Condition {
        private final Condition operand;

        Not(Condition operand) {
            this.operand = operand;
        }

        @Override
        boolean test(FrameCursor frame) {
            return !operand.test(frame);
        }
    }

    /** A field or slice alone: present; a bitwise and alone: some result not zero. */
    static final class Present extends Condition {
        private final Source source;
        private final boolean nonZero;
        private final List<Object> values = new ArrayList<>();

        Present(Source source, boolean nonZero) {
            this.source = source;
            this.nonZero = nonZero;
        }

        @Override
        boolean test(FrameCursor frame) {
            values.clear();
            source.collect(frame, values);
            if (!nonZero) {
                return !values.isEmpty();
            }
            for (Object value : values) {
                if (value instanceof Long number ? number != 0 : !allZero((byte[]) value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean allZero(byte[] bytes) {
            for (byte b : bytes) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Compare extends Condition {
        private final Source left;
        private final Comparison comparison;
        private final Source right;
        private final Pattern pattern;
        private final List<Object> lefts = new ArrayList<>();
        private final List<Object> rights = new ArrayList<>();

        Compare(Source left, Comparison comparison, Source right, Pattern pattern) {
            this.left = left;
            this.comparison = comparison;
            this.right = right;
            this.pattern = pattern;
        }

        @Override
        boolean test(FrameCursor frame) {
            lefts.clear();
            left.collect(frame, lefts);
            if (lefts.isEmpty()) {
                return false;
            }
            if (comparison == Comparison.MATCHES) {
                for (Object value : lefts) {
                    String text = value instanceof String s ? s
                            : new String((byte[]) value, java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (pattern.matcher(text).find()) {
                        return true;
                    }
                }
                return false;
            }
            rights.clear();
            right.collect(frame, rights);
            if (rights.isEmpty()) {
                return false;
            }
            boolean every = comparison == Comparison.ALL_EQUAL || comparison == Comparison.ALL_NOT_EQUAL;
            for (Object a : lefts) {
                for (Object b : rights) {
                    boolean holds = holds(a, b);
                    if (every && !holds) {
                        return false;
                    }
                    if (!every && holds) {
                        return true;
                    }
                }
            }
            return every;
        }

        private boolean holds(Object a, Object b) {
            return switch (comparison) {
                case ANY_EQUAL, ALL_EQUAL -> Values.equal(a, b);
                case ALL_NOT_EQUAL, ANY_NOT_EQUAL -> !Values.equal(a, b);
                case GREATER -> Values.compare(a, b) > 0;
                case GREATER_OR_EQUAL -> Values.compare(a, b) >= 0;
                case LESS -> Values.compare(a, b) < 0;
                case LESS_OR_EQUAL -> Values.compare(a, b) <= 0;
                case CONTAINS -> Values.contains(a, b);
                case MATCHES -> throw new IllegalStateException("matches is tested above");
            };
        }
    }

    /** {@code left in {...}}: some occurrence equals a member or lies in a member range. */
    static final class Member extends Condition {
        private final Source left;
        private final List<Source> lows;
        private final List<Source> highs;
        private final List<Object> lefts = new ArrayList<>();
        private final List<Object> bounds = new ArrayList<>();

        /** {@code highs} holds null for a member that is a single value. */
        Member(Source left, List<Source> lows, List<Source> highs) {
            this.left = left;
            this.lows = lows;
            this.highs = highs;
        }

        @Override
        boolean test(FrameCursor frame) {
            lefts.clear();
            left.collect(frame, lefts);
            for (Object value : lefts) {
                for (int k = 0; k < lows.size(); k++) {
                    if (inMember(frame, value, k)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean inMember(FrameCursor frame, Object value, int k) {
            bounds.clear();
            lows.get(k).collect(frame, bounds);
            if (highs.get(k) == null) {
                for (Object low : bounds) {
                    if (Values.equal(value, low)) {
                        return true;
                    }
                }
                return false;
            }
            int lowCount = bounds.size();
            highs.get(k).collect(frame, bounds);
            for (int l = 0; l < lowCount; l++) {
                for (int h = lowCount; h < bounds.size(); h++) {
                    if (Values.compare(value, bounds.get(l)) >= 0 && Values.compare(value, bounds.get(h)) <= 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
