package org.wirelab.app.packets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.fields.FieldTypes;

/**
 * Completes field names in the filter box as Wireshark does: the word being typed ({@code tcp.fla}) opens a
 * list of the names that begin with it, each with its label in the window's language; choosing one
 * replaces the word.
 */
final class FieldCompletion {
    /** Names listed at most: the list must stay on the screen. */
    static final int MAX_SHOWN = 12;

    private final TextField text;
    private final Messages messages;
    private final BooleanSupplier active;
    /** The list of names, made when first shown (a popup window of its own, which the window's start need not make). */
    private ContextMenu popup;

    FieldCompletion(TextField text, Messages messages, BooleanSupplier active) {
        this.text = text;
        this.messages = messages;
        this.active = active;
        text.textProperty().addListener(o -> update());
        text.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                hide();
            }
        });
    }

    private void update() {
        String typed = text.getText() == null ? "" : text.getText();
        // The caret has not moved yet when the text changes: the word completed is the last one typed.
        int end = typed.length();
        int start = end;
        while (start > 0 && isNameChar(typed.charAt(start - 1))) {
            start--;
        }
        String word = typed.substring(start, end);
        if (!active.getAsBoolean() || word.length() < 2 || !Character.isLetter(word.charAt(0))) {
            hide();
            return;
        }
        ResourceBundle labels = labels(messages.localeProperty().get());
        int from = start;
        List<MenuItem> items = new ArrayList<>();
        for (String name : FieldTypes.names()) {
            if (name.startsWith(word) && !name.equals(word) && items.size() < MAX_SHOWN) {
                MenuItem item = new MenuItem(label(labels, name));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> {
                    text.replaceText(from, from + word.length(), name);
                    text.positionCaret(from + name.length());
                });
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            hide();
            return;
        }
        if (popup == null) {
            popup = new ContextMenu();
            popup.setId("field-completion");
        }
        popup.getItems().setAll(items);
        if (!popup.isShowing() && text.getScene() != null) {
            popup.show(text, Side.BOTTOM, 0, 0);
        }
    }

    private void hide() {
        if (popup != null) {
            popup.getItems().clear();
            popup.hide();
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    /**
     * "tcp.srcport  Source Port" (in French: "Port source"), or the name alone when it has no label. A
     * label that frames a value ("TCP payload ({0} bytes)", "File Data: {0} bytes") is named by its
     * words before the value: a list of names has no value to show.
     */
    static String label(ResourceBundle labels, String name) {
        if (labels != null && labels.containsKey(name)) {
            String label = wordsBeforeTheValue(labels.getString(name));
            if (!label.isEmpty() && !label.equals("-")) {
                return name + "  " + label;
            }
        }
        return name;
    }

    private static String wordsBeforeTheValue(String label) {
        int value = label.indexOf('{');
        if (value < 0) {
            return label;
        }
        String words = label.substring(0, value).replaceFirst("[\\s:(]+$", "");
        return words.endsWith(" n°") ? words.substring(0, words.length() - 3) : words;
    }

    private static ResourceBundle labels(Locale locale) {
        try {
            return ResourceBundle.getBundle("org.wirelab.core.decode.words.FieldLabels", locale);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
