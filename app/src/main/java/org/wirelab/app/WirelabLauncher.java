package org.wirelab.app;

import javafx.application.Application;

/**
 * Starts {@link WirelabApp}. A separate class, not extending {@code Application}, because the JavaFX
 * launcher refuses a main class that extends {@code Application} when JavaFX sits on the class path of
 * a shaded jar ("JavaFX runtime components are missing").
 */
public final class WirelabLauncher {
    private WirelabLauncher() {
    }

    /** Opens the window and returns when it is closed. */
    public static void main(String[] args) {
        Application.launch(WirelabApp.class, args);
    }
}
