package org.wirelab.app.packets;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TableRow;
import org.wirelab.app.capture.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.header.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * The frames as a table (number, time, source, destination, protocol, length, info), one row per
 * frame, virtualised: only the rows on screen are built, so a million frames scroll like ten.
 * Selecting a row selects the frame everywhere; a filter keeps the frames of one conversation,
 * one protocol or containing a text. Filtering a large capture runs in the background.
 */
public final class PacketListView extends TableView<Integer> {
    private static final double ROW_HEIGHT = 30;
    private final CaptureViewModel model;
    private final FrameIndexList shown = new FrameIndexList();
    private PacketRows rows;
    private PacketFilter filter = PacketFilter.ALL;
    private long filterGeneration;
    private boolean syncing;

    public PacketListView(CaptureViewModel model, Messages messages) {
        super();
        this.model = model;
        setId("packet-list");
        setItems(shown);
        // Rows of one height: without it, scrolling a million rows makes the VirtualFlow measure cells to
        // estimate the content height (most of the time of a jump, measured with JFR).
        setFixedCellSize(ROW_HEIGHT);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column(messages, "packets.number", 52, r -> r::number));
        getColumns().add(column(messages, "packets.time", 88, r -> r::time));
        getColumns().add(column(messages, "packets.source", 100, r -> r::source));
        getColumns().add(column(messages, "packets.destination", 112, r -> r::destination));
        getColumns().add(column(messages, "packets.protocol", 100, r -> r::protocol));
        getColumns().add(column(messages, "packets.length", 92, r -> r::length));
        getColumns().add(column(messages, "packets.info", 420, r -> r::info));
        setRowFactory(table -> new ExpertRow());
        model.captureProperty().addListener((o, was, capture) -> showCapture(capture));
        model.revealedProperty().addListener(o -> refilter());
        model.focusedTcpStreamProperty().addListener(o -> setFilter(new PacketFilter(
                model.focusedTcpStreamProperty().get(), filter.protocol(), filter.text(), filter.revealed())));
        getSelectionModel().selectedItemProperty().addListener((o, was, index) -> {
            if (!syncing && index != null) {
                model.select(index + 1);
            }
        });
        model.selectedFrameProperty().addListener((o, was, number) -> showSelected(number.intValue()));
        showCapture(model.capture());
    }

    /** Shows only the frames {@code newFilter} keeps (its {@code revealed} is replaced by playback's). */
    public void setFilter(PacketFilter newFilter) {
        filter = newFilter;
        refilter();
    }

    public PacketFilter filter() {
        return filter;
    }

    private void showCapture(Capture capture) {
        rows = new PacketRows(capture);
        refilter();
    }

    private void refilter() {
        PacketFilter effective = new PacketFilter(filter.tcpStream(), filter.protocol(), filter.text(),
                model.revealedProperty().get());
        Capture capture = model.capture();
        long generation = ++filterGeneration;
        if (effective.showsEverything()) {
            replaceRows(() -> shown.showFirst(Math.min(capture.size(), effective.revealed())));
            return;
        }
        Thread worker = new Thread(() -> {
            int[] kept = effective.apply(capture, new PacketRows(capture), () -> generation != filterGeneration);
            if (kept != null) {
                Platform.runLater(() -> {
                    if (generation == filterGeneration) {
                        replaceRows(() -> shown.show(kept));
                    }
                });
            }
        }, "wirelab-packet-filter");
        worker.setDaemon(true);
        worker.start();
    }

    private void replaceRows(Runnable change) {
        syncing = true;
        try {
            change.run();
            showSelected(model.selectedFrameProperty().get());
        } finally {
            syncing = false;
        }
    }

    private void showSelected(int number) {
        int position = number < 1 ? -1 : shown.positionOf(number - 1);
        boolean was = syncing;
        syncing = true;
        try {
            if (position < 0) {
                getSelectionModel().clearSelection();
            } else if (getSelectionModel().getSelectedIndex() != position) {
                getSelectionModel().select(position);
                scrollTo(Math.max(0, position - 5));
            }
        } finally {
            syncing = was;
        }
    }

    private TableColumn<Integer, String> column(Messages messages, String key, double width,
            Function<PacketRows, Function<Integer, String>> text) {
        TableColumn<Integer, String> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setPrefWidth(width);
        // Narrow columns keep their width (a time cut to "0.000..." says nothing); Info takes the rest.
        column.setMinWidth(key.equals("packets.info") ? 160 : width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(rows).apply(cell.getValue())));
        return column;
    }

    private static final PseudoClass RESET = PseudoClass.getPseudoClass("reset");
    private static final PseudoClass EXPERT = PseudoClass.getPseudoClass("expert");

    /** Rows of frames with an expert event (retransmission, dup ACK...) or an RST stand out, as in Wireshark. */
    private final class ExpertRow extends TableRow<Integer> {
        private boolean reset;
        private boolean expert;

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            Capture capture = model.capture();
            boolean known = !empty && index != null && index < capture.size();
            PacketTable packets = capture.analysis().packets();
            boolean isReset = known && packets.transport(index) == PacketTable.TRANSPORT_TCP
                    && (packets.tcpFlags(index) & Tcp.RST) != 0;
            boolean isExpert = known && capture.analysis().tcp().expertBits(index) != 0;
            // A pseudo-class change restyles the row: only when it really changes (JFR: most of a scroll's time).
            if (isReset != reset) {
                reset = isReset;
                pseudoClassStateChanged(RESET, isReset);
            }
            if (isExpert != expert) {
                expert = isExpert;
                pseudoClassStateChanged(EXPERT, isExpert);
            }
        }
    }
}
