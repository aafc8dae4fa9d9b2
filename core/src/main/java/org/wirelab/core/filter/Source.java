package org.wirelab.core.filter;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldType;

/**
 * Something with values in a frame, once the filter is checked: a field's occurrences (from the fast
 * columns when they hold them, else from the tree), a constant, a slice, a function's result. Each
 * source keeps its own buffers: a checked filter is used by one thread.
 */
abstract class Source {
    final FieldType type;

    Source(FieldType type) {
        this.type = type;
    }

    /** Adds this source's values in the cursor's frame to {@code out}, in occurrence order. */
    abstract void collect(FrameCursor frame, List<Object> out);

    /** The field behind this source when it is one (for slices, len() and count()), else null. */
    FieldSource field() {
        return null;
    }

    /** A field or protocol's occurrences. */
    static final class FieldSource extends Source {
        final String name;

        FieldSource(String name, FieldType type) {
            super(type);
            this.name = name;
        }

        @Override
        FieldSource field() {
            return this;
        }

        @Override
        void collect(FrameCursor frame, List<Object> out) {
            if (name.equals("frame")) {
                out.add(frame.fields.bytes(frame.index, new org.wirelab.core.decode.ByteRange(0,
                        frame.fields.capturedLength(frame.index))));
                return;
            }
            if (frame.fields.fromColumns(name, frame.index)) {
                StringBuilder text = frame.scratch;
                text.setLength(0);
                frame.fields.appendColumn(name, frame.index, text);
                int start = 0;
                for (int k = 0; k <= text.length() && text.length() > 0; k++) {
                    if (k == text.length() || text.charAt(k) == ',') {
                        Object value = Values.parse(type, text.substring(start, k));
                        if (value != null) {
                            out.add(value);
                        }
                        start = k + 1;
                    }
                }
                return;
            }
            if (type == FieldType.PROTOCOL) {
                out.addAll(frame.fields.protocolBytes(name, frame.index));
                return;
            }
            for (Field occurrence : frame.fields.occurrences(name, frame.index)) {
                Object value = valueOf(occurrence, frame);
                if (value != null) {
                    out.add(value);
                }
            }
        }

        /** The bytes each occurrence was read from (the whole frame for "frame"). */
        void collectBytes(FrameCursor frame, List<byte[]> out) {
            if (name.equals("frame")) {
                out.add(frame.fields.bytes(frame.index, new org.wirelab.core.decode.ByteRange(0,
                        frame.fields.capturedLength(frame.index))));
                return;
            }
            for (Field occurrence : frame.fields.occurrences(name, frame.index)) {
                out.add(bytesOf(occurrence, frame));
            }
        }

        /**
         * The bytes of an occurrence: those it covers in the frame, or its own where it holds more than this
         * frame's (a message put together from several segments, tcp.reassembled.data).
         */
        private static byte[] bytesOf(Field occurrence, FrameCursor frame) {
            return occurrence.value() instanceof byte[] own ? own : frame.fields.bytes(frame.index, occurrence.range());
        }

        private Object valueOf(Field occurrence, FrameCursor frame) {
            Object value = occurrence.value();
            return switch (type) {
                case PROTOCOL, BYTES -> bytesOf(occurrence, frame);
                case NONE -> new byte[0];
                case BOOLEAN -> value instanceof Boolean set ? (Long) (set ? 1L : 0L)
                        : value instanceof Long number ? (Long) (number != 0 ? 1L : 0L) : Values.bool(occurrence.text());
                case UNSIGNED, SIGNED -> value instanceof Long number ? number : Values.number(occurrence.text());
                case ABSOLUTE_TIME -> value instanceof Long instant ? instant : Values.parse(type, occurrence.text());
                case STRING -> value instanceof String text ? text : occurrence.text();
                default -> Values.parse(type, occurrence.text());
            };
        }
    }

    /** A literal, converted to the type of what it is compared with. */
    static final class Constant extends Source {
        final Object value;

        Constant(FieldType type, Object value) {
            super(type);
            this.value = value;
        }

        @Override
        void collect(FrameCursor frame, List<Object> out) {
            out.add(value);
        }
    }

    /** Some bytes of each occurrence of a field or protocol. */
    static final class SliceSource extends Source {
        private final FieldSource base;
        private final List<SliceRange> ranges;
        private final List<byte[]> buffer = new ArrayList<>();

        SliceSource(FieldSource base, List<SliceRange> ranges) {
            super(FieldType.BYTES);
            this.base = base;
            this.ranges = ranges;
        }

        @Override
        void collect(FrameCursor frame, List<Object> out) {
            buffer.clear();
            base.collectBytes(frame, buffer);
            for (byte[] bytes : buffer) {
                java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
                boolean whole = true;
                for (SliceRange range : ranges) {
                    byte[] part = range.of(bytes);
                    if (part == null) {
                        whole = false;
                        break;
                    }
                    joined.writeBytes(part);
                }
                if (whole) {
                    out.add(joined.toByteArray());
                }
            }
        }
    }

    /** {@code left & right} for every pair of values. */
    static final class BitAndSource extends Source {
        private final Source left;
        private final Source right;
        private final List<Object> lefts = new ArrayList<>();
        private final List<Object> rights = new ArrayList<>();

        BitAndSource(Source left, Source right) {
            super(left.type);
            this.left = left;
            this.right = right;
        }

        @Override
        void collect(FrameCursor frame, List<Object> out) {
            lefts.clear();
            rights.clear();
            left.collect(frame, lefts);
            if (lefts.isEmpty()) {
                return;
            }
            right.collect(frame, rights);
            for (Object a : lefts) {
                for (Object b : rights) {
                    out.add(and(a, b));
                }
            }
        }

        private static Object and(Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                return x & y;
            }
            byte[] x = (byte[]) a;
            byte[] y = (byte[]) b;
            byte[] out = new byte[Math.min(x.length, y.length)];
            for (int k = 0; k < out.length; k++) {
                out[k] = (byte) (x[k] & y[k]);
            }
            return out;
        }
    }

    /** len(), count(), lower() and upper(). */
    static final class CallSource extends Source {
        private final String function;
        private final Source argument;
        private final List<Object> values = new ArrayList<>();
        private final List<byte[]> bytes = new ArrayList<>();

        CallSource(String function, FieldType type, Source argument) {
            super(type);
            this.function = function;
            this.argument = argument;
        }

        @Override
        void collect(FrameCursor frame, List<Object> out) {
            values.clear();
            switch (function) {
                case "count" -> {
                    argument.collect(frame, values);
                    if (!values.isEmpty()) {
                        out.add((long) values.size());
                    }
                }
                case "len" -> {
                    FieldSource field = argument.field();
                    if (argument.type == FieldType.STRING || argument.type == FieldType.BYTES || field == null) {
                        argument.collect(frame, values);
                        for (Object value : values) {
                            out.add((long) (value instanceof String s ? Values.stringBytes(s).length
                                    : value instanceof byte[] b ? b.length : 0));
                        }
                    } else {
                        bytes.clear();
                        field.collectBytes(frame, bytes);
                        for (byte[] b : bytes) {
                            out.add((long) b.length);
                        }
                    }
                }
                default -> {
                    argument.collect(frame, values);
                    boolean lower = function.equals("lower");
                    for (Object value : values) {
                        String text = (String) value;
                        out.add(lower ? text.toLowerCase(java.util.Locale.ROOT) : text.toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
    }
}
