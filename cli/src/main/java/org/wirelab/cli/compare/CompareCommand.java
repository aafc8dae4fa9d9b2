package org.wirelab.cli.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.wirelab.capture.scenario.LiveWorkloadRunner;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.UserError;
import org.wirelab.cli.simulate.LinkOptions;
import org.wirelab.compare.ComparisonReport;
import org.wirelab.core.output.OutputFile;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.ComparisonTable;
import org.wirelab.core.compare.Workload;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulatedWorkloadRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab compare}: the same messages over UDP and over TCP, live on the loopback (captured) or
 * in the simulator (with a lossy link if asked), and a table of what each protocol cost and delivered.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends the same messages over UDP and over TCP and compares them: frames and bytes on the",
            "wire (headers per layer, payload), frames that carry no data (handshake, ACKs, teardown,",
            "retransmissions), messages delivered, lost, duplicated or out of order as the receiving program",
            "saw them, time to the first byte, completion time and throughput.",
            "Live on the loopback (needs capture rights), or --simulate with a link of your choice."},
        footerHeading = "%nExamples:%n",
        footer = {"  wirelab compare --messages 100 --size 512",
            "  wirelab compare --messages 100 --size 512 --simulate --delay 20ms --loss 5%% --seed 3 --report cmp.html",
            "  wirelab compare --messages 1000 --size 100 --one-way --simulate",
            "  wirelab compare --simulate --loss 10%% --report comparaison.html --lang fr"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "100",
            description = "How many messages each protocol carries (default: ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "512",
            description = "Bytes per message, 10 to 65507 (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--one-way", description = "The server only reads; without it, it sends each message back (an echo, as in the lab).")
    private boolean oneWay;

    @Option(names = "--ipv6", description = "Run on ::1 instead of 127.0.0.1.")
    private boolean ipv6;

    @Option(names = "--simulate", description = "Run in the simulator instead of live; the link options below apply.")
    private boolean simulate;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report with the charts, and both captures beside it.")
    private Path report;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "Language of the table and of the report: en or fr (default: ${DEFAULT-VALUE}).")
    private Locale language;

    @Mixin
    private LinkOptions link;

    @Override
    public Integer call() throws IOException {
        Workload workload = workload();
        if (report != null) {
            // Before the run, which may take minutes: a report that cannot be written is said at once.
            OutputFile.checkWritable(report);
            for (Path pcap : ComparisonReport.pcaps(report)) {
                OutputFile.checkWritable(pcap);
            }
        }
        IpVersion version = ipv6 ? IpVersion.IPV6 : IpVersion.IPV4;
        Comparison comparison;
        PrintWriter err = spec.commandLine().getErr();
        if (simulate) {
            SimulationOptions options = link.applyTo(SimulationOptions.defaults().withIpVersion(version));
            String conditions = MessageFormat.format(conditionWords().getString("conditions.simulated"),
                    version.loopback(), LinkOptions.describe(options.link(), language), Long.toString(options.seed()));
            err.println(progress(workload, conditions));
            comparison = Comparison.run(workload, conditions, new SimulatedWorkloadRunner(options));
        } else {
            String conditions = MessageFormat.format(conditionWords().getString("conditions.live"), version.loopback());
            err.println(progress(workload, conditions));
            try {
                comparison = Comparison.run(workload, conditions, new LiveWorkloadRunner(version));
            } catch (LiveWorkloadRunner.LiveCaptureUnavailable e) {
                throw new UserError(e.unavailable().problem().messageSuggesting("wirelab compare --simulate"));
            }
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(ComparisonTable.render(comparison, language));
        out.flush();
        if (report != null) {
            List<Path> pcaps = ComparisonReport.write(comparison, report, language);
            err.println(MessageFormat.format(conditionWords().getString("report.written"), report,
                    pcaps.get(0).getFileName(), pcaps.get(1).getFileName()));
        }
        return 0;
    }

    /** "running 100 messages over UDP, then TCP, simulated on ...", in the table's language. */
    private String progress(Workload workload, String conditions) {
        return new MessageFormat(conditionWords().getString("progress"), language)
                .format(new Object[] {workload.messages(), conditions});
    }

    /** Where it ran, in the table's language. */
    private ResourceBundle conditionWords() {
        return ResourceBundle.getBundle("org.wirelab.cli.compare.conditions", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private Workload workload() {
        try {
            return new Workload(messages, size, oneWay ? Workload.Pattern.ONE_WAY : Workload.Pattern.ECHO);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
