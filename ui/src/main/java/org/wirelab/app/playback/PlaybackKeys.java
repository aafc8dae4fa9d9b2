package org.wirelab.app.playback;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The playback keys as desktop users expect them: Space plays or pauses, → steps forward, ← steps back,
 * unless the focused control uses the key itself. A text field keeps every key (← → move the caret,
 * Space is typed), a tree keeps ← → (collapse, expand), a table keeps them only when it selects cells,
 * tabs, sliders and spinners keep them, a focused button or choice keeps Space (it presses or opens it).
 * ↑ ↓ are never playback keys: lists, tables and trees move their selection with them.
 */
public final class PlaybackKeys {
    /** The menu's accelerators, shown beside the playback items. */
    public static final KeyCombination PLAY = new KeyCodeCombination(KeyCode.SPACE);
    public static final KeyCombination FORWARD = new KeyCodeCombination(KeyCode.RIGHT);
    public static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT);

    private PlaybackKeys() {
    }

    /** Plays and steps {@code playback} on the scene's keys, before the focused control sees them. */
    public static void install(Scene scene, PlaybackViewModel playback) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
                    || controlKeeps(e.getCode(), scene.getFocusOwner())) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> playback.togglePlay();
                case RIGHT -> playback.stepForward();
                case LEFT -> playback.stepBack();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /**
     * Whether the focused node uses {@code key} itself. Only the focus owner counts: a canvas inside a tab
     * pane steps playback, the tab pane's own header keeps ← → to change tab.
     */
    public static boolean controlKeeps(KeyCode key, Node focus) {
        boolean horizontal = key == KeyCode.LEFT || key == KeyCode.RIGHT;
        if (focus instanceof TextInputControl
                || focus instanceof ComboBoxBase<?> combo && combo.isEditable()
                || focus instanceof Spinner<?> spinner && spinner.isEditable()) {
            return true;   // typing: every key is the text's
        }
        if (key == KeyCode.SPACE) {
            return focus instanceof ButtonBase || focus instanceof ComboBoxBase<?> || focus instanceof ChoiceBox<?>;
        }
        if (horizontal && focus instanceof TableView<?> table) {
            return table.getSelectionModel() != null && table.getSelectionModel().isCellSelectionEnabled();
        }
        return horizontal && (focus instanceof TreeView<?> || focus instanceof TreeTableView<?>
                || focus instanceof TabPane || focus instanceof Slider || focus instanceof ScrollBar
                || focus instanceof Spinner<?>);
    }
}
