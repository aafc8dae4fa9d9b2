package org.wirelab.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Prints the asked fields of the selected frames as tshark does: {@code -T fields} lines shaped by the
 * {@code -E} options, or {@code -T json}'s array of {@code _source.layers} objects.
 */
final class FieldsOutput {
    /** tshark's -E options. {@code occurrence} is 0 for all, -1 for the last, else the 1-based one. */
    record Options(boolean header, String separator, int occurrence, String aggregator, char quote) {

        static Options parse(List<String> options, CommandLine command) {
            boolean header = false;
            String separator = "\t";
            int occurrence = 0;
            String aggregator = ",";
            char quote = 0;
            for (String option : options) {
                int equals = option.indexOf('=');
                String name = equals < 0 ? option : option.substring(0, equals);
                String value = equals < 0 ? "" : option.substring(equals + 1);
                switch (name) {
                    case "header" -> header = switch (value) {
                        case "y" -> true;
                        case "n" -> false;
                        default -> throw new ParameterException(command, "-E " + option + ": header takes y or n");
                    };
                    case "separator" -> separator = text(option, value, command);
                    case "aggregator" -> aggregator = text(option, value, command);
                    case "occurrence" -> occurrence = switch (value) {
                        case "a" -> 0;
                        case "f" -> 1;
                        case "l" -> -1;
                        default -> {
                            if (!value.matches("[1-9][0-9]{0,8}")) {
                                throw new ParameterException(command, "-E " + option
                                        + ": occurrence takes a (all), f (first), l (last) or a number from 1");
                            }
                            yield Integer.parseInt(value);
                        }
                    };
                    case "quote" -> quote = switch (value) {
                        case "n" -> 0;
                        case "d" -> '"';
                        case "s" -> '\'';
                        default -> throw new ParameterException(command, "-E " + option + ": quote takes n, d or s");
                    };
                    default -> throw new ParameterException(command, "-E " + option + " is not supported: use "
                            + "header, separator, occurrence, aggregator or quote");
                }
            }
            return new Options(header, separator, occurrence, aggregator, quote);
        }

        /** tshark's separator values: /t is a tab, /s a space, anything else is used as it is. */
        private static String text(String option, String value, CommandLine command) {
            return switch (value) {
                case "/t" -> "\t";
                case "/s" -> " ";
                case "" -> throw new ParameterException(command, "-E " + option + ": the value is empty");
                default -> value;
            };
        }

        /** Whether a column's comma-joined text can be printed as it is. */
        boolean printsColumnsAsTheyAre() {
            return occurrence == 0 && aggregator.equals(",") && quote == 0;
        }
    }

    private final List<String> names;
    private final Options options;
    private final boolean json;
    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private boolean anyPrinted;

    /**
     * Output in {@code -T fields} or {@code -T json} form; the frames come in parts ({@link #frames}), a
     * file read a part at a time, between {@link #begin()} and {@link #end()}.
     */
    FieldsOutput(List<String> names, Options options, boolean json, PrintWriter out) {
        this.names = names;
        this.options = options;
        this.json = json;
        this.out = out;
    }

    /** The header line of -E header=y, or the opening of the JSON array. */
    void begin() {
        if (json) {
            out.print("[");
        } else if (options.header()) {
            out.println(String.join(options.separator(), names));
        }
    }

    /** The frames of {@code fields} that {@code matcher} selects (every frame when it is null). */
    void frames(CaptureFields fields, DisplayFilter.Matcher matcher) {
        if (matcher != null) {
            fields.displaySelectedOnly();
        }
        if (json) {
            json(fields, matcher);
        } else {
            fields(fields, matcher);
        }
    }

    /** The closing of the JSON array. */
    void end() {
        if (json) {
            out.println(anyPrinted ? "\n]" : "]");
        }
    }

    private void fields(CaptureFields fields, DisplayFilter.Matcher matcher) {
        for (int i = 0; i < fields.size(); i++) {
            if (matcher != null && !matcher.matches(i)) {
                continue;
            }
            line.setLength(0);
            for (int f = 0; f < names.size(); f++) {
                if (f > 0) {
                    line.append(options.separator());
                }
                String name = names.get(f);
                if (options.printsColumnsAsTheyAre() && fields.fromColumns(name, i)) {
                    fields.appendColumn(name, i, line);
                } else {
                    appendValue(line, chosen(fields.texts(name, i)));
                }
            }
            out.println(line);
            fields.displayed(i);
        }
    }

    /** The occurrences -E occurrence keeps. */
    private List<String> chosen(List<String> texts) {
        int occurrence = options.occurrence();
        if (occurrence == 0 || texts.isEmpty()) {
            return texts;
        }
        int at = occurrence < 0 ? texts.size() - 1 : occurrence - 1;
        return at < texts.size() ? List.of(texts.get(at)) : List.of();
    }

    private void appendValue(StringBuilder line, List<String> texts) {
        if (texts.isEmpty()) {
            return;
        }
        if (options.quote() != 0) {
            line.append(options.quote());
        }
        for (int k = 0; k < texts.size(); k++) {
            if (k > 0) {
                line.append(options.aggregator());
            }
            line.append(texts.get(k));
        }
        if (options.quote() != 0) {
            line.append(options.quote());
        }
    }

    /** tshark -T json -e ...: an array of packets, each with the fields present as arrays of strings. */
    private void json(CaptureFields fields, DisplayFilter.Matcher matcher) {
        for (int i = 0; i < fields.size(); i++) {
            if (matcher != null && !matcher.matches(i)) {
                continue;
            }
            out.print(anyPrinted ? ",\n" : "\n");
            anyPrinted = true;
            String day = Instant.ofEpochSecond(Math.floorDiv(fields.analysis().frames().timestampNanos(i), 1_000_000_000L))
                    .atZone(ZoneId.systemDefault()).toLocalDate().toString();
            out.print("  {\n    \"_index\": \"packets-" + day + "\",\n    \"_type\": \"doc\",\n"
                    + "    \"_score\": null,\n    \"_source\": {\n      \"layers\": {");
            boolean firstField = true;
            for (String name : names) {
                List<String> texts = chosen(fields.texts(name, i));
                if (texts.isEmpty()) {
                    continue;
                }
                out.print(firstField ? "\n" : ",\n");
                firstField = false;
                out.print("        " + quoted(name) + ": [\n");
                for (int k = 0; k < texts.size(); k++) {
                    out.print("          " + quoted(texts.get(k)) + (k + 1 < texts.size() ? ",\n" : "\n"));
                }
                out.print("        ]");
            }
            out.print(firstField ? "}\n" : "\n      }\n");
            out.print("    }\n  }");
            fields.displayed(i);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
