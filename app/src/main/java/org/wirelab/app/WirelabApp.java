package org.wirelab.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.source.FileSource;
import org.wirelab.source.DemoSource;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.capture.live.CaptureProblem;

/**
 * The wirelab desktop application: one window where a capture is shown as a ladder diagram, a packet
 * list, an OSI breakdown, bytes and explanations that all follow one selection. Start it with
 * {@link WirelabLauncher}, never directly from a shaded jar. Arguments: a capture file to open, or
 * {@code --demo} to open on a live TCP handshake of the lab's programs (simulated when capture is
 * impossible, saying why).
 */
public final class WirelabApp extends Application {
    public static final String DEMO = "--demo";
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppPreferences preferences = AppPreferences.user();
        Messages messages = new Messages();
        messages.localeProperty().set(Messages.supported(preferences.savedLocale(messages.locale())));
        window = new MainWindow(new CaptureViewModel(Platform::runLater), messages, preferences);
        window.show(stage);
        List<String> arguments = getParameters() == null ? List.of() : getParameters().getRaw();
        if (StartupTraining.requested()) {
            StartupTraining.endWhenLoaded(window, stage.getScene());
        }
        // The window first: reading the file and asking libpcap start once it has been painted, so that
        // they do not hold up the first paint (a teacher waits for the window, not for the last frame).
        afterFirstFrame(stage.getScene(), () -> {
            if (!arguments.isEmpty() && !arguments.contains(DEMO)) {
                window.open(new FileSource(Path.of(arguments.get(0)), messages.locale()));
            }
            checkCaptureThen(problem -> {
                window.captureProblem(problem);
                if (arguments.contains(DEMO)) {
                    demo(problem);
                }
            });
        });
    }

    /**
     * Runs {@code then} on the FX thread once {@code scene}'s first frame has been drawn: after the first pulse
     * has laid the scene out and handed it to the render thread, a job queued behind that frame on the render
     * thread runs when the frame is on the screen. Run straight after the pulse, the file's reading took the
     * CPU the frame still needed (on two busy cores, about 0.4 s more CPU before anything showed). The render
     * thread's queue is JavaFX's own (com.sun.javafx.tk), not public API: where it cannot be reached,
     * {@code then} runs after the pulse, as before.
     */
    private static void afterFirstFrame(javafx.scene.Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> Platform.runLater(() -> {
            if (listener[0] != null) {
                scene.removePostLayoutPulseListener(listener[0]);
                listener[0] = null;
                try {
                    com.sun.javafx.tk.Toolkit.getToolkit().addRenderJob(
                            new com.sun.javafx.tk.RenderJob(() -> Platform.runLater(then)));
                } catch (RuntimeException | LinkageError unreachable) {
                    then.run();
                }
            }
        });
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** The window, for tests that drive it. */
    public MainWindow window() {
        return window;
    }

    private void demo(Optional<CaptureProblem> problem) {
        window.openDemo(DemoSource.choose(problem, window.messages().locale()));
    }

    /** Asks libpcap off the FX thread (it opens an interface), then continues on it. */
    private static void checkCaptureThen(java.util.function.Consumer<Optional<CaptureProblem>> next) {
        Thread check = new Thread(() -> {
            Optional<CaptureProblem> problem;
            try {
                problem = CaptureAvailability.check();
            } catch (RuntimeException | LinkageError e) {
                problem = Optional.of(new CaptureProblem(CaptureProblem.Kind.FAILED, String.valueOf(e.getMessage())));
            }
            Optional<CaptureProblem> found = problem;
            Platform.runLater(() -> next.accept(found));
        }, "wirelab-capture-check");
        check.setDaemon(true);
        check.start();
    }
}
