package org.wirelab.core.check;

import java.util.List;
import java.util.Locale;
import org.wirelab.core.analysis.CaptureAnalysis;

/**
 * Checks a capture of a student's run against a step of the lab: was the step done right, and if not,
 * what the packets show went wrong. Pure analysis of the capture; the sentences are in English or French.
 */
public final class LabChecks {
    private LabChecks() {
    }

    /** The checks of {@code step} with the server on {@code port}, worded in {@code language}. */
    public static CheckReport run(CaptureAnalysis analysis, LabStep step, int port, Locale language) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a port is from 1 to 65535: " + port);
        }
        Words words = Words.of(language);
        List<Check> checks = switch (step) {
            case UDP -> new UdpStepChecks(analysis, port, words).run();
            case TCP -> new TcpStepChecks(analysis, port, words).run();
            case CHAT -> new ChatStepChecks(analysis, port, words).run();
        };
        return new CheckReport(step, port, checks);
    }

    /**
     * The report as lines of text: one per check ({@code [pass]} or {@code [FAIL]}, its title and its
     * detail), then the verdict. Capture text inside is already escaped (see PrintableText).
     */
    public static String text(CheckReport report, Locale language) {
        Words words = Words.of(language);
        StringBuilder out = new StringBuilder();
        out.append(words.format("report.heading", words.get("step." + report.step().id()), report.port())).append('\n');
        for (Check check : report.checks()) {
            out.append(words.get(check.passed() ? "mark.pass" : "mark.fail")).append(' ')
                    .append(check.title()).append(words.get("separator")).append(check.detail()).append('\n');
        }
        out.append(report.passed()
                ? words.format("verdict.passed", report.checks().size())
                : words.format("verdict.failed", report.checks().size() - report.passedCount(), report.checks().size()))
                .append('\n');
        return out.toString();
    }
}
