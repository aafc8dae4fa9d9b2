package org.wirelab.app.layers;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.capture.FramePart;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.words.FieldWords;

/**
 * The selected frame on the seven OSI layers: each layer in its colour, with the protocol it carries
 * there and that protocol's field tree, worded in the window's language ({@link FieldWords}). Selecting a layer or a field selects its bytes; a byte
 * clicked in the hex pane selects its field here.
 */
public final class OsiTreeView extends TreeView<OsiTreeView.Entry> {

    /** What a row of the tree is. */
    public sealed interface Entry permits OsiEntry, LayerEntry, FieldEntry, NoteEntry {
        int osiLayer();
    }

    public record OsiEntry(OsiRow row) implements Entry {
        @Override
        public int osiLayer() {
            return row.number();
        }
    }

    public record LayerEntry(Layer layer) implements Entry {
        @Override
        public int osiLayer() {
            return layer.osiLayer();
        }
    }

    public record FieldEntry(Layer layer, Field field) implements Entry {
        @Override
        public int osiLayer() {
            return layer.osiLayer();
        }
    }

    public record NoteEntry(int osiLayer, String key, List<Object> arguments) implements Entry {
    }

    private final CaptureViewModel model;
    private final Messages messages;
    private boolean syncing;
    private final TreeItem<Entry> root = new TreeItem<>();
    /** Each OSI layer's chip background, made once. */
    private static final java.util.Map<Integer, Background> CHIPS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String ROW_STYLES = rowStyles();

    public OsiTreeView(CaptureViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("osi-tree");
        setShowRoot(false);
        // One root for every frame: replacing its children reuses the cells on screen, where a new root
        // made the tree build and style every cell again (most of a row click's time on a long capture).
        root.setExpanded(true);
        setRoot(root);
        setCellFactory(tree -> new EntryCell());
        getStylesheets().add(ROW_STYLES);
        model.decodedFrameProperty().addListener((o, was, frame) -> rebuild(frame));
        // Built again with new cells, not refreshed: a refresh, or reused cells, left some rows in the
        // previous language. A language switch is rare: it can afford what a row click cannot.
        messages.localeProperty().addListener(o -> {
            FramePart part = model.selectedPartProperty().get();
            rebuild(model.decodedFrameProperty().get());
            setRoot(null);
            setRoot(root);
            showPart(part);
        });
        getSelectionModel().selectedItemProperty().addListener((o, was, item) -> selectPart(item));
        model.selectedPartProperty().addListener((o, was, part) -> showPart(part));
    }

    private void rebuild(DecodedFrame frame) {
        List<TreeItem<Entry>> rows = new ArrayList<>();
        if (frame != null) {
            for (OsiRow row : OsiBreakdown.of(frame)) {
                TreeItem<Entry> osi = new TreeItem<>(new OsiEntry(row));
                if (!row.noteKey().isEmpty() && !row.layers().isEmpty()) {
                    osi.getChildren().add(new TreeItem<>(new NoteEntry(row.number(), row.noteKey(), row.noteArguments())));
                }
                for (Layer layer : row.layers()) {
                    TreeItem<Entry> layerItem = new TreeItem<>(new LayerEntry(layer));
                    for (Field field : layer.fields()) {
                        layerItem.getChildren().add(fieldItem(layer, field));
                    }
                    // The transport header is what the lab studies: open it (flags, numbers) at once.
                    layerItem.setExpanded(row.number() == 4);
                    osi.getChildren().add(layerItem);
                }
                osi.setExpanded(true);
                rows.add(osi);
            }
        }
        syncing = true;   // the old rows' selection goes with them, without telling the model
        try {
            getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
        root.getChildren().setAll(rows);
        scrollTo(0);
    }

    private static TreeItem<Entry> fieldItem(Layer layer, Field field) {
        TreeItem<Entry> item = new TreeItem<>(new FieldEntry(layer, field));
        for (Field child : field.children()) {
            item.getChildren().add(fieldItem(layer, child));
        }
        return item;
    }

    private void selectPart(TreeItem<Entry> item) {
        if (syncing || item == null) {
            return;
        }
        syncing = true;
        try {
            model.selectedPartProperty().set(part(item.getValue()));
        } finally {
            syncing = false;
        }
    }

    private static FramePart part(Entry entry) {
        if (entry instanceof LayerEntry e) {
            return new FramePart(e.layer(), null);
        }
        if (entry instanceof FieldEntry e) {
            return new FramePart(e.layer(), e.field());
        }
        if (entry instanceof OsiEntry e && !e.row().layers().isEmpty()) {
            return new FramePart(e.row().layers().get(0), null);
        }
        return null;
    }

    /** Selects and reveals the row of {@code part}, when it was chosen elsewhere (the hex pane). */
    private void showPart(FramePart part) {
        if (syncing || part == null || getRoot() == null) {
            return;
        }
        TreeItem<Entry> found = find(getRoot(), part);
        if (found != null) {
            syncing = true;
            try {
                for (TreeItem<Entry> up = found.getParent(); up != null; up = up.getParent()) {
                    up.setExpanded(true);
                }
                getSelectionModel().select(found);
                int row = getRow(found);
                if (row >= 0) {
                    scrollTo(Math.max(0, row - 3));
                }
            } finally {
                syncing = false;
            }
        }
    }

    private static TreeItem<Entry> find(TreeItem<Entry> item, FramePart part) {
        Entry entry = item.getValue();
        if (part.field() == null && entry instanceof LayerEntry e && e.layer() == part.layer()) {
            return item;
        }
        if (part.field() != null && entry instanceof FieldEntry e && e.field() == part.field()) {
            return item;
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            TreeItem<Entry> found = find(child, part);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The text of a row in the current language. */
    String text(Entry entry) {
        if (entry instanceof OsiEntry e) {
            String name = messages.get("osi.row", e.row().number(), messages.get(e.row().nameKey()));
            if (e.row().layers().isEmpty()) {
                // A layer with nothing decoded says why on its own line, keeping the tree short.
                return name + " \u2014 " + messages.get(e.row().noteKey(), e.row().noteArguments().toArray());
            }
            return messages.get("osi.row.carries", name,
                    String.join(" + ", e.row().layers().stream().map(words()::protocol).toList()));
        }
        if (entry instanceof LayerEntry e) {
            return words().title(e.layer()) + "  [" + messages.get("bytes.count", e.layer().range().length()) + "]";
        }
        if (entry instanceof FieldEntry e) {
            return words().display(e.field());
        }
        NoteEntry note = (NoteEntry) entry;
        return messages.get(note.key(), note.arguments().toArray());
    }

    /** The decoders' field names and values in the window's language. */
    private FieldWords words() {
        return FieldWords.of(messages.locale());
    }

    /** A row's kind and layer as pseudo-classes: a reused cell changes state, not its style, as rows scroll by. */
    private static final javafx.css.PseudoClass OSI_ROW = javafx.css.PseudoClass.getPseudoClass("osi-row");
    private static final javafx.css.PseudoClass NOTE = javafx.css.PseudoClass.getPseudoClass("osi-note");
    private static final List<javafx.css.PseudoClass> LAYERS = java.util.stream.IntStream.rangeClosed(1, 7)
            .mapToObj(n -> javafx.css.PseudoClass.getPseudoClass("layer-" + n)).toList();

    /**
     * The tree's own rules: an OSI layer's row bold in its colour, a note in italics. A stylesheet rather
     * than each cell's inline style, which made CSS parse and apply the cell again at every row click.
     */
    private static String rowStyles() {
        // Rows of a fixed height (the window sets it): the theme's padding would cut the text's foot.
        StringBuilder css = new StringBuilder(".tree-cell { -fx-padding: 0 0.5em 0 0.5em; }\n"
                + ".tree-cell:osi-row { -fx-font-weight: bold; }\n"
                + ".tree-cell:osi-note { -fx-font-style: italic; }\n");
        for (int layer = 1; layer <= 7; layer++) {
            css.append(".tree-cell:osi-row:layer-").append(layer).append(" { -fx-text-fill: ")
                    .append(OsiColours.css(OsiColours.strong(layer))).append("; }\n");
        }
        return "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(
                css.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private final class EntryCell extends TreeCell<Entry> {
        /** The layer's colour beside the text: one per cell, painted, not styled, as the cell is reused. */
        private final Region chip = new Region();

        EntryCell() {
            chip.setMinSize(12, 12);
            chip.setMaxSize(12, 12);
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            boolean osiRow = !empty && entry instanceof OsiEntry;
            pseudoClassStateChanged(OSI_ROW, osiRow);
            pseudoClassStateChanged(NOTE, !empty && entry instanceof NoteEntry);
            for (int layer = 1; layer <= 7; layer++) {
                pseudoClassStateChanged(LAYERS.get(layer - 1), osiRow && entry.osiLayer() == layer);
            }
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(text(entry));
            chip.setBackground(CHIPS.computeIfAbsent(entry.osiLayer(), layer -> new Background(
                    new BackgroundFill(OsiColours.strong(layer), new CornerRadii(2), null))));
            setGraphic(chip);
        }
    }
}
