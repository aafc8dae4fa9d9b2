package org.wirelab.app.compare;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.NumberStringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.wirelab.app.i18n.Messages;
import org.wirelab.app.ladder.LadderCanvas;
import org.wirelab.compare.ComparisonCharts;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.ComparisonTable;
import org.wirelab.core.compare.ProtocolResult;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.tcpstate.TcpStates;

/**
 * The Compare tab: the same messages over UDP and TCP, live or simulated. The settings on top; the two
 * ladder diagrams side by side on the same time scale (zooming one zooms the other); the table of
 * measures; the charts (bytes per layer, messages received over time, wire bytes over time).
 */
public final class CompareView extends BorderPane {
    private static final String BUNDLE = "org.wirelab.app.compare.compare";

    private final CompareViewModel model;
    private final Messages messages;
    private final LadderCanvas udpLadder = new LadderCanvas();
    private final LadderCanvas tcpLadder = new LadderCanvas();
    private final GridPane table = new GridPane();
    private final VBox charts = new VBox(12);

    public CompareView(CompareViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("compare-view");
        setTop(settings());
        SplitPane ladders = new SplitPane(titled("compare.udp", udpLadder), titled("compare.tcp", tcpLadder));
        ladders.setId("compare-ladders");
        for (LadderCanvas ladder : List.of(udpLadder, tcpLadder)) {
            ladder.timeScaleProperty().set(true);
            ladder.textsProperty().bind(Bindings.createObjectBinding(() -> LadderCanvas.texts(messages.locale()),
                    messages.localeProperty()));
        }
        udpLadder.zoomProperty().bindBidirectional(tcpLadder.zoomProperty());
        table.setId("compare-table");
        table.setHgap(24);
        table.setVgap(2);
        table.setPadding(new Insets(8));
        ScrollPane below = new ScrollPane(new VBox(12, table, charts));
        below.setFitToWidth(true);
        SplitPane body = new SplitPane(ladders, below);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.55);
        setCenter(body);
        model.resultProperty().addListener((o, was, now) -> show(now));
        messages.localeProperty().addListener(o -> show(model.resultProperty().get()));
        model.checkLive();
    }

    private Node settings() {
        Spinner<Integer> count = new Spinner<>(1, 100_000, model.messagesProperty().get(), 10);
        count.setEditable(true);
        count.setId("compare-messages");
        count.valueProperty().addListener((o, was, now) -> model.messagesProperty().set(now));
        model.messagesProperty().addListener((o, was, now) -> count.getValueFactory().setValue(now.intValue()));
        Spinner<Integer> size = new Spinner<>(10, 65_507, model.sizeProperty().get(), 64);
        size.setEditable(true);
        size.setId("compare-size");
        size.valueProperty().addListener((o, was, now) -> model.sizeProperty().set(now));
        model.sizeProperty().addListener((o, was, now) -> size.getValueFactory().setValue(now.intValue()));
        CheckBox echo = new CheckBox();
        echo.textProperty().bind(text("compare.echo"));
        echo.selectedProperty().bindBidirectional(model.echoProperty());

        ToggleGroup where = new ToggleGroup();
        RadioButton live = new RadioButton();
        live.setId("compare-live");
        live.textProperty().bind(text("compare.live"));
        RadioButton simulated = new RadioButton();
        simulated.setId("compare-simulated");
        simulated.textProperty().bind(text("compare.simulated"));
        live.setToggleGroup(where);
        simulated.setToggleGroup(where);
        simulated.setSelected(model.simulatedProperty().get());
        live.setSelected(!model.simulatedProperty().get());
        simulated.selectedProperty().addListener((o, was, now) -> model.simulatedProperty().set(now));
        model.simulatedProperty().addListener((o, was, now) -> (now ? simulated : live).setSelected(true));
        live.disableProperty().bind(Bindings.createBooleanBinding(() -> model.liveProblemProperty().get().isPresent(),
                model.liveProblemProperty()));

        TextField delay = number("compare-delay", model.delayMillisProperty());
        TextField loss = number("compare-loss", model.lossPercentProperty());
        TextField seed = new TextField();
        seed.setId("compare-seed");
        seed.setPrefColumnCount(5);
        seed.textProperty().bindBidirectional(model.seedProperty(), new NumberStringConverter("#"));
        for (TextField field : List.of(delay, loss, seed)) {
            field.disableProperty().bind(model.simulatedProperty().not());
        }
        Button run = new Button();
        run.setId("compare-run");
        run.textProperty().bind(text("compare.run"));
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());

        Label status = new Label();
        status.setId("compare-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.runningProperty().get()) {
                return get("compare.running");
            }
            if (!model.errorProperty().get().isEmpty()) {
                return model.errorProperty().get();
            }
            return model.liveProblemProperty().get().map(problem -> get("compare.noLive", problem.message())).orElse("");
        }, model.runningProperty(), model.errorProperty(), model.liveProblemProperty(), messages.localeProperty()));

        FlowPane form = new FlowPane(14, 8, field("compare.messages", count), field("compare.size", size), echo,
                new HBox(8, live, simulated), field("compare.delay", delay), field("compare.loss", loss),
                field("compare.seed", seed), run);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, form, status);
        top.setPadding(new Insets(8));
        return top;
    }

    /** The tab's title in the chosen language. */
    public static StringBinding title(Messages messages) {
        return Bindings.createStringBinding(() -> ResourceBundle.getBundle(BUNDLE, messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("compare.tab"), messages.localeProperty());
    }

    private void show(Comparison comparison) {
        table.getChildren().clear();
        charts.getChildren().clear();
        if (comparison == null) {
            return;
        }
        udpLadder.setLadder(ladder(comparison.udp()));
        tcpLadder.setLadder(ladder(comparison.tcp()));
        Label udp = new Label("UDP");
        udp.getStyleClass().add("compare-udp");
        Label tcp = new Label("TCP");
        tcp.getStyleClass().add("compare-tcp");
        Label headline = new Label(ComparisonTable.headline(comparison, model.conditions(messages.locale()),
                messages.locale()));
        headline.setId("compare-headline");
        table.addRow(0, headline);
        GridPane.setColumnSpan(table.getChildren().get(0), 3);
        table.addRow(1, new Label(), udp, tcp);
        int row = 2;
        for (ComparisonTable.Row measure : ComparisonTable.rows(comparison, messages.locale())) {
            Label label = new Label(measure.label().strip());
            if (measure.detail()) {
                label.setPadding(new Insets(0, 0, 0, 18));
            }
            Label udpValue = new Label(measure.udp());
            Label tcpValue = new Label(measure.tcp());
            udpValue.setId("compare-" + measure.key() + "-udp");
            tcpValue.setId("compare-" + measure.key() + "-tcp");
            table.addRow(row++, label, udpValue, tcpValue);
        }
        ComparisonCharts words = ComparisonCharts.in(messages.locale());
        for (JFreeChart chart : List.of(words.wireBytes(comparison), words.messagesOverTime(comparison),
                words.cumulativeWireBytes(comparison))) {
            ChartViewer viewer = new ChartViewer(chart);
            viewer.setPrefHeight(360);
            viewer.setMinHeight(300);
            charts.getChildren().add(viewer);
        }
    }

    private static CaptureLadder ladder(ProtocolResult result) {
        CaptureAnalysis analysis = CaptureAnalysis.of(result.run().frames());
        return CaptureLadder.of(analysis, TcpStates.of(analysis));
    }

    private Node titled(String key, Node content) {
        Label title = new Label();
        title.textProperty().bind(text(key));
        title.getStyleClass().add(key.replace('.', '-'));
        title.setPadding(new Insets(4, 8, 4, 8));
        VBox box = new VBox(title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private Node field(String key, Node input) {
        Label label = new Label();
        label.textProperty().bind(text(key));
        label.setLabelFor(input);
        HBox box = new HBox(6, label, input);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextField number(String id, DoubleProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        field.textProperty().bindBidirectional(property, new NumberStringConverter(Locale.ROOT, "#.###"));
        return field;
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String get(String key, Object... arguments) {
        String pattern = bundle().getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, messages.locale()).format(arguments);
    }

    private StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), messages.localeProperty());
    }
}
