package org.wirelab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.wirelab.app.bytes.HexView;
import org.wirelab.source.Capture;
import org.wirelab.app.charts.ChartsView;
import org.wirelab.app.compare.CompareView;
import org.wirelab.app.compare.CompareViewModel;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.checks.ChecksView;
import org.wirelab.app.checks.ChecksViewModel;
import org.wirelab.app.exercise.ExerciseOpener;
import org.wirelab.app.conversations.ConversationsView;
import org.wirelab.app.explain.ExplanationView;
import org.wirelab.app.i18n.Messages;
import org.wirelab.app.ladder.LadderCanvas;
import org.wirelab.app.layers.EncapsulationBar;
import org.wirelab.app.layers.FieldFilterMenu;
import org.wirelab.app.layers.OsiTreeView;
import org.wirelab.app.packets.FilterBox;
import org.wirelab.app.packets.PacketListView;
import org.wirelab.app.playback.PlaybackBar;
import org.wirelab.app.playback.PlaybackKeys;
import org.wirelab.app.playback.PlaybackViewModel;
import org.wirelab.app.playback.PredictionPane;
import org.wirelab.app.presentation.Zoom;
import org.wirelab.source.AnalysisStep;
import org.wirelab.app.save.CaptureSaver;
import org.wirelab.app.save.SaveFormat;
import org.wirelab.app.source.BundledSamples;
import org.wirelab.source.CaptureProblemText;
import org.wirelab.source.DemoSource;
import org.wirelab.source.FileSource;
import org.wirelab.source.FrameSource;
import org.wirelab.source.LivePortSource;
import org.wirelab.source.LiveScenarioSource;
import org.wirelab.source.SimulatedSource;
import org.wirelab.app.source.SimulationDialog;
import org.wirelab.capture.live.CaptureProblem;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.FocusedLadder;
import org.wirelab.core.ladder.draw.LadderPainter;
import org.wirelab.core.scenario.ScenarioCatalog;

/**
 * The main window: menus, the ladder diagram and the packet list on the left, the explanation, the
 * encapsulation bar, the OSI tree and the bytes on the right, playback on top, loading and warnings
 * at the bottom. It only arranges the views and forwards commands; the views follow
 * {@link CaptureViewModel}'s one selection.
 */
public final class MainWindow {
    /** The Live menu's scenarios: the catalog's live ones that run at once (the sized ones are the command line's). */
    private static final List<String> SCENARIOS = ScenarioCatalog.names(ScenarioCatalog.live().stream()
            .filter(entry -> !entry.sized()).toList());
    /** The simulation dialog offers every scenario of the catalog. */
    private static final List<String> SIMULATED = ScenarioCatalog.names(ScenarioCatalog.all());
    private final CaptureViewModel model;
    private final PlaybackViewModel playback;
    private final ChecksViewModel checksModel;
    private final Messages messages;
    private final AppPreferences preferences;
    private final BorderPane root = new BorderPane();
    private final StackPane ladderSlot = new StackPane();
    private final PacketListView packets;
    private final TextField filterText = new TextField();
    private FilterBox filterBox;
    private final Menu recent = new Menu();
    private FrameSource opened;
    /** Where File › Save writes without asking: the file opened, or the last one saved; null for a run. */
    private Path savedTo;
    /** A save is writing its file, off the FX thread. */
    private final javafx.beans.property.BooleanProperty saving = new javafx.beans.property.SimpleBooleanProperty(this, "saving");
    private final javafx.beans.property.DoubleProperty saveProgress = new javafx.beans.property.SimpleDoubleProperty(this, "saveProgress");
    private final SplitPane horizontal = new SplitPane();
    private final SplitPane left = new SplitPane();
    private final SplitPane right = new SplitPane();
    private final Zoom zoom = new Zoom();
    /** Presentation mode's centre: the ladder and the explanation side by side. */
    private final SplitPane presentation = new SplitPane();
    private Node normalCentre;
    private ExplanationOverPanes rightSide;
    private ExplanationView explanation;
    private Optional<CaptureProblem> captureProblem = Optional.empty();
    private LadderCanvas ladderCanvas;
    private ChartsView chartsView;
    private HexView hex;
    private Tab checksTab;
    private Tab chartsTab;
    private Stage stage;

    /**
     * The fewest rows of the OSI tree (the hex pane keeps {@link HexView#MIN_ROWS} of its own), at any zoom:
     * enough to see a layer and its fields at 1024x768, zoomed in twice.
     */
    public static final int OSI_TREE_MIN_ROWS = 4;
    /**
     * A tree row's height in type sizes: its text and the disclosure arrow with a little room (the theme's
     * cells are 2.3 high, too loose for four rows beside the rest on a projector). Fixed, so that the tree
     * need not measure each row either.
     */
    private static final double TREE_ROW_EMS = 1.85;
    /** The most of the width the ladder takes in presentation mode: the explanation keeps the rest. */
    private static final double PRESENTATION_LADDER_SHARE = 0.78;
    /** The type size of wirelab.css' root, which the zoom multiplies. */
    private static final double BASE_FONT = 14;

    public MainWindow(CaptureViewModel model, Messages messages, AppPreferences preferences) {
        this.model = model;
        this.messages = messages;
        this.preferences = preferences;
        this.playback = new PlaybackViewModel(model);
        this.checksModel = new ChecksViewModel(model, messages);
        this.packets = new PacketListView(model, messages);
        root.setId("main-window");
        Node toolbar = toolbar();
        // Presentation mode keeps the room for the ladder: playback stays on its keys (Space, ← →).
        toolbar.visibleProperty().bind(zoom.presentingProperty().not());
        toolbar.managedProperty().bind(toolbar.visibleProperty());
        root.setTop(new VBox(menuBar(), toolbar, new PredictionPane(playback, messages)));
        root.setCenter(centre());
        root.setBottom(statusBar());
        presentation.setId("presentation");
        zoom.scaleProperty().addListener((o, was, now) -> applyScale());
        zoom.presentingProperty().addListener((o, was, on) -> present(on));
        acceptDroppedFiles();
    }

    public CaptureViewModel model() {
        return model;
    }

    public ChecksViewModel checks() {
        return checksModel;
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    public Messages messages() {
        return messages;
    }

    /** The window's zoom and presentation mode (View menu, F5, Ctrl +, Ctrl -, Ctrl 0). */
    public Zoom zoom() {
        return zoom;
    }

    /**
     * Presentation mode on or off: the ladder and the explanation side by side over the whole window, the
     * rest one key (F5) away; the same nodes move back and forth, so nothing is lost or rebuilt.
     */
    private void present(boolean on) {
        if (on) {
            normalCentre = root.getCenter();
            left.getItems().remove(ladderSlot);
            rightSide.getChildren().remove(explanation);
            presentation.getItems().setAll(ladderSlot, explanation);
            presentation.setDividerPositions(ladderShare());
            root.setCenter(presentation);
        } else if (normalCentre != null) {
            presentation.getItems().clear();
            left.getItems().add(0, ladderSlot);
            rightSide.getChildren().add(0, explanation);
            root.setCenter(normalCentre);
            left.setDividerPositions(preferences.get("split.left", 0.55));
        }
        explanation.presentingProperty().set(on);
        applyScale();
        ladderCanvas.requestFocus();
    }

    /**
     * Presentation mode's share of the width for the ladder: what its lanes and labels need at their
     * closest (so nothing is cut), up to {@link #PRESENTATION_LADDER_SHARE}.
     */
    private double ladderShare() {
        double width = root.getWidth() > 0 ? root.getWidth() : 1024;
        // The lanes at their closest, the current state written beside the last lane's role, the scroll bar.
        double needed = (LadderPainter.TIME_COLUMN + ladderCanvas.painter().contentWidth(1) + 80) * Zoom.PRESENTATION
                * zoom.factorProperty().get();
        return Math.max(0.5, Math.min(PRESENTATION_LADDER_SHARE, needed / width));
    }

    /** Every view's type and the ladder at the zoom's scale. */
    private void applyScale() {
        double scale = zoom.scale();
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * scale));
        ladderCanvas.scaleProperty().set(scale);
        packets.scaleProperty().set(scale);
        hex.scaleProperty().set(scale);
        if (chartsView != null) {
            chartsView.scaleProperty().set(scale);
        }
    }

    /** The ladder diagram's place (the canvas is bound to {@link #model()}'s selection and playback). */
    public StackPane ladderSlot() {
        return ladderSlot;
    }

    /** Shows the window on {@code target}, where and as large as it was last time. */
    public void show(Stage target) {
        this.stage = target;
        WindowPlacement saved = new WindowPlacement(preferences.get("window.x", Double.NaN),
                preferences.get("window.y", Double.NaN), preferences.get("window.width", Double.NaN),
                preferences.get("window.height", Double.NaN));
        List<javafx.geometry.Rectangle2D> screens = new java.util.ArrayList<>();
        screens.add(javafx.stage.Screen.getPrimary().getVisualBounds());
        javafx.stage.Screen.getScreens().forEach(screen -> screens.add(screen.getVisualBounds()));
        WindowPlacement placement = WindowPlacement.of(saved, screens);
        Scene scene = new Scene(root, placement.width(), placement.height());
        scene.getStylesheets().add(MainWindow.class.getResource("wirelab.css").toExternalForm());
        shortcuts(scene);
        target.setScene(scene);
        target.setX(placement.x());
        target.setY(placement.y());
        target.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.capture().title().isEmpty() ? "wirelab" : shownTitle() + " — wirelab",
                model.captureProperty(), messages.localeProperty()));
        horizontal.setDividerPositions(preferences.get("split.horizontal", 0.56));
        left.setDividerPositions(preferences.get("split.left", 0.55));
        right.setDividerPositions(preferences.get("split.right", 0.68));
        target.setOnHiding(e -> remember());
        target.show();
        // The packet list starts with the focus, as in Wireshark: ↑ ↓ move in it, Space and ← → play.
        packets.requestFocus();
    }

    /**
     * The ladder's context menu: on a simulated run, lose the selected frame on the way and run the same
     * scenario again with the same seed, so the student sees what TCP does about that one loss.
     */
    private ContextMenu dropAndReplayMenu() {
        MenuItem drop = new MenuItem();
        drop.setId("menu-drop-and-replay");
        drop.textProperty().bind(messages.text("ladder.dropAndReplay"));
        int frame = model.selectedFrameProperty().get();
        drop.setDisable(!(opened instanceof SimulatedSource) || frame <= 0);
        drop.setOnAction(e -> open(((SimulatedSource) opened).dropping(frame)));
        return new ContextMenu(drop);
    }

    /** Opens what {@code wirelab demo} shows, saying why it is simulated when it is. */
    public void openDemo(DemoSource demo) {
        open(demo.source());
        demo.whyNotLive().ifPresent(why -> model.noticeProperty().set(
                messages.get("demo.simulated", CaptureProblemText.summary(why, messages.locale()))));
    }

    /** Opens {@code source} in the window: every view shows its frames as they arrive; a file becomes recent. */
    public void open(FrameSource source) {
        load(source);
        if (source instanceof FileSource file) {
            preferences.addRecentFile(file.file());
            fillRecent();
        }
    }

    /** Opens a bundled sample: its copy in a temporary folder is gone next time, so it is not a recent file. */
    private void openSample(String name) {
        FileSource sample = BundledSamples.open(name);
        load(sample);
        savedTo = null;   // the temporary copy: Save asks where
    }

    private void load(FrameSource source) {
        opened = source;
        savedTo = source instanceof FileSource file ? file.file() : null;
        playback.showAll();
        model.open(source);
    }

    /** Why live capture is impossible here (libpcap, privilege), told by the capture module; empty when it works. */
    public void captureProblem(Optional<CaptureProblem> problem) {
        captureProblem = problem;
    }

    private void remember() {
        zoom.presentingProperty().set(false);   // the usual layout's dividers are the ones to remember
        preferences.put("window.x", stage.getX());
        preferences.put("window.y", stage.getY());
        preferences.put("window.width", stage.getWidth());
        preferences.put("window.height", stage.getHeight());
        preferences.put("split.horizontal", horizontal.getDividerPositions()[0]);
        preferences.put("split.left", left.getDividerPositions()[0]);
        preferences.put("split.right", right.getDividerPositions()[0]);
        preferences.saveLocale(messages.locale());
    }

    /**
     * Two tabs: the capture being studied (every view below follows its selection), and the UDP/TCP
     * comparison, which runs its own exchanges and needs the whole width for its two ladders.
     */
    private Node centre() {
        Tab capture = tab("tab.capture", panes());
        capture.setClosable(false);
        Tab compare = new Tab();
        compare.setId("tab-compare");
        compare.textProperty().bind(CompareView.title(messages));
        fillWhenFirstSelected(compare, () -> new CompareView(new CompareViewModel(), messages));
        compare.setClosable(false);
        TabPane tabs = new TabPane(capture, compare);
        tabs.setId("main-tabs");
        return tabs;
    }

    private Node panes() {
        ladderSlot.setId("ladder-slot");
        ladderSlot.getChildren().add(ladder());
        ladderSlot.setMinHeight(120);
        // Only the packet list is built for the first paint: the other tabs are built when first shown.
        Tab charts = tab("tab.charts", null);
        chartsTab = charts;
        fillWhenFirstSelected(charts, () -> {
            Node built = charts();
            chartsView.showingProperty().bind(charts.selectedProperty());
            chartsView.scaleProperty().set(zoom.scale());
            return built;
        });
        Tab checks = tab("tab.checks", null);
        fillWhenFirstSelected(checks, () -> new ChecksView(checksModel, messages));
        checksTab = checks;
        checksModel.showingProperty().bind(checks.selectedProperty());
        Tab conversations = tab("tab.conversations", null);
        fillWhenFirstSelected(conversations, () -> new ConversationsView(model, messages));
        TabPane tabs = new TabPane(tab("tab.packets", packets), conversations, charts, checks);
        tabs.setId("lists");
        tabs.setMinHeight(160);
        left.setOrientation(Orientation.VERTICAL);
        left.getItems().addAll(ladderSlot, tabs);

        VBox layers = new VBox(new EncapsulationBar(model, messages));
        OsiTreeView tree = new OsiTreeView(model, messages);
        FieldFilterMenu.install(tree, messages, text -> filterBox.applyFilter(text), text -> filterBox.prepareFilter(text));
        VBox.setVgrow(tree, Priority.ALWAYS);
        layers.getChildren().add(tree);
        hex = new HexView(model);
        right.setOrientation(Orientation.VERTICAL);
        right.getItems().addAll(layers, hex);
        // The tree and the bytes keep room for several rows each at the zoom's size, however long the
        // explanation above them (which scrolls rather than push them out of the window).
        tree.fixedCellSizeProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.ceil(BASE_FONT * zoom.scale() * TREE_ROW_EMS), zoom.scaleProperty()));
        // The rows, and below them the horizontal scroll bar a long field's line brings.
        tree.minHeightProperty().bind(tree.fixedCellSizeProperty().multiply(OSI_TREE_MIN_ROWS + 0.75).add(4));
        explanation = new ExplanationView(model, messages);
        rightSide = new ExplanationOverPanes(explanation, right);

        horizontal.getItems().addAll(left, rightSide);
        return horizontal;
    }

    /**
     * The ladder diagram (the draw feature's canvas) on the shared selection: the capture's ladder, or one
     * conversation's when one is focused; playback's revealed count, plus the masked frame's arrow,
     * drawn without its labels while the student predicts it.
     */
    private Node ladder() {
        LadderCanvas canvas = new LadderCanvas();
        ladderCanvas = canvas;
        // A right click (not the platform's context-menu request, which headless Monocle never sends).
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                dropAndReplayMenu().show(canvas, e.getScreenX(), e.getScreenY());
            }
        });
        Runnable update = () -> {
            Capture capture = model.capture();
            CaptureLadder whole = capture.ladder();
            int stream = model.focusedTcpStreamProperty().get();
            canvas.setLadder(stream < 0 || stream >= capture.analysis().conversations().tcpStreamCount() ? whole
                    : FocusedLadder.conversation(whole, capture.analysis(),
                            capture.analysis().conversations().tcpConversation(stream)));
        };
        model.captureProperty().addListener(o -> update.run());
        model.focusedTcpStreamProperty().addListener(o -> update.run());
        update.run();
        canvas.selectedFrameProperty().bindBidirectional(model.selectedFrameProperty());
        canvas.revealedProperty().bind(javafx.beans.binding.Bindings.createIntegerBinding(
                () -> Math.max(model.revealedProperty().get(), playback.maskedFrameProperty().get()),
                model.revealedProperty(), playback.maskedFrameProperty()));
        canvas.maskedFrameProperty().bind(playback.maskedFrameProperty());
        canvas.textsProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> LadderCanvas.texts(messages.locale()), messages.localeProperty()));
        return canvas;
    }

    /** The draw feature's charts on the shared selection and the focused conversation. */
    private Node charts() {
        ChartsView charts = new ChartsView();
        chartsView = charts;
        charts.analysisProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> model.capture().analysis(), model.captureProperty()));
        charts.selectedFrameProperty().bindBidirectional(model.selectedFrameProperty());
        charts.tcpStreamProperty().bind(model.focusedTcpStreamProperty());
        charts.localeProperty().bind(messages.localeProperty());
        return charts;
    }

    /**
     * Builds {@code tab}'s content when the tab is first selected: what the first paint does not show is
     * not built, styled and laid out before the window appears.
     */
    private static void fillWhenFirstSelected(Tab tab, java.util.function.Supplier<Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        javafx.beans.value.ChangeListener<Boolean> fill = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected && tab.getContent() == null) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        };
        tab.selectedProperty().addListener(fill);
    }

    private Tab tab(String key, Node content) {
        Tab tab = new Tab();
        tab.textProperty().bind(messages.text(key));
        tab.setContent(content);
        tab.setClosable(false);
        return tab;
    }

    private Node toolbar() {
        filterText.setId("filter-text");
        filterText.setPrefColumnCount(16);
        filterBox = new FilterBox(filterText, packets, messages);
        ChoiceBox<String> protocol = new ChoiceBox<>();
        protocol.setId("filter-protocol");
        protocol.getItems().setAll("", "TCP", "UDP", "HTTP", "Chat", "ICMP", "ARP", "DNS");
        protocol.setValue("");
        // No protocol chosen reads "All" rather than an empty box, in the window's language: a new converter
        // makes the choice box write its labels again.
        Runnable labels = () -> protocol.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? messages.get("filter.protocol.all") : value;
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        labels.run();
        messages.localeProperty().addListener(o -> labels.run());
        // On a 1024x768 screen the choice keeps room for its label ("Tous", "HTTP"); it had shrunk to its arrow.
        protocol.setStyle("-fx-min-width: 6em;");
        protocol.valueProperty().addListener((o, was, value) -> packets.setFilter(packets.filter().withProtocol(value)));
        Label protocolLabel = new Label();
        protocolLabel.textProperty().bind(messages.text("filter.protocol"));
        PlaybackBar controls = new PlaybackBar(playback, model, messages);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        protocolLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox filters = new HBox(8, protocolLabel, protocol, filterBox);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filterBox, Priority.ALWAYS);   // on a row of its own, the filter's text takes the width
        ToolbarRows bar = new ToolbarRows(controls, filters);
        bar.setId("tool-bar");
        bar.setPadding(new Insets(2, 8, 2, 0));
        bar.getStyleClass().add("tool-bar");
        return bar;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.loadingProperty());
        Button cancel = new Button();
        cancel.setId("cancel-loading");
        cancel.textProperty().bind(messages.text("status.cancel"));
        cancel.visibleProperty().bind(model.loadingProperty());
        cancel.setOnAction(e -> model.cancel());
        Runnable update = () -> status.setText(statusText());
        model.captureProperty().addListener(o -> update.run());
        model.errorProperty().addListener(o -> update.run());
        model.noticeProperty().addListener(o -> update.run());
        model.decodingProperty().addListener(o -> update.run());
        model.loadingProperty().addListener(o -> update.run());
        model.framesReadProperty().addListener(o -> update.run());
        model.analysisStepProperty().addListener(o -> update.run());
        model.analysisFractionProperty().addListener(o -> update.run());
        model.progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() >= 1 != was.doubleValue() >= 1) {
                update.run();
            }
        });
        model.warnings().addListener((javafx.collections.ListChangeListener<String>) c -> update.run());
        messages.localeProperty().addListener(o -> update.run());
        update.run();
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        ProgressBar saved = new ProgressBar();
        saved.setId("save-progress");
        saved.progressProperty().bind(saveProgress);
        saved.visibleProperty().bind(saving);
        saved.managedProperty().bind(saving);
        HBox bar = new HBox(8, status, progress, saved, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The shown capture's name in the window's language, when it came from the source opened last. */
    private String shownTitle() {
        String title = model.capture().title();
        return opened != null && opened.title().equals(title) ? opened.title(messages.locale()) : title;
    }

    private String statusText() {
        StringBuilder text = new StringBuilder();
        var capture = model.capture();
        if (capture.title().isEmpty()) {
            text.append(messages.get("status.empty"));
        } else {
            boolean loading = model.loadingProperty().get();
            int known = loading ? Math.max(capture.size(), model.framesReadProperty().get()) : capture.size();
            // A file read whole is still analysed for a while, pass after pass: the status says which.
            AnalysisStep step = model.analysisStepProperty().get();
            if (loading && step != null) {
                text.append(messages.get("status.analysing", shownTitle(), known, step.number(), AnalysisStep.count(),
                        messages.get("status.step." + step.name()),
                        Math.floor(model.analysisFractionProperty().get() * 100) / 100));
            } else {
                text.append(messages.get(loading ? "status.loading" : "status.loaded", shownTitle(), known));
            }
        }
        if (model.decodingProperty().get()) {
            text.append("  ").append(messages.get("status.decoding", model.selectedFrameProperty().get()));
        }
        if (!model.noticeProperty().get().isEmpty()) {
            text.append("  ").append(model.noticeProperty().get());
        }
        if (!model.errorProperty().get().isEmpty()) {
            text.append("  ").append(messages.get("status.error", model.errorProperty().get()));
        }
        for (String warning : model.warnings()) {
            text.append("  ").append(messages.get("status.warning", warning));
        }
        return text.toString();
    }

    private MenuBar menuBar() {
        Menu file = menu("menu.file");
        MenuItem open = item("menu.open", e -> chooseFile());
        MenuItem openExercise = item("menu.openExercise", e -> chooseExercise());
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        recent.textProperty().bind(messages.text("menu.recent"));
        fillRecent();
        Menu samples = menu("menu.samples");
        samples.setId("menu-samples");
        for (String name : BundledSamples.NAMES) {
            MenuItem sample = new MenuItem(name);
            sample.setOnAction(e -> openSample(name));
            samples.getItems().add(sample);
        }
        MenuItem save = item("save.menu", e -> save());
        save.setId("menu-save");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveAs = item("save.as.menu", e -> saveAs());
        saveAs.setId("menu-save-as");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem quit = item("menu.quit", e -> Platform.exit());
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        MenuItem exportDiagram = item("menu.export.diagram", e -> export(true));
        MenuItem exportChart = item("menu.export.chart", e -> export(false));
        file.getItems().addAll(open, recent, samples, openExercise, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(),
                exportDiagram, exportChart,
                new SeparatorMenuItem(), quit);

        Menu live = menu("menu.live");
        live.setOnShowing(e -> fillLive(live));
        fillLive(live);

        Menu view = menu("menu.view");
        Menu language = menu("menu.language");
        ToggleGroup languages = new ToggleGroup();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            // Each language in its own name, capitalised as a menu entry: "English", "Français".
            String name = locale.getDisplayLanguage(locale);
            RadioMenuItem choice = new RadioMenuItem(Character.toUpperCase(name.charAt(0)) + name.substring(1));
            choice.setId("language-" + locale.getLanguage());
            choice.setToggleGroup(languages);
            choice.setSelected(messages.locale().equals(locale));
            choice.setOnAction(e -> messages.localeProperty().set(locale));
            language.getItems().add(choice);
        }
        MenuItem filter = item("menu.filter", e -> filterText.requestFocus());
        filter.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem present = new CheckMenuItem();
        present.setId("menu-presentation");
        present.textProperty().bind(messages.text("menu.presentation"));
        present.selectedProperty().bindBidirectional(zoom.presentingProperty());
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        MenuItem zoomIn = item("menu.zoom.in", e -> zoom.zoomIn());
        zoomIn.setId("menu-zoom-in");
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomOut = item("menu.zoom.out", e -> zoom.zoomOut());
        zoomOut.setId("menu-zoom-out");
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomReset = item("menu.zoom.reset", e -> zoom.reset());
        zoomReset.setId("menu-zoom-reset");
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        view.getItems().addAll(language, filter, new SeparatorMenuItem(), present, zoomIn, zoomOut, zoomReset);

        Menu play = menu("menu.playback");
        MenuItem toggle = item("playback.play", e -> playback.togglePlay());
        MenuItem forward = item("playback.forward", e -> playback.stepForward());
        MenuItem back = item("playback.back", e -> playback.stepBack());
        // Shown beside the items; PlaybackKeys acts on them first, and leaves them to a control that uses them.
        toggle.setAccelerator(PlaybackKeys.PLAY);
        forward.setAccelerator(PlaybackKeys.FORWARD);
        back.setAccelerator(PlaybackKeys.BACK);
        MenuItem all = item("playback.all", e -> playback.showAll());
        play.getItems().addAll(toggle, forward, back, all);
        MenuBar bar = new MenuBar(file, live, view, play);
        bar.setId("menu-bar");
        return bar;
    }

    private void fillLive(Menu live) {
        live.getItems().clear();
        captureProblem.ifPresent(problem -> {
            MenuItem impossible = new MenuItem(CaptureProblemText.impossible(problem, messages.locale()));
            impossible.setDisable(true);
            impossible.setId("live-impossible");
            MenuItem details = item("live.why", e -> explainCaptureProblem(problem));
            details.setId("live-why");
            live.getItems().addAll(impossible, details, new SeparatorMenuItem());
        });
        for (String scenario : SCENARIOS) {
            MenuItem run = new MenuItem(messages.get("live.scenario", scenario));
            run.setDisable(captureProblem.isPresent());
            run.setOnAction(e -> open(new LiveScenarioSource(scenario, messages.locale())));
            live.getItems().add(run);
        }
        MenuItem port = new MenuItem(messages.get("live.port"));
        port.setDisable(captureProblem.isPresent());
        port.setOnAction(e -> askPort());
        live.getItems().addAll(port, new SeparatorMenuItem());
        for (String scenario : SCENARIOS) {
            MenuItem simulate = new MenuItem(messages.get("live.simulated", scenario));
            simulate.setOnAction(e -> open(SimulatedSource.standard(scenario)));
            live.getItems().add(simulate);
        }
        Menu teaching = new Menu(messages.get("live.teaching"));
        teaching.setId("teaching-scenarios");
        // What no loopback shows: losses, timers, a closing window, crossing FINs.
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.teaching()) {
            String scenario = entry.name();
            MenuItem simulate = new MenuItem(entry.description(messages.locale()) + " (" + scenario + ")");
            simulate.setId("teaching-" + scenario);
            simulate.setOnAction(e -> open(SimulatedSource.standard(scenario)));
            teaching.getItems().add(simulate);
        }
        live.getItems().add(teaching);
        MenuItem custom = new MenuItem(messages.get("live.simulated.custom"));
        custom.setOnAction(e -> {
            SimulationDialog dialog = new SimulationDialog(SIMULATED, messages);
            dialog.initOwner(stage);
            dialog.showAndWait().ifPresent(this::open);
        });
        live.getItems().add(custom);
    }

    /** The capture module's whole message, whose commands a user can select and copy, and the way out. */
    private void explainCaptureProblem(CaptureProblem problem) {
        TextArea detail = new TextArea(problem.message(messages.locale()));
        detail.setId("live-why-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(8);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(messages.get("live.why.title"));
        alert.setHeaderText(CaptureProblemText.impossible(problem, messages.locale()));
        Label wayOut = new Label(messages.get("live.why.simulate"));
        wayOut.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, detail, wayOut));
        alert.show();
    }

    private void askPort() {
        TextInputDialog dialog = new TextInputDialog("3000");
        dialog.setHeaderText(messages.get("live.port.question"));
        dialog.showAndWait().ifPresent(text -> {
            try {
                open(new LivePortSource(Integer.parseInt(text.trim()), messages.locale()));
            } catch (IllegalArgumentException e) {
                model.errorProperty().set(messages.get("live.port.bad", text));
            }
        });
    }

    /** The capture's title as a file name without extension: "live-tcp-hello", "tcp-hello". */
    private String suggestedName() {
        String base = model.capture().title().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("\\.pcap(ng)?$", "");
        return base.isEmpty() ? "wirelab" : base;
    }

    /** File › Save: where the capture came from or was last saved, else where the person chooses. */
    private void save() {
        if (savedTo == null) {
            saveAs();
        } else {
            save(savedTo);
        }
    }

    /** File › Save As: pcapng (with the explanations as comments) or pcap, chosen by name or filter. */
    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("save.as.menu"));
        FileChooser.ExtensionFilter pcapng = new FileChooser.ExtensionFilter(messages.get("save.pcapng"), "*.pcapng");
        FileChooser.ExtensionFilter pcap = new FileChooser.ExtensionFilter(messages.get("save.pcap"), "*.pcap");
        chooser.getExtensionFilters().addAll(pcapng, pcap);
        chooser.setInitialFileName(suggestedName() + ".pcapng");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            Path file = chosen.toPath();
            String name = file.getFileName().toString();
            if (!name.contains(".")) {
                file = file.resolveSibling(name + (chooser.getSelectedExtensionFilter() == pcap ? ".pcap" : ".pcapng"));
            }
            save(file);
        }
    }

    /**
     * Saves the capture shown to {@code file}, pcap or pcapng by its extension, on a thread of its own with
     * its progress in the status line (a million frames take a while to explain), which then says what
     * was written, or why not. Later, File › Save writes there. The future completes once the status
     * line has said it.
     */
    public java.util.concurrent.CompletableFuture<Void> save(Path file) {
        java.util.concurrent.CompletableFuture<Void> said = new java.util.concurrent.CompletableFuture<>();
        Capture capture = model.capture();
        String refusal = capture.title().isEmpty() || capture.size() == 0 ? "save.nothing"
                : model.loadingProperty().get() ? "save.loading" : saving.get() ? "save.busy" : null;
        if (refusal != null) {
            model.noticeProperty().set(messages.get(refusal));
            said.complete(null);
            return said;
        }
        String settings = opened == null ? shownTitle() : opened.settings(messages.locale());
        java.util.Locale language = messages.locale();
        saving.set(true);
        saveProgress.set(0);
        model.noticeProperty().set(messages.get("save.running", file.getFileName()));
        Thread writer = new Thread(() -> {
            Exception failure = null;
            try {
                CaptureSaver.save(capture, file, settings, language,
                        fraction -> Platform.runLater(() -> saveProgress.set(fraction)));
            } catch (java.io.IOException | RuntimeException e) {
                failure = e;
            }
            Exception failed = failure;
            Platform.runLater(() -> {
                saving.set(false);
                if (failed == null) {
                    savedTo = file;
                    model.noticeProperty().set(messages.get("save.done", file, capture.size(),
                            messages.get(SaveFormat.of(file) == SaveFormat.PCAPNG ? "save.done.pcapng" : "save.done.pcap")));
                } else {
                    model.noticeProperty().set(messages.get("save.failed", file.getFileName(), failed.getMessage()));
                }
                said.complete(null);
            });
        }, "wirelab-save");
        writer.setDaemon(true);
        writer.start();
        return said;
    }

    /** Writes the diagram (PNG, SVG, PlantUML, Mermaid) or the chart (PNG, SVG) as shown, for slides. */
    private void export(boolean diagram) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(diagram ? "menu.export.diagram" : "menu.export.chart"));
        chooser.getExtensionFilters().add(diagram
                ? new FileChooser.ExtensionFilter("SVG, PNG, PlantUML, Mermaid", "*.svg", "*.png", "*.puml", "*.mmd")
                : new FileChooser.ExtensionFilter("SVG, PNG", "*.svg", "*.png"));
        chooser.setInitialFileName(suggestedName() + ".svg");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            export(diagram, chosen.toPath());
        }
    }

    /** Writes the diagram or the chart shown to {@code file}; the status line says where, or why not. */
    public void export(boolean diagram, Path file) {
        try {
            if (diagram) {
                ladderCanvas.export(file, model.capture().title());
            } else {
                if (chartsView == null) {
                    chartsTab.getTabPane().getSelectionModel().select(chartsTab);   // builds the charts
                }
                chartsView.export(file);
            }
            model.noticeProperty().set(messages.get("export.done", file));
        } catch (java.io.IOException | IllegalArgumentException e) {
            model.noticeProperty().set(messages.get("export.failed", file.getFileName(), e.getMessage()));
        }
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path path : preferences.recentFiles()) {
            MenuItem item = new MenuItem(path.toString());
            item.setOnAction(e -> open(new FileSource(path, messages.locale())));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.open"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("open.captures"), "*.pcap", "*.pcapng", "*.cap"),
                new FileChooser.ExtensionFilter(messages.get("open.all"), "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(new FileSource(chosen.toPath(), messages.locale()));
        }
    }

    private void chooseExercise() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.openExercise"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(messages.get("exercise.files"), "*.json"),
                new FileChooser.ExtensionFilter(messages.get("open.all"), "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            openExercise(chosen.toPath());
        }
    }

    /**
     * Runs an exercise file: opens its capture with its lab step in the Checks pane, shown, and its text
     * in a window beside; a broken file is an error naming the line.
     */
    public java.util.concurrent.CompletableFuture<Void> openExercise(Path file) {
        return new ExerciseOpener(messages, checksModel, Platform::runLater).open(file, new ExerciseOpener.Window() {
            @Override
            public void openCapture(Path capture) {
                open(new FileSource(capture, messages.locale()));
                checksTab.getTabPane().getSelectionModel().select(checksTab);
            }

            @Override
            public void showExercise(String title, String text) {
                javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
                area.setId("exercise-text");
                area.setEditable(false);
                area.setWrapText(true);
                Stage sheet = new Stage();
                sheet.initOwner(stage);
                sheet.setTitle(title);
                sheet.setScene(new javafx.scene.Scene(area, 520, 420));
                sheet.show();
            }

            @Override
            public void showError(String message) {
                model.errorProperty().set(message);
            }
        });
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                open(new FileSource(files.get(0).toPath(), messages.locale()));
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /** Space plays or pauses, ← → step, ↑ ↓ select, unless the focused control uses the key (see PlaybackKeys). */
    private void shortcuts(Scene scene) {
        PlaybackKeys.install(scene, playback, packets::selectBy);
        // Ctrl + is typed as Ctrl = on most keyboards, or on the keypad: all zoom in, as in browsers.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), zoom::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), zoom::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), zoom::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), zoom::reset);
    }

    private Menu menu(String key) {
        Menu menu = new Menu();
        menu.textProperty().bind(messages.text(key));
        return menu;
    }

    private MenuItem item(String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(messages.text(key));
        item.setOnAction(action);
        return item;
    }
}
