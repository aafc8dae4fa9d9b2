package org.wirelab.app.playback;

import java.util.function.IntConsumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The frame keys as desktop users expect them: Space plays or pauses, → steps forward, ← steps back,
 * ↑ ↓ select the previous or next frame, wherever the focus is, unless the focused control uses the key
 * itself. A text field keeps every key (← → move the caret, Space is typed), a tree keeps the arrows
 * (collapse, expand, move), a list or table keeps ↑ ↓ (its own selection; the packet list's is the
 * frame's), sliders and spinners keep them, a focused button or choice keeps Space. A tab header keeps
 * none: after a click on "Charts" the arrows still move through frames, never to another tab.
 */
public final class PlaybackKeys {
    /** The menu's accelerators, shown beside the playback items. */
    public static final KeyCombination PLAY = new KeyCodeCombination(KeyCode.SPACE);
    public static final KeyCombination FORWARD = new KeyCodeCombination(KeyCode.RIGHT);
    public static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT);

    private PlaybackKeys() {
    }

    /**
     * Plays and steps {@code playback} on the scene's keys, before the focused control sees them; ↑ ↓ call
     * {@code selectBy} with -1 or +1 (the packet list moves its selection by that many shown rows).
     */
    public static void install(Scene scene, PlaybackViewModel playback, IntConsumer selectBy) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
                    || controlKeeps(e.getCode(), scene.getFocusOwner())) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> playback.togglePlay();
                case RIGHT -> playback.stepForward();
                case LEFT -> playback.stepBack();
                case UP -> selectBy.accept(-1);
                case DOWN -> selectBy.accept(1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Whether the focused node uses {@code key} itself. Only the focus owner counts. */
    public static boolean controlKeeps(KeyCode key, Node focus) {
        boolean horizontal = key == KeyCode.LEFT || key == KeyCode.RIGHT;
        boolean vertical = key == KeyCode.UP || key == KeyCode.DOWN;
        if (focus instanceof TextInputControl
                || focus instanceof ComboBoxBase<?> combo && combo.isEditable()
                || focus instanceof Spinner<?> spinner && spinner.isEditable()) {
            return true;   // typing: every key is the text's
        }
        if (key == KeyCode.SPACE) {
            return focus instanceof ButtonBase || focus instanceof ComboBoxBase<?> || focus instanceof ChoiceBox<?>;
        }
        if (focus instanceof TreeView<?> || focus instanceof TreeTableView<?> || focus instanceof Slider
                || focus instanceof Spinner<?>) {
            return horizontal || vertical;
        }
        if (horizontal && focus instanceof TableView<?> table) {
            return table.getSelectionModel() != null && table.getSelectionModel().isCellSelectionEnabled();
        }
        return vertical && (focus instanceof TableView<?> || focus instanceof ListView<?>);
    }
}
