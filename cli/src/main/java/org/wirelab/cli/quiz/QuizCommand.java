package org.wirelab.cli.quiz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.cli.CaptureInput;
import org.wirelab.cli.LanguageConverter;
import org.wirelab.cli.UserError;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.AtomicFile;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.quiz.Quiz;
import org.wirelab.core.quiz.QuizBuilder;
import org.wirelab.core.quiz.QuizPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirelab quiz FILE --out quiz.html}: questions with blanked fields on a capture, as one HTML page. */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = {"Writes a self-contained HTML page of questions on a capture (the student's own, a sample, a",
            "simulated run): a segment's Ack, Seq and length, the flags of the server's first segment, which frame",
            "is a retransmission and why, shuffled segments to put back in order, a datagram's port and length.",
            "The page checks the answers, explains them, and exports the score as CSV in Moodle's grade import format."},
        footerHeading = "%nExamples:%n",
        footer = {"  wirelab quiz run.pcap --out quiz.html", "  wirelab quiz run.pcap --out quiz.html --lang fr --seed 7"})
public final class QuizCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "--out", required = true, paramLabel = "PAGE", description = "the HTML page to write (replaced if it exists)")
    private Path out;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "language of the questions: en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "which frames the questions pick: the same seed gives the same quiz (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws IOException {
        CaptureFile capture = CaptureInput.read(file);
        Quiz quiz = QuizBuilder.build(CaptureAnalysis.of(capture.frames()), String.valueOf(file.getFileName()), language, seed);
        if (quiz.questions().isEmpty()) {
            throw new UserError(file + " holds no TCP or UDP traffic: there is nothing to ask about");
        }
        byte[] page = QuizPage.html(quiz).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(out, stream -> stream.write(page));
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println(quiz.questions().size() + " questions on " + file + " written to " + out);
        return CaptureInput.exitStatus(capture, file, spec);
    }
}
