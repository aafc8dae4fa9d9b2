package org.wirelab.cli.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.charts.ChartKind;
import org.wirelab.charts.Charts;
import org.wirelab.cli.CaptureInput;
import org.wirelab.cli.FilterError;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.UserError;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.FocusedLadder;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.export.ChartExport;
import org.wirelab.export.LadderExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab export FILE --diagram OUT --chart KIND OUT [--stream N] [-Y FILTER]}: the ladder diagram and the
 * charts as files, without a display (java.awt.headless), what a teacher puts in slides.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the ladder diagram and charts of a capture to files, with no display needed.",
            "Diagram formats by extension: .svg, .png, .puml (PlantUML), .mmd (Mermaid).",
            "Charts (.png or .svg): tcp-sequence (sequence numbers, ACK line and receive window of one",
            "TCP stream), rtt (round-trip time per ACKed segment), traffic (bytes and frames over time",
            "per conversation)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "--diagram", paramLabel = "OUT", description = "write the ladder diagram to OUT (repeatable)")
    private List<Path> diagrams = new ArrayList<>();

    @Option(names = "--chart", arity = "2", paramLabel = "KIND OUT",
            description = "write chart KIND (tcp-sequence, rtt, traffic) to OUT (repeatable)")
    private List<String> charts = new ArrayList<>();

    @Option(names = "--stream", paramLabel = "N",
            description = "TCP stream N (tcp.stream): the diagram shows only it, and the per-stream charts are of it"
                    + " (default: the whole diagram, charts of stream 0)")
    private Integer stream;

    @Option(names = "-Y", paramLabel = "FILTER",
            description = "a Wireshark display filter: the diagram shows only the frames it selects")
    private String filter;

    @Option(names = "--raw", description = "raw sequence and acknowledgement numbers instead of relative ones")
    private boolean raw;

    @Option(names = "--time-scale", description = "diagram: pauses between frames drawn to scale, with a time grid"
            + " (a retransmission timeout shows as the wait it was)")
    private boolean timeScale;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "language of the diagram's and charts' words: en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Override
    public Integer call() throws Exception {
        if (diagrams.isEmpty() && charts.isEmpty()) {
            throw new UserError("nothing to export: give --diagram OUT and/or --chart KIND OUT");
        }
        // Checked before the file is read, as tshark does.
        DisplayFilter displayFilter = filter == null ? null : FilterError.compile(filter);
        if (displayFilter != null && !charts.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "-Y selects the frames of the diagram, and the charts show whole conversations: use it without --chart");
        }
        List<ChartKind> kinds = new ArrayList<>();
        for (int k = 0; k < charts.size(); k += 2) {
            kinds.add(chartKind(charts.get(k)));
            if (!ChartExport.supports(Path.of(charts.get(k + 1)))) {
                throw new UserError("cannot write a chart to " + charts.get(k + 1) + ": use .png or .svg");
            }
        }
        for (Path out : diagrams) {
            if (LadderExport.Format.of(out) == null) {
                throw new UserError("cannot write a diagram to " + out + ": use .svg, .png, .puml or .mmd");
            }
        }
        for (Path diagram : diagrams) {
            OutputFile.checkWritable(diagram);
        }
        for (int k = 1; k < charts.size(); k += 2) {
            OutputFile.checkWritable(Path.of(charts.get(k)));
        }
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        if (stream != null && kinds.isEmpty()) {
            // One stream's diagram needs only that stream analysed whole, after the parts of the file before
            // it: a file larger than the heap gives any of its streams.
            FileWindow window = CaptureInput.ofTcpStream(file, stream);
            writeDiagrams(window.analysis(), displayFilter, out);
            return CaptureInput.exitStatus(window, file, spec);
        }
        CaptureFile capture = CaptureInput.read(file);
        CaptureAnalysis analysis = CaptureAnalysis.of(capture.frames());
        int streams = analysis.conversations().tcpStreamCount();
        if (stream != null && (stream < 0 || stream >= streams)) {
            throw CaptureInput.noStream(stream, streams);
        }
        for (ChartKind kind : kinds) {
            if (kind.perStream() && streams == 0) {
                throw new UserError("the " + kind.cliName() + " chart shows a TCP stream, and " + file.getFileName()
                        + " has none");
            }
        }
        writeDiagrams(analysis, displayFilter, out);
        Charts chartMaker = Charts.in(language);
        for (int k = 0; k < kinds.size(); k++) {
            Path chartFile = Path.of(charts.get(2 * k + 1));
            try {
                ChartExport.write(chartMaker.create(kinds.get(k), analysis, stream == null ? 0 : stream).chart(),
                        chartFile);
            } catch (IllegalArgumentException noStream) {
                throw new UserError(noStream.getMessage());
            }
            out.println("wrote " + chartFile + " (" + kinds.get(k).cliName() + " chart)");
        }
        return CaptureInput.exitStatus(capture, file, spec);
    }

    private void writeDiagrams(CaptureAnalysis analysis, DisplayFilter displayFilter, PrintWriter out)
            throws IOException {
        if (diagrams.isEmpty()) {
            return;
        }
        String title = file.getFileName().toString();
        if (stream != null) {
            title += ", TCP stream " + stream;
        }
        if (displayFilter != null) {
            title += ", " + filter;
        }
        Ladder ladder = ladder(analysis, stream, displayFilter);
        for (Path diagram : diagrams) {
            try {
                LadderExport.write(ladder, LadderExport.Format.of(diagram), diagram, LadderExport.texts(language),
                        LadderView.of(0, 0).withRawNumbers(raw).timed(timeScale), title);
            } catch (IllegalArgumentException tooLarge) {
                throw new UserError(tooLarge.getMessage());
            }
            out.println("wrote " + diagram + " (ladder diagram, " + ladder.size() + " frames)");
        }
    }

    /**
     * The ladder of {@code analysis} (of a whole file, or of a part of it holding TCP stream {@code stream}
     * whole): of that stream alone when it is not null, of the frames {@code displayFilter} selects when it
     * is not null.
     */
    static Ladder ladder(CaptureAnalysis analysis, Integer stream, DisplayFilter displayFilter) {
        CaptureLadder whole = CaptureLadder.of(analysis, TcpStates.of(analysis));
        Ladder ladder = whole;
        if (stream != null) {
            ladder = FocusedLadder.conversation(whole, analysis, analysis.conversations().tcpConversation(stream));
        }
        if (displayFilter != null) {
            // The ladder numbers frames in the file, the filter's fields in the analysed part.
            DisplayFilter.Matcher matcher = displayFilter.matcher(new CaptureFields(analysis));
            int firstIndex = analysis.frames().firstIndex();
            ladder = FocusedLadder.selected(ladder, index -> matcher.matches(index - firstIndex));
        }
        return ladder;
    }

    private static ChartKind chartKind(String name) {
        try {
            return ChartKind.named(name);
        } catch (IllegalArgumentException unknown) {
            throw new UserError(unknown.getMessage());
        }
    }
}
