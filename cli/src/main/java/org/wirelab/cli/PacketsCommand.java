package org.wirelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.fields.FieldTypes;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.filter.FieldNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab packets FILE -Y FILTER -T fields -E header=y -e FIELD ...}: one line per frame that passes
 * the display filter, with the values of the named Wireshark fields, in tshark's option shape and value
 * format, so a script written for {@code tshark -T fields} reads wirelab's output unchanged.
 */
@Command(name = "packets", mixinStandardHelpOptions = true,
        description = {"Prints fields of the frames a display filter selects, as tshark -T fields does.",
            "Same field names, same value text as tshark, so scripts written for tshark read it unchanged.",
            "Example: wirelab packets FILE -Y 'tcp.flags.syn == 1' -T fields -E header=y -e frame.number -e ip.src"})
final class PacketsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "-T", paramLabel = "FORMAT", defaultValue = "fields",
            description = "output format: fields (the default) or json (tshark -T json's shape, the fields asked)")
    private String format;

    @Option(names = "-Y", paramLabel = "FILTER",
            description = "a Wireshark display filter: only the frames it selects are printed")
    private String filter;

    @Option(names = "-E", paramLabel = "OPTION=VALUE",
            description = {"header=y|n: first line names the fields (default n)",
                "separator=/t|/s|C: between fields, /t tab (default), /s space",
                "occurrence=a|f|l|N: all occurrences of a field (default), the first, the last, the Nth",
                "aggregator=,|/s|C: between occurrences (default ',')",
                "quote=n|d|s: no quotes (default), double or single quotes around each value"})
    private List<String> formatOptions = new ArrayList<>();

    @Option(names = "-e", paramLabel = "FIELD", required = true,
            description = "a Wireshark field or protocol name; repeat for more fields")
    private List<String> fieldNames;

    /** Lists every field name under the options of {@code packets --help}, so the list never goes stale. */
    static void listFieldsInHelp(CommandLine packets) {
        StringBuilder footer = new StringBuilder("%nFields:%n ");
        int column = 1;
        for (String name : FieldTypes.names()) {
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
        if (!format.equals("fields") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "-T " + format + " is not supported: use -T fields or -T json");
        }
        FieldsOutput.Options options = FieldsOutput.Options.parse(formatOptions, spec.commandLine());
        // Field names and the filter are checked before the file is read, as tshark does.
        for (String name : fieldNames) {
            if (!FieldTypes.isKnown(name)) {
                List<String> nearest = FieldNames.nearest(name, 3);
                throw new UserError("unknown field '" + name + "'"
                        + (nearest.isEmpty() ? "" : "; did you mean " + String.join(", ", nearest) + "?")
                        + " ('wirelab packets --help' lists every field)");
            }
        }
        DisplayFilter displayFilter = filter == null ? null : FilterError.compile(filter);
        FieldsOutput output = new FieldsOutput(fieldNames, options, format.equals("json"), spec.commandLine().getOut());
        // One pass, a part of the file at a time, as tshark reads it: each part's analysis carries only the
        // conversations, TCP flows and unfinished HTTP messages over to the next, so a file larger than the heap is read.
        try (CaptureSegments segments = CaptureInput.segments(file)) {
            output.begin();
            // Only a frame's tree shows HTTP: when no field or filter is read from trees, the HTTP messages a
            // part leaves unfinished are not looked for (finding them costs more than the columns themselves).
            boolean readsTrees = CaptureFields.readsTrees(fieldNames)
                    || displayFilter != null && CaptureFields.readsTrees(displayFilter.fieldNames());
            CaptureFields fields = null;
            for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
                CaptureAnalysis analysis = fields == null ? CaptureAnalysis.of(frames)
                        : CaptureAnalysis.after(fields.analysis(), frames);
                if (readsTrees) {
                    analysis.carryPairs();   // a DNS response or an echo reply may answer a part before
                }
                fields = fields != null && readsTrees ? CaptureFields.after(fields, analysis) : new CaptureFields(analysis);
                output.frames(fields, displayFilter == null ? null : displayFilter.matcher(fields));
            }
            output.end();
            return CaptureInput.exitStatus(segments.reading(), file, spec);
        }
    }

}
