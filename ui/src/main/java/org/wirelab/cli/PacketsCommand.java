package org.wirelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.fields.Field;
import org.wirelab.core.fields.FieldCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab packets FILE -T fields -E header=y -e FIELD ...}: one line per frame with the values
 * of the named Wireshark fields, in tshark's option shape and value format, so a script written for
 * {@code tshark -T fields} reads wirelab's output unchanged.
 */
@Command(name = "packets", mixinStandardHelpOptions = true,
        description = {"Prints fields of every frame, as tshark -T fields does.",
            "Same field names, same value text as tshark, so scripts written for tshark read it unchanged.",
            "Example: wirelab packets FILE -T fields -E header=y -e frame.number -e ip.src -e tcp.flags.str"})
final class PacketsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "-T", paramLabel = "FORMAT", defaultValue = "fields",
            description = "output format; only 'fields' (the default)")
    private String format;

    @Option(names = "-E", paramLabel = "OPTION=VALUE",
            description = {"header=y|n: first line names the fields (default n)",
                "separator=/t|/s|TEXT: between values, /t tab (default), /s space"})
    private List<String> formatOptions = new ArrayList<>();

    @Option(names = "-e", paramLabel = "FIELD", required = true,
            description = "a Wireshark field name; repeat for more fields")
    private List<String> fieldNames;

    /** Lists the catalog's field names under the options of {@code packets --help}, so the list never goes stale. */
    static void listFieldsInHelp(CommandLine packets) {
        StringBuilder footer = new StringBuilder("%nFields:%n ");
        int column = 1;
        for (String name : FieldCatalog.knownNames()) {
            if (column + name.length() + 1 > 78) {
                footer.append("%n ");
                column = 1;
            }
            footer.append(' ').append(name);
            column += name.length() + 1;
        }
        packets.getCommandSpec().usageMessage().footer(footer.toString());
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("fields")) {
            throw new ParameterException(spec.commandLine(), "-T " + format + " is not supported: use -T fields");
        }
        boolean header = false;
        String separator = "\t";
        for (String option : formatOptions) {
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            String value = equals < 0 ? "" : option.substring(equals + 1);
            switch (name) {
                case "header" -> header = yesOrNo(option, value);
                case "separator" -> separator = separator(option, value);
                default -> throw new ParameterException(spec.commandLine(), "-E " + option
                        + " is not supported: use header=y|n or separator=/t|/s|TEXT");
            }
        }
        // Field names are checked before the file is read, as tshark does.
        for (String name : fieldNames) {
            if (!FieldCatalog.knownNames().contains(name)) {
                throw new UserError("unknown field '" + name + "'; known fields: "
                        + String.join(" ", FieldCatalog.knownNames()));
            }
        }
        CaptureFile capture = CaptureInput.read(file);
        CaptureAnalysis analysis = CaptureAnalysis.of(capture.frames());
        print(new FieldCatalog(analysis).fields(fieldNames), analysis.size(), header, separator,
                spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return CaptureInput.exitStatus(capture, file, "packets", spec.commandLine().getErr());
    }

    private static void print(List<Field> fields, int frames, boolean header, String separator, PrintWriter out) {
        StringBuilder line = new StringBuilder(256);
        if (header) {
            out.println(String.join(separator, fields.stream().map(Field::name).toList()));
        }
        for (int i = 0; i < frames; i++) {
            line.setLength(0);
            for (int f = 0; f < fields.size(); f++) {
                if (f > 0) {
                    line.append(separator);
                }
                fields.get(f).value().appendTo(line, i);
            }
            out.println(line);
        }
    }

    private boolean yesOrNo(String option, String value) {
        return switch (value) {
            case "y" -> true;
            case "n" -> false;
            default -> throw new ParameterException(spec.commandLine(), "-E " + option + ": header takes y or n");
        };
    }

    /** tshark's separator values: /t is a tab, /s a space, anything else is used as it is. */
    private String separator(String option, String value) {
        return switch (value) {
            case "/t" -> "\t";
            case "/s" -> " ";
            case "" -> throw new ParameterException(spec.commandLine(), "-E " + option + ": the separator is empty");
            default -> value;
        };
    }
}
