package org.wirelab.cli.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.wirelab.charts.ChartKind;
import org.wirelab.charts.Charts;
import org.wirelab.charts.FrameChart;
import org.wirelab.cli.CaptureInput;
import org.wirelab.cli.FilterError;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.UserError;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.charts.ConversationTraffic;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.FocusedLadder;
import org.wirelab.core.ladder.Ladder;
import org.wirelab.core.ladder.draw.LadderView;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureSegments;
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
 *
 * <p>A capture larger than the heap is read a part at a time: one TCP stream's diagram and charts need that
 * stream analysed whole after the parts before it ({@link FileWindow}), the traffic chart a total per
 * conversation over two readings ({@link ConversationTraffic.Counter}). The diagram of the whole capture is
 * drawn up to {@link #MAX_DIAGRAM_FRAMES} frames; beyond, it would be unreadable on a slide and is refused in
 * one line that points at {@code --stream N}, before the analysis.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the ladder diagram and charts of a capture to files, with no display needed.",
            "Diagram formats by extension: .svg, .png, .puml (PlantUML), .mmd (Mermaid).",
            "Charts (.png or .svg): tcp-sequence (sequence numbers, ACK line and receive window of one",
            "TCP stream), rtt (round-trip time per ACKed segment), traffic (bytes and frames over time",
            "per conversation)."})
public final class ExportCommand implements Callable<Integer> {
    /** The most frames the diagram of a whole capture shows: a hundred thousand arrows are already unreadable. */
    static final int MAX_DIAGRAM_FRAMES = 100_000;

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
        // Each reading below covers the whole file; the last one says whether it was read whole.
        int status = 0;
        boolean perStreamChart = kinds.stream().anyMatch(ChartKind::perStream);
        if (stream != null || perStreamChart) {
            // One stream needs only itself analysed whole, after the parts of the file before it: a file
            // larger than the heap gives any of its streams.
            FileWindow window = streamWindow(stream == null ? 0 : stream, kinds);
            if (stream != null) {
                writeDiagrams(window.analysis(), displayFilter, out);
            }
            Charts chartMaker = Charts.in(language);
            for (int k = 0; k < kinds.size(); k++) {
                if (kinds.get(k).perStream()) {
                    writeChart(chartMaker.create(kinds.get(k), window.analysis(), stream == null ? 0 : stream),
                            kinds.get(k), Path.of(charts.get(2 * k + 1)), out);
                }
            }
            status = CaptureInput.exitStatus(window.reading(), file, spec);
        }
        if (stream == null && !diagrams.isEmpty()) {
            CaptureFile capture = wholeForDiagram();
            writeDiagrams(CaptureAnalysis.of(capture.frames()), displayFilter, out);
            status = CaptureInput.exitStatus(capture, file, spec);
        }
        TrafficReading traffic = null;
        for (int k = 0; k < kinds.size(); k++) {
            if (!kinds.get(k).perStream()) {
                traffic = traffic == null ? traffic() : traffic;
                writeChart(Charts.in(language).traffic(traffic.data()), kinds.get(k), Path.of(charts.get(2 * k + 1)),
                        out);
                status = traffic.status();
            }
        }
        return status;
    }

    /**
     * The window of TCP stream {@code number} ({@link FileWindow#ofTcpStream}), or a one-line error: the
     * stream the charts need when no --stream was given (stream 0) may be missing from a file with no TCP.
     */
    private FileWindow streamWindow(int number, List<ChartKind> kinds) throws IOException {
        if (stream == null) {
            FileWindow window = CaptureInput.tcpStreamWindow(file, number);
            if (!window.found()) {
                ChartKind perStream = kinds.stream().filter(ChartKind::perStream).findFirst().orElseThrow();
                throw new UserError("the " + perStream.cliName() + " chart shows a TCP stream, and "
                        + file.getFileName() + " has none");
            }
            return window;
        }
        return CaptureInput.ofTcpStream(file, number);
    }

    /**
     * The whole file for its diagram, once a first reading, a part at a time, has counted no more than
     * {@link #MAX_DIAGRAM_FRAMES} frames: a larger diagram is refused before anything is analysed.
     */
    private CaptureFile wholeForDiagram() throws IOException {
        try (CaptureSegments segments = CaptureInput.segments(file)) {
            while (segments.framesRead() <= MAX_DIAGRAM_FRAMES && segments.next() != null) {
                // counting
            }
            if (segments.framesRead() > MAX_DIAGRAM_FRAMES) {
                ResourceBundle words = ResourceBundle.getBundle("org.wirelab.cli.export.export", language);
                throw new UserError(new MessageFormat(words.getString("export.tooManyFrames"), language)
                        .format(new Object[] {file.toString(), String.format(language, "%,d", MAX_DIAGRAM_FRAMES)}));
            }
        }
        return CaptureInput.read(file);
    }

    /** The traffic chart's data and the exit status of the reading that made it. */
    private record TrafficReading(ConversationTraffic data, int status) {
    }

    /**
     * The traffic chart's data, the file read twice a part at a time with its conversations numbered in each
     * ({@link ConversationTraffic.Counter}), so that a file larger than the heap is charted whole.
     */
    private TrafficReading traffic() throws IOException {
        ConversationTraffic.Counter counter = new ConversationTraffic.Counter();
        try (CaptureSegments segments = CaptureInput.segments(file)) {
            counter.count(segments);
        }
        try (CaptureSegments segments = CaptureInput.segments(file)) {
            counter.bucket(segments);
            return new TrafficReading(counter.traffic(), CaptureInput.exitStatus(segments.reading(), file, spec));
        }
    }

    /** Writes {@code chart}, of kind {@code kind}, to {@code chartFile} and says so. */
    private static void writeChart(FrameChart chart, ChartKind kind, Path chartFile, PrintWriter out)
            throws IOException {
        ChartExport.write(chart.chart(), chartFile);
        out.println("wrote " + chartFile + " (" + kind.cliName() + " chart)");
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
