package org.wirelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.fields.CaptureTree;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.ladder.LadderInParts;
import org.wirelab.core.ladder.LadderLayout;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.text.CaptureText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirelab show FILE [-Y FILTER] [--frame N]}: the capture (or the frames a filter selects) at a glance, or one frame in depth. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows a capture as a ladder diagram, or one frame layer by layer.",
            "The diagram has one lane per socket (address:port) and one arrow per frame with its time,",
            "label, the TCP state changes it caused and expert notes; then a line about the file",
            "(format, frames, damage). Lanes beyond --lanes (a port scan has one per port) are grouped",
            "into one lane, 'other'; --stream N shows one TCP stream alone.",
            "With --frame N: frame N layer by layer (OSI layer, fields, byte ranges) and its bytes",
            "as a hex dump like tshark -x, then what it does in a sentence or two for a student."})
final class ShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "-Y", paramLabel = "FILTER",
            description = "a Wireshark display filter: the diagram shows only the frames it selects")
    private String filter;

    @Option(names = "--frame", paramLabel = "N", description = "show frame N (numbered from 1, as in Wireshark)")
    private Integer frameNumber;

    @Option(names = "--stream", paramLabel = "N",
            description = "show only TCP stream N (tcp.stream, as 'wirelab conversations' numbers them)")
    private Integer stream;

    @Option(names = "--lanes", paramLabel = "N", defaultValue = "" + LadderPrinter.DEFAULT_MAX_LANES,
            description = "at most N lanes: those with the fewest frames share the last one (default: ${DEFAULT-VALUE})")
    private int maxLanes;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "language of the frame's breakdown and explanation with --frame: en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Override
    public Integer call() throws Exception {
        // Checked before the file is read, as tshark does.
        DisplayFilter displayFilter = filter == null ? null : FilterError.compile(filter);
        if (displayFilter != null && frameNumber != null) {
            throw new ParameterException(spec.commandLine(), "-Y selects the frames of the diagram: use it without --frame");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (frameNumber != null) {
            // Only the frame's conversation is analysed whole, after the parts of the file before it: a
            // file larger than the heap shows any of its frames.
            FileWindow window = CaptureInput.aroundFrame(file, frameNumber);
            showFrame(window.analysis(), window.indexOf(frameNumber - 1), language, out);
            return CaptureInput.exitStatus(window.reading(), file, spec);
        }
        if (maxLanes < 2) {
            throw new ParameterException(spec.commandLine(), "--lanes must be 2 or more, not " + maxLanes);
        }
        // Read twice a part at a time: the lanes first (their titles come first), then the rows as they are made.
        LadderInParts.Plan plan = CaptureInput.ladderPlan(file, stream, displayFilter, maxLanes);
        if (stream != null && (stream < 0 || stream >= plan.tcpStreamCount())) {
            throw CaptureInput.noStream(stream, plan.tcpStreamCount());
        }
        LadderPrinter.print(plan, out);
        if (plan.groupedLanes() > 0) {
            out.println();
            out.println(FrameBreakdown.format(FrameBreakdown.words(language), "show.grouped",
                    String.format(language, "%,d", plan.groupedLanes()), String.format(language, "%,d", plan.laneCount()),
                    LadderLayout.tag(maxLanes - 1)));
        }
        out.println();
        out.println(CaptureText.escape(file.getFileName().toString()) + ": "
                + CaptureFiles.describe(plan.reading().info(), plan.reading().frames(), plan.reading().warnings()));
        return CaptureInput.exitStatus(plan.reading(), file, spec);
    }

    /** Frame {@code index} of {@code analysis} (of a whole file or a part of it): its layers, explanation and bytes. */
    static void showFrame(CaptureAnalysis analysis, int index, Locale language, PrintWriter out) {
        FrameStore frames = analysis.frames();
        // As the app's tree: the decoder's fields and what needs the whole capture (relative numbers, reassembly).
        FrameBreakdown.print(new CaptureTree(analysis).frame(index), out, language);
        out.println();
        ResourceBundle words = FrameBreakdown.words(language);
        out.println(FrameBreakdown.format(words, "show.inShort", Explainer.of(analysis).explain(index, language).text()));
        out.println();
        int captured = frames.capturedLength(index);
        int original = frames.originalLength(index);
        out.println(captured == original ? FrameBreakdown.format(words, "show.bytes", captured)
                : FrameBreakdown.format(words, "show.bytes.partial", captured, original));
        HexDump.print(frames.buffer(index), frames.offset(index), frames.capturedLength(index), out);
    }
}
