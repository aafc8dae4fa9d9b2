package org.wirelab.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The desktop app as the command line sees it. The command line is compiled without JavaFX: it finds the
 * app with {@link ServiceLoader} when the app's module is on the class path (it declares its
 * implementation in {@code META-INF/services}), and works as a command line alone when it is not.
 */
public interface DesktopApp {

    /** Opens the window, on {@code file} when there is one, and returns when it is closed. */
    void open(Optional<Path> file);

    /** Opens the window on the live TCP handshake of the lab's programs, and returns when it is closed. */
    void openDemo();

    /** The app when a window can open here; otherwise why not, in one line (no display, or no app in this build). */
    static Availability find() {
        Optional<String> noDisplay = Display.whyUnavailable();
        if (noDisplay.isPresent()) {
            return new Availability(Optional.empty(), noDisplay);
        }
        Optional<DesktopApp> app = ServiceLoader.load(DesktopApp.class).findFirst();
        return new Availability(app, app.isPresent() ? Optional.empty()
                : Optional.of("no desktop app in this build (the command line alone is on the class path)"));
    }

    /** Either an app that can open a window, or the reason none can. */
    record Availability(Optional<DesktopApp> app, Optional<String> whyNot) {
    }
}
