package org.wirelab.app.layers;

import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.filter.FilterText;

/**
 * The OSI tree's context menu, as Wireshark's: "Apply as filter" and "Prepare as filter" write the display
 * filter of the field or protocol under the mouse ({@code tcp.srcport == 60728}) into the filter box.
 */
public final class FieldFilterMenu {
    private FieldFilterMenu() {
    }

    /**
     * Shows the menu on a right click on the tree (a click, not the platform's context-menu request, which
     * headless Monocle never sends, as the ladder's menu does).
     */
    public static void install(OsiTreeView tree, Messages messages, Consumer<String> apply, Consumer<String> prepare) {
        ContextMenu menu = of(tree, messages, apply, prepare);
        tree.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                menu.show(tree, e.getScreenX(), e.getScreenY());
            }
        });
    }

    static ContextMenu of(OsiTreeView tree, Messages messages, Consumer<String> apply, Consumer<String> prepare) {
        MenuItem applyItem = new MenuItem();
        applyItem.setId("apply-as-filter");
        applyItem.textProperty().bind(messages.text("tree.applyAsFilter"));
        MenuItem prepareItem = new MenuItem();
        prepareItem.setId("prepare-as-filter");
        prepareItem.textProperty().bind(messages.text("tree.prepareAsFilter"));
        applyItem.setOnAction(e -> accept(tree, apply));
        prepareItem.setOnAction(e -> accept(tree, prepare));
        ContextMenu menu = new ContextMenu(applyItem, prepareItem);
        // Only a field or protocol Wireshark names can be a filter.
        menu.setOnShowing(e -> {
            boolean named = filterOf(tree.getSelectionModel().getSelectedItem()) != null;
            applyItem.setDisable(!named);
            prepareItem.setDisable(!named);
        });
        return menu;
    }

    private static void accept(OsiTreeView tree, Consumer<String> action) {
        String filter = filterOf(tree.getSelectionModel().getSelectedItem());
        if (filter != null) {
            action.accept(filter);
        }
    }

    /** The filter for a tree row, or null for a row that is not a named field or protocol. */
    static String filterOf(TreeItem<OsiTreeView.Entry> item) {
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof OsiTreeView.FieldEntry field) {
            return FilterText.of(field.field());
        }
        if (item.getValue() instanceof OsiTreeView.LayerEntry layer) {
            return FilterText.of(layer.layer());
        }
        return null;
    }
}
