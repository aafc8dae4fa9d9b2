package org.wirelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import org.wirelab.source.Capture;
import org.wirelab.source.DemoSource;
import org.wirelab.source.SourceRun;
import org.wirelab.capture.live.CaptureAvailability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab demo}: the desktop app opened on a TCP handshake of the lab's programs, captured
 * live (simulated when capture is impossible, saying why). Without a display, one line says so and
 * the same handshake is printed as a text ladder diagram.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Opens the desktop app on a live TCP handshake of the lab's programs (a simulated one",
            "when capture is impossible here, saying why). Without a display, prints it as a text diagram."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** What to show in a language: live when capture works here, simulated otherwise. */
    private final Function<Locale, DemoSource> demos;

    DemoCommand() {
        this(language -> DemoSource.choose(CaptureAvailability.check(), language));
    }

    /** A demo of another source (tests: one that delivers nothing must not pass for a success). */
    DemoCommand(Function<Locale, DemoSource> demos) {
        this.demos = demos;
    }

    @Option(names = "--text", description = "print the text diagram even when a display is available")
    private boolean text;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", converter = LanguageConverter.class,
            description = "language of the notices (a lab port taken by another program): en or fr (default: ${DEFAULT-VALUE})")
    private Locale language;

    @Override
    public Integer call() throws Exception {
        DesktopApp.Availability desktop = text
                ? new DesktopApp.Availability(Optional.empty(), Optional.of("text diagram asked for (--text)"))
                : DesktopApp.find();
        if (desktop.app().isPresent()) {
            desktop.app().get().openDemo();
            return 0;
        }
        Optional<String> noDisplay = desktop.whyNot();
        DemoSource demo = demos.apply(language);
        spec.commandLine().getErr().println("wirelab demo: " + noDisplay.get() + ", so here is "
                + demo.whyNotLive().map(why -> "a simulated TCP handshake as text (" + why.message() + ")")
                        .orElse("a TCP handshake captured live as text"));
        Capture capture = run(demo);
        if (capture.size() == 0) {
            throw new UserError(demo.source().title() + ": no frame to show");
        }
        PrintWriter out = spec.commandLine().getOut();
        LadderPrinter.print(capture.frames(), out);
        out.flush();
        return 0;
    }

    /**
     * Runs the source to its end on this thread's behalf, says its warnings (a lab port moved) in one line
     * each, and returns what it delivered; a source that failed is a one-line error.
     */
    private Capture run(DemoSource demo) throws Exception {
        AtomicReference<Capture> last = new AtomicReference<>();
        AtomicReference<String> failure = new AtomicReference<>();
        SourceRun run = new SourceRun(demo.source(), Runnable::run, new SourceRun.Listener() {
            @Override
            public void finished(Capture capture, String error) {
                last.set(capture);
                failure.set(error);
            }
        });
        run.start();
        run.join();
        PrintWriter err = spec.commandLine().getErr();
        last.get().warnings().forEach(warning -> err.println("wirelab demo: " + warning));
        err.flush();
        if (failure.get() != null) {
            throw new UserError(demo.source().title() + ": " + failure.get());
        }
        return last.get();
    }
}
