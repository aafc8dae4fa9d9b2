package org.wirelab.app.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.FxTest;
import org.wirelab.app.MainWindow;

/**
 * A frame carrying text, in a French window: the encapsulation bar, the OSI view's layer 7 and the layer's
 * title in the tree call it by the same word, "Texte" (the bar and layer 7 said "Text").
 */
class LayerNameTest extends FxTest {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.FRENCH, "wirelab-test-layer-name", 1440, 900);
    }

    @Test
    void theBarTheOsiRowAndTheTreeNameTheTextLayerAlike() throws Exception {
        openSample(window, "tcp-hello.pcap");
        interact(() -> window.model().select(4));   // "hello serveur\n"
        WaitForAsyncUtils.waitForFxEvents();

        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        TreeItem<OsiTreeView.Entry> application = tree.getRoot().getChildren().stream()
                .filter(item -> item.getValue() instanceof OsiTreeView.OsiEntry e && e.row().number() == 7)
                .findFirst().orElseThrow();
        TreeItem<OsiTreeView.Entry> layer = application.getChildren().get(0);
        String title = tree.text(layer.getValue());
        assertTrue(title.startsWith("Texte ("), "the tree's title of the layer: " + title);
        assertEquals("Couche 7 · Application : Texte", tree.text(application.getValue()));

        List<String> bar = lookup("#encapsulation-bar .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(bar.stream().anyMatch(text -> text.startsWith("Texte\n")), "the bar's block of the text: " + bar);
        assertTrue(bar.stream().noneMatch(text -> text.matches("(?s).*\\bText\\b.*")), "no English word: " + bar);
    }
}
