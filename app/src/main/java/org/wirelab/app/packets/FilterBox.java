package org.wirelab.app.packets;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.filter.FilterException;

/**
 * The packet list's filter box, in one of two modes: a Wireshark display filter ({@code tcp.port == 3000
 * && tcp.flags.syn == 1}), green while it is valid and red with the reason in its tooltip while it is not,
 * as Wireshark's is, with field names completed as they are typed; or a plain text searched in every column.
 */
public final class FilterBox extends HBox {
    /** Wireshark's colours for a valid and an invalid filter. */
    static final String VALID = "-fx-background-color: #afffaf;";
    static final String INVALID = "-fx-background-color: #ffafaf;";

    public enum Mode { TEXT, DISPLAY_FILTER }

    private final TextField text;
    private final PacketListView packets;
    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    /** Why the filter is invalid; made the first time one is (a tooltip is a popup window of its own). */
    private Tooltip problem;
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private boolean preparing;

    public FilterBox(TextField text, PacketListView packets, Messages messages) {
        super(4);
        this.text = text;
        this.packets = packets;
        mode.setId("filter-mode");
        mode.getItems().setAll(Mode.TEXT, Mode.DISPLAY_FILTER);
        mode.setValue(Mode.TEXT);
        mode.setStyle("-fx-min-width: 6em;");   // room for "Texte" on a 1024x768 screen (it had shrunk to "...")
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(Mode value) {
                return value == null ? "" : messages.get(value == Mode.TEXT ? "filter.mode.text" : "filter.mode.display");
            }

            @Override
            public Mode fromString(String string) {
                return null;
            }
        });
        // The choices' words follow the window's language.
        messages.localeProperty().addListener(o -> {
            Mode chosen = mode.getValue();
            mode.getItems().setAll(Mode.TEXT, Mode.DISPLAY_FILTER);
            mode.setValue(chosen);
        });
        text.promptTextProperty().bind(Bindings.when(mode.valueProperty().isEqualTo(Mode.TEXT))
                .then(messages.text("filter.prompt")).otherwise(messages.text("filter.prompt.display")));
        text.textProperty().addListener(o -> apply());
        mode.valueProperty().addListener(o -> apply());
        new FieldCompletion(text, messages, () -> mode.getValue() == Mode.DISPLAY_FILTER && !preparing);
        // A filter over a long capture runs in the background: how far it is, and a way to stop it.
        progress.setId("filter-progress");
        progress.setPrefWidth(70);
        progress.progressProperty().bind(packets.filterProgressProperty());
        cancel.setId("filter-cancel");
        cancel.textProperty().bind(messages.text("filter.cancel"));
        cancel.setOnAction(e -> {
            packets.cancelFilter();
            show("", messages.get("filter.cancelled"));
        });
        for (javafx.scene.Node running : List.of(progress, cancel)) {
            running.visibleProperty().bind(packets.filteringProperty());
            running.managedProperty().bind(packets.filteringProperty());
        }
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        getChildren().setAll(mode, text, progress, cancel);
    }

    public ChoiceBox<Mode> mode() {
        return mode;
    }

    /** Wireshark's "Apply as filter": {@code filter} in the box as a display filter, applied. */
    public void applyFilter(String filter) {
        mode.setValue(Mode.DISPLAY_FILTER);
        text.setText(filter);
    }

    /** Wireshark's "Prepare as filter": {@code filter} in the box, to be edited, not applied yet. */
    public void prepareFilter(String filter) {
        preparing = true;
        try {
            mode.setValue(Mode.DISPLAY_FILTER);
            text.setText(filter);
        } finally {
            preparing = false;
        }
        text.requestFocus();
        text.end();
    }

    private void apply() {
        if (preparing) {
            return;
        }
        String typed = text.getText() == null ? "" : text.getText();
        if (mode.getValue() == Mode.TEXT || typed.isBlank()) {
            show("", null);
            packets.setFilter(packets.filter().withSearch(mode.getValue() == Mode.TEXT ? typed : "", null));
            return;
        }
        try {
            DisplayFilter filter = DisplayFilter.compile(typed);
            show(VALID, null);
            packets.setFilter(packets.filter().withSearch("", filter));
        } catch (FilterException e) {
            // As Wireshark: an invalid filter is not applied; the list keeps the last valid one.
            show(INVALID, e.getMessage() + " (" + (e.column() + 1) + ")");
        }
    }

    private void show(String style, String reason) {
        text.setStyle(style);
        if (reason == null) {
            text.setTooltip(null);
        } else {
            if (problem == null) {
                problem = new Tooltip();
            }
            problem.setText(reason);
            text.setTooltip(problem);
        }
    }
}
