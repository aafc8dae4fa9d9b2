package org.wirelab.app.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.wirelab.charts.ChartKind;
import org.wirelab.charts.Charts;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.export.ChartExport;

/**
 * The charts as one node for the application: a choice of chart and of TCP stream above a
 * {@link ChartPane}. Set {@link #analysisProperty()} to the capture's analysis, bind
 * {@link #selectedFrameProperty()} to the selection (clicking a point selects its frame), bind
 * {@link #tcpStreamProperty()} to the focused conversation's TCP stream (-1: the first) and
 * {@link #localeProperty()} to the language. While {@link #showingProperty()} is false (a tab behind
 * another) a change only marks the chart stale, and it is drawn when shown again.
 */
public final class ChartsView extends BorderPane {
    private final ObjectProperty<CaptureAnalysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.getDefault());
    private final IntegerProperty tcpStream = new SimpleIntegerProperty(this, "tcpStream", -1);
    private final ChoiceBox<ChartKind> kind = new ChoiceBox<>();
    private final Spinner<Integer> stream = new Spinner<>();
    private final Label streamLabel = new Label();
    private final Label message = new Label();
    private final ChartPane pane = new ChartPane();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private boolean stale;

    public ChartsView() {
        setId("charts-view");
        kind.setId("chart-kind");
        stream.setId("chart-stream");
        kind.getItems().setAll(ChartKind.values());
        kind.setValue(ChartKind.TCP_SEQUENCE);
        stream.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0));
        stream.setPrefWidth(90);
        HBox bar = new HBox(8, kind, streamLabel, stream, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        setTop(bar);
        // A chart lower than its least height (times the zoom) would squeeze its plot until its texts covered
        // one another (zoomed on a 1024x768 projector): it keeps that height and the view scrolls.
        pane.minHeightProperty().bind(scale.multiply(Charts.MINIMUM_HEIGHT));
        ScrollPane scroller = new ScrollPane(pane);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroller);
        kind.valueProperty().addListener(o -> redraw());
        scale.addListener(o -> redraw());
        stream.valueProperty().addListener(o -> redraw());
        analysis.addListener(o -> {
            int streams = analysis.get() == null ? 0 : analysis.get().conversations().tcpStreamCount();
            stream.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Math.max(0, streams - 1),
                    Math.max(0, Math.min(streams - 1, tcpStream.get()))));
            redraw();
        });
        tcpStream.addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                stream.getValueFactory().setValue(now.intValue());
            }
        });
        locale.addListener(o -> {
            translate();
            redraw();
        });
        showing.addListener((o, was, now) -> {
            if (now && stale) {
                redraw();
            }
        });
        translate();
    }

    /**
     * Whether the charts are on screen. A chart of a large capture costs the FX thread tens of
     * milliseconds (datasets, then JFreeChart's drawing), not worth paying for a tab nobody looks at.
     */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public ObjectProperty<CaptureAnalysis> analysisProperty() {
        return analysis;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** The TCP stream the per-stream charts show; -1 leaves the choice to the stream spinner. */
    public IntegerProperty tcpStreamProperty() {
        return tcpStream;
    }

    /** The selected frame's number, 0 for none. */
    public IntegerProperty selectedFrameProperty() {
        return pane.selectedFrameProperty();
    }

    /** How many times their designed size the charts' texts are (the window's zoom). */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    public ChartPane chartPane() {
        return pane;
    }

    /** Writes the chart shown to {@code file} (.png or .svg); IllegalArgumentException for another extension. */
    public void export(Path file) throws IOException {
        if (!ChartExport.supports(file)) {
            throw new IllegalArgumentException("cannot write a chart to " + file.getFileName() + ": use .png or .svg");
        }
        if (stale) {
            draw(analysis.get(), kind.getValue());
        }
        if (pane.getChart() != null) {
            ChartExport.write(pane.getChart().chart(), file);
        }
    }

    public void show(ChartKind chart) {
        kind.setValue(chart);
    }

    private void translate() {
        ResourceBundle texts = Charts.bundle(locale.get());
        streamLabel.setText(texts.getString("chart.stream"));
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChartKind k) {
                return k == null ? "" : texts.getString("chart.kind." + k.cliName());
            }

            @Override
            public ChartKind fromString(String text) {
                return null;
            }
        });
    }

    private void redraw() {
        CaptureAnalysis a = analysis.get();
        ChartKind k = kind.getValue();
        boolean perStream = k != null && k.perStream();
        stream.setDisable(!perStream);
        if (a == null || k == null) {
            return;
        }
        if (showing.get()) {
            draw(a, k);
        } else {
            stale = true;
        }
    }

    private void draw(CaptureAnalysis a, ChartKind k) {
        stale = false;
        try {
            pane.setChart(Charts.in(locale.get()).scaled(scale.get())
                    .create(k, a, stream.getValue() == null ? 0 : stream.getValue()));
            message.setText("");
        } catch (IllegalArgumentException noStream) {
            pane.clear();   // a new capture without that stream (yet): not the previous capture's chart
            message.setText(noStream.getMessage());
        }
    }
}
