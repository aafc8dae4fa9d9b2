package org.wirelab.app.layers;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.capture.FramePart;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.words.FieldWords;

/**
 * The selected frame drawn as nested blocks, the way encapsulation is taught: the Ethernet frame holds
 * its header and an IP packet, which holds its header and a TCP segment, which holds its header and
 * the data; bytes after the last layer are a trailer. Each block shows its size in bytes and its OSI
 * layer's colour; clicking a block selects that layer.
 */
public final class EncapsulationBar extends VBox {
    private static final double MIN_BLOCK = 64;
    private final CaptureViewModel model;
    private final Messages messages;

    public EncapsulationBar(CaptureViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("encapsulation-bar");
        setPadding(new Insets(4));
        model.decodedFrameProperty().addListener(o -> rebuild());
        messages.localeProperty().addListener(o -> rebuild());
    }

    private void rebuild() {
        getChildren().clear();
        DecodedFrame frame = model.decodedFrameProperty().get();
        if (frame == null || frame.layers().isEmpty()) {
            return;
        }
        List<Layer> layers = frame.layers();
        int end = 0;
        for (Layer layer : layers) {
            end = Math.max(end, layer.range().end());
        }
        Node nested = nest(layers, 0, end);
        int trailer = frame.capturedLength() - end;
        if (trailer > 0) {
            HBox withTrailer = new HBox(2, nested, block(messages.get("encap.trailer"), trailer, 1, null));
            HBox.setHgrow(nested, Priority.ALWAYS);
            nested = withTrailer;
        }
        getChildren().add(nested);
    }

    /** Layer {@code k} holding the layers after it; {@code end} is where the last layer's bytes end. */
    private Node nest(List<Layer> layers, int k, int end) {
        Layer layer = layers.get(k);
        if (k == layers.size() - 1) {
            String name = layer.osiLayer() == 7 ? name(layer) : messages.get("encap.header", name(layer));
            return block(name, layer.range().length(), layer.osiLayer(), layer);
        }
        Node header = block(messages.get("encap.header", name(layer)), layer.range().length(), layer.osiLayer(), layer);
        Node inner = nest(layers, k + 1, end);
        HBox content = new HBox(2, header, inner);
        HBox.setHgrow(inner, Priority.ALWAYS);
        int total = end - layer.range().offset();
        Label caption = new Label(messages.get(pduKey(layer), name(layer)) + " · " + messages.get("bytes.count", total));
        caption.setStyle("-fx-font-size: 0.85em; -fx-text-fill: " + OsiColours.css(OsiColours.strong(layer.osiLayer())) + ";");
        VBox box = new VBox(1, caption, content);
        box.setPadding(new Insets(1, 3, 3, 3));
        box.setStyle("-fx-border-color: " + OsiColours.css(OsiColours.strong(layer.osiLayer()))
                + "; -fx-border-radius: 3; -fx-border-width: 1.5;");
        return box;
    }

    /** The layer's name in the window's language, the word its title in the tree starts with ("Texte"). */
    private String name(Layer layer) {
        return FieldWords.of(messages.locale()).protocol(layer);
    }

    private static String pduKey(Layer layer) {
        if (layer.osiLayer() == 4 && layer.protocol().startsWith("UDP")) {
            return "encap.pdu.udp";
        }
        return "encap.pdu." + Math.max(2, Math.min(4, layer.osiLayer()));
    }

    private Node block(String name, int bytes, int osiLayer, Layer layer) {
        Label label = new Label(name + "\n" + messages.get("bytes.count", bytes));
        label.setAlignment(Pos.CENTER);
        label.setMinWidth(MIN_BLOCK);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setPadding(new Insets(2, 6, 2, 6));
        label.setStyle("-fx-background-color: " + OsiColours.css(OsiColours.tint(osiLayer)) + "; -fx-text-alignment: center;"
                + " -fx-border-color: " + OsiColours.css(OsiColours.strong(osiLayer)) + "; -fx-border-width: 0 0 3 0;");
        label.getStyleClass().add("encapsulation-block");
        if (layer != null) {
            label.setOnMouseClicked(e -> model.selectedPartProperty().set(new FramePart(layer, null)));
        }
        HBox.setHgrow(label, layer != null && layer.osiLayer() == 7 ? Priority.ALWAYS : Priority.NEVER);
        return label;
    }
}
