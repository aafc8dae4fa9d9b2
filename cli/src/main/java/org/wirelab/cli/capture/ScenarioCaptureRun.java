package org.wirelab.cli.capture;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.capture.scenario.RunOptions;
import org.wirelab.capture.scenario.ScenarioCapture;
import org.wirelab.capture.scenario.ScenarioCapture.CapturedRun;
import org.wirelab.cli.LadderPrinter;
import org.wirelab.cli.UserError;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wirelab capture --scenario}: what each side does goes to standard error as it happens, the
 * frames to the file as they arrive; once the capture has stopped, the ladder diagram goes to standard
 * output and libpcap's counters to standard error. A run that does not go as described still leaves
 * its file and diagram (they show what went wrong), then fails with the first failed step.
 */
final class ScenarioCaptureRun {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path file;

    ScenarioCaptureRun(CommandSpec spec, Path file) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.file = file;
    }

    int call(Scenario scenario, IpVersion version, Locale language) throws IOException {
        OutputFile.checkWritable(file);
        FrameStore frames = new FrameStore();
        CapturedRun run;
        try (LiveCapture capture = CaptureCommand.open(scenario, version, language);
                PcapWriter writer = PcapWriter.create(file, capture.linkType())) {
            err.println(scenario.name() + ": " + scenario.summary());
            err.println("capturing on " + capture.settings().interfaceName() + " (" + capture.settings().filter()
                    + ")" + CaptureCommand.through(capture) + " into " + file + ", on " + version.loopback());
            err.flush();
            int width = scenario.actors().stream().mapToInt(String::length).max().orElse(0);
            RunOptions options = RunOptions.defaults().withIpVersion(version)
                    .withListener(entry -> println(err, ScenarioLog.line(entry, width)));
            run = ScenarioCapture.run(capture, scenario, options,
                    FrameSink.into(frames).andThen(FrameSink.flushingTo(writer)));
        }
        LadderPrinter.print(frames, out);
        out.flush();
        err.println(run.statistics().text() + "; written to " + file);
        if (!run.log().succeeded()) {
            throw new UserError("scenario " + scenario.name() + " did not go as described: "
                    + run.log().failures().get(0).text());
        }
        if (frames.size() == 0) {
            throw new UserError("scenario " + scenario.name() + " ran, but no frame was captured on lo (filter \""
                    + scenario.captureFilter() + "\")");
        }
        return 0;
    }

    private static void println(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }
}
