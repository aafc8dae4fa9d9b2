package org.wirelab.cli.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.cli.CaptureInput;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.UserError;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.check.CheckReport;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.check.LabChecks;
import org.wirelab.core.check.LabStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab check FILE --lab udp|tcp|chat}: was a step of the lab done right in this capture? One
 * line per check, then the verdict; the exit code tells a grading script (0 passed, 1 failed, 2 the
 * command could not check: bad option, missing or unreadable file).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a capture of a student's run against a step of the lab (TP R107): one line per check,",
            "passed or failed with the reason and the frame numbers, then the verdict.",
            "udp: a datagram to the server's port, its reply, the reply's text (ICMP port unreachable: nothing listened).",
            "tcp: the handshake, the client's message delivered whole, a clean teardown (a RST says who aborted).",
            "chat: each client joins and gets its number, every message reaches every client connected then,",
            "how each client left (quit, FIN, RST, the lab's quit bug)."},
        footerHeading = "%nExit status:%n",
        footer = {"  0  every check passed", "  1  a check failed",
            "  2  nothing was checked: bad command line, missing file or not a capture",
            "%nExamples:%n  wirelab check run.pcap --lab tcp",
            "  wirelab check chat.pcap --lab chat --port 9091 --lang fr"})
public final class CheckCommand implements Callable<Integer> {
    static final int FAILED = 1;
    static final int NOT_CHECKED = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture of the student's run")
    private Path file;

    @Option(names = "--lab", required = true, paramLabel = "STEP", converter = LabStepConverter.class,
            description = "the step of the lab: udp, tcp or chat")
    private LabStep step;

    @Option(names = "--port", paramLabel = "P",
            description = "the server's port (default: the lab's, 3000 for udp and tcp, 9090 for chat)")
    private Integer port;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "language of the checks: en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Override
    public Integer call() {
        int serverPort = port != null ? port : step.defaultPort();
        if (serverPort < 1 || serverPort > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port is from 1 to 65535: " + serverPort);
        }
        CaptureFile capture;
        try {
            capture = CaptureInput.read(file);
        } catch (IOException | UserError e) {
            // Exit 2, not 1: a grading script must tell "could not check" from "the step failed".
            throw new ParameterException(spec.commandLine(), describe(e));
        }
        CheckReport report = LabChecks.run(CaptureAnalysis.of(capture.frames()), step, serverPort, language);
        spec.commandLine().getOut().print(LabChecks.text(report, language));
        // A damaged file is still checked as far as it was read; the warnings say so.
        CaptureInput.exitStatus(capture, file, spec);
        return report.passed() ? 0 : FAILED;
    }

    private String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + file;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot read " + file + ": permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
