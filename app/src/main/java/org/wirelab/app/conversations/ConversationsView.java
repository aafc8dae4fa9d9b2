package org.wirelab.app.conversations;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.reassembly.Follow;

/**
 * The capture's TCP streams and UDP flows. Picking a TCP stream focuses the packet list (and the
 * diagram) on it; "Follow" shows what each side sent, reassembled, as {@code tshark -z follow} does.
 */
public final class ConversationsView extends VBox {
    private final ConversationList conversations = new ConversationList();
    private final ListView<Conversation> list = new ListView<>(conversations);
    private final CaptureViewModel model;
    private final Messages messages;

    public ConversationsView(CaptureViewModel model, Messages messages) {
        super(4);
        this.model = model;
        this.messages = messages;
        setId("conversations");
        setPadding(new Insets(4));
        list.setId("conversation-list");
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Conversation conversation, boolean empty) {
                super.updateItem(conversation, empty);
                setText(empty || conversation == null ? null : describe(conversation));
            }
        });
        Button all = new Button();
        all.setId("conversation-all");
        all.textProperty().bind(messages.text("conversations.all"));
        all.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.focusedTcpStreamProperty().set(-1);
        });
        Button follow = new Button();
        follow.setId("conversation-follow");
        follow.textProperty().bind(messages.text("conversations.follow"));
        follow.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        follow.setOnAction(e -> follow(list.getSelectionModel().getSelectedItem()));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, conversation) -> {
            if (conversation != null) {
                model.focusedTcpStreamProperty().set(
                        conversation.protocol() == Conversation.Protocol.TCP ? conversation.stream() : -1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(list, new HBox(6, all, follow));
        model.captureProperty().addListener((o, was, capture) -> fill(capture));
        messages.localeProperty().addListener(o -> list.refresh());
        fill(model.capture());
    }

    private void fill(Capture capture) {
        list.getSelectionModel().clearSelection();
        conversations.show(capture.analysis().conversations());
    }

    private String describe(Conversation conversation) {
        return messages.get("conversations.row", conversation.protocol(), conversation.stream(),
                conversation.client().toString(), conversation.server().toString(), conversation.frameCount());
    }

    private void follow(Conversation conversation) {
        String text = Follow.text(model.capture().analysis(), conversation.stream(),
                conversation.protocol() == Conversation.Protocol.UDP);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace;");
        area.setPrefSize(720, 420);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("conversations.follow.title", describe(conversation)));
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.show();
    }
}
