package org.wirelab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The wirelab desktop application: one window where a capture is shown as a ladder diagram, a packet
 * list, an OSI breakdown, bytes and explanations that all follow one selection. Start it with
 * {@link WirelabLauncher}, never directly from a shaded jar.
 */
public final class WirelabApp extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("wirelab"));
        root.setId("main-window");
        stage.setTitle("wirelab");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
