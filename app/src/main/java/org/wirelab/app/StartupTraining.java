package org.wirelab.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * The run that the class-data sharing archive is made from (the launcher and packaging/jpackage.sh run it
 * once after a build, with {@code -Dwirelab.startupTraining=true} and {@code -XX:DumpLoadedClassList}): the
 * app opens a capture as a teacher's start does, selects a frame, and ends once that is painted. Every
 * class it loaded goes into the archive, so that a real start maps them instead of reading, parsing and
 * verifying each one from the jar.
 *
 * <p>It runs without a display, on Monocle: the classes of the real window's toolkit (GTK, OpenGL) are then
 * loaded here without being initialised, so that the archive holds them too.
 */
final class StartupTraining {
    static final String PROPERTY = "wirelab.startupTraining";
    /** The packages of the platform a real window uses and a headless run does not. */
    private static final List<String> DESKTOP_PACKAGES = List.of("com/sun/glass/ui/gtk/", "com/sun/prism/es2/");

    private StartupTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Ends the app once the capture being opened is read whole and its first frame, selected, has been
     * painted (a capture that never comes is given 60 s).
     */
    static void endWhenLoaded(MainWindow window, Scene scene) {
        Thread deadline = new Thread(() -> {
            sleep(60_000);
            System.err.println("wirelab: the start-up training run did not finish in 60 s");
            System.exit(1);
        }, "wirelab-training-deadline");
        deadline.setDaemon(true);
        deadline.start();
        ChangeListener<Boolean> loaded = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                if (!loading && window.model().capture().size() > 0) {
                    window.model().loadingProperty().removeListener(this);
                    window.model().select(1);
                    loadDesktopClasses();
                    Runnable[] painted = new Runnable[1];
                    painted[0] = () -> {
                        scene.removePostLayoutPulseListener(painted[0]);
                        Platform.runLater(Platform::exit);
                    };
                    scene.addPostLayoutPulseListener(painted[0]);
                }
            }
        };
        window.model().loadingProperty().addListener(loaded);
    }

    /** Loads (without initialising: nothing runs) the classes of the real window's toolkit. */
    private static void loadDesktopClasses() {
        ClassLoader loader = StartupTraining.class.getClassLoader();
        try (JarFile jar = new JarFile(Path.of(StartupTraining.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toFile())) {
            jar.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && DESKTOP_PACKAGES.stream().anyMatch(name::startsWith))
                    .forEach(name -> {
                        try {
                            Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            // a class this platform cannot load is one a real start does not load either
                        }
                    });
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // run from classes, not a jar (the tests): there is no archive to make
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
