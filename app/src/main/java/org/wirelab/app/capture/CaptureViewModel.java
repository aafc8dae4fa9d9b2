package org.wirelab.app.capture;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.source.Capture;
import org.wirelab.source.FrameSource;
import org.wirelab.source.AnalysisStep;
import org.wirelab.source.SourceRun;

/**
 * The one selection every view follows, and the capture it selects in. Views bind to these
 * properties and call these methods; none of them knows where the frames come from.
 *
 * <ul>
 *   <li>{@link #captureProperty()}: the frames shown, replaced as a live source delivers more;</li>
 *   <li>{@link #selectedFrameProperty()}: the selected frame's number (1-based, 0 for none);</li>
 *   <li>{@link #selectedPartProperty()}: the layer or field selected in that frame (its bytes);</li>
 *   <li>{@link #revealedProperty()}: how many frames playback has shown (all, unless playing).</li>
 * </ul>
 */
public final class CaptureViewModel {
    private final Executor uiThread;
    private final ReadOnlyObjectWrapper<Capture> capture = new ReadOnlyObjectWrapper<>(this, "capture",
            Capture.empty(""));
    private final IntegerProperty selectedFrame = new SimpleIntegerProperty(this, "selectedFrame", 0);
    private final ReadOnlyObjectWrapper<DecodedFrame> decodedFrame = new ReadOnlyObjectWrapper<>(this, "decodedFrame");
    private final ObjectProperty<FramePart> selectedPart = new SimpleObjectProperty<>(this, "selectedPart");
    private final IntegerProperty revealed = new SimpleIntegerProperty(this, "revealed", Integer.MAX_VALUE);
    private final IntegerProperty focusedTcpStream = new SimpleIntegerProperty(this, "focusedTcpStream", -1);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    /** The selected frame waits for the decoder's thread (a large capture's trees not yet prepared). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper decoding = new javafx.beans.property.ReadOnlyBooleanWrapper(
            this, "decoding");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final javafx.beans.property.IntegerProperty framesRead = new javafx.beans.property.SimpleIntegerProperty(this, "framesRead");
    private final ObjectProperty<AnalysisStep> analysisStep = new SimpleObjectProperty<>(this, "analysisStep");
    private final DoubleProperty analysisFraction = new SimpleDoubleProperty(this, "analysisFraction");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private SourceRun run;
    /**
     * Reads the trees of a large capture: first what they need from the whole capture (seconds on a million
     * frames), then the frames selected meanwhile, so that the window keeps answering. One thread, so that a
     * capture's trees are never read by two at once.
     */
    private final Executor decoder;
    /** The large capture whose trees are prepared: its frames are decoded at once on the UI thread. */
    private Capture prepared;
    /** Counts the selections: a frame decoded off the UI thread is shown only if no other was selected since. */
    private volatile long selections;

    /**
     * Above this many frames, what the trees need from the whole capture is prepared off the UI thread, and
     * a frame selected before it is ready is decoded there too; a smaller capture prepares in milliseconds.
     */
    static final int PREPARED_APART_ABOVE = 50_000;
    private final int preparedApartAbove;

    public CaptureViewModel(Executor uiThread) {
        this(uiThread, java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "wirelab-decoder");
            thread.setDaemon(true);
            return thread;
        }), PREPARED_APART_ABOVE);
    }

    /** With the decoder's thread and the size above which it prepares the trees given (tests). */
    CaptureViewModel(Executor uiThread, Executor decoder, int preparedApartAbove) {
        this.uiThread = uiThread;
        this.decoder = decoder;
        this.preparedApartAbove = preparedApartAbove;
        selectedFrame.addListener((o, was, number) -> decodeSelected());
    }

    /** Shows {@code source}'s frames from now on, as they arrive; the previous source is stopped. */
    public void open(FrameSource source) {
        if (run != null) {
            run.abandon();
        }
        warnings.clear();
        error.set("");
        notice.set("");
        selectedFrame.set(0);
        revealed.set(Integer.MAX_VALUE);
        focusedTcpStream.set(-1);
        capture.set(Capture.empty(source.title()));
        loading.set(true);
        progress.set(0);
        framesRead.set(0);
        analysisStep.set(null);
        analysisFraction.set(0);
        SourceRun started = new SourceRun(source, uiThread, new SourceRun.Listener() {
            @Override
            public void published(Capture growing) {
                if (run != null && run.source() == source) {
                    capture.set(growing);
                }
            }

            @Override
            public void progress(double fraction) {
                progress.set(fraction);
            }

            @Override
            public void counted(int read) {
                if (run != null && run.source() == source) {
                    framesRead.set(read);
                }
            }

            @Override
            public void analysing(AnalysisStep step, double fraction) {
                if (run != null && run.source() == source) {
                    analysisStep.set(step);
                    analysisFraction.set(fraction);
                }
            }

            @Override
            public void finished(Capture last, String reason) {
                if (run == null || run.source() != source) {
                    return;
                }
                analysisStep.set(null);
                capture.set(last);
                prepareTrees(last);
                warnings.setAll(last.warnings());
                error.set(reason == null ? "" : reason);
                loading.set(false);
                progress.set(1);
                decodeSelected();
            }
        });
        run = started;
        started.start();
    }

    /** Stops the source that is loading or capturing; what arrived so far stays shown. */
    public void cancel() {
        if (run != null) {
            run.cancel();
        }
    }

    /** Waits for the current source to finish (tests). */
    public void awaitSource() throws InterruptedException {
        if (run != null) {
            run.join();
        }
    }

    /** Selects frame {@code number} (1-based); 0 or a number outside the capture selects nothing. */
    public void select(int number) {
        selectedFrame.set(number >= 1 && number <= capture.get().size() ? number : 0);
    }

    /** Selects the innermost field covering byte {@code offset} of the selected frame. */
    public void selectByte(int offset) {
        DecodedFrame frame = decodedFrame.get();
        if (frame != null) {
            selectedPart.set(FramePart.at(frame, offset));
        }
    }

    /**
     * Prepares a large capture's trees on the decoder's thread; the frames selected meanwhile are decoded
     * after it there, and once it is done on the UI thread, where a frame takes a millisecond or two.
     */
    private void prepareTrees(Capture whole) {
        if (whole.size() <= preparedApartAbove) {
            return;
        }
        decoder.execute(() -> {
            whole.tree().prepare();
            uiThread.execute(() -> prepared = whole);
        });
    }

    private void decodeSelected() {
        long selection = ++selections;
        int number = selectedFrame.get();
        Capture shown = capture.get();
        if (number < 1 || number > shown.size()) {
            decoding.set(false);
            decodedFrame.set(null);
            selectedPart.set(null);
            return;
        }
        if (shown.size() > preparedApartAbove && shown != prepared) {
            decoding.set(true);
            // The trees still need the whole capture read: the panes follow when the frame is decoded.
            decoder.execute(() -> {
                if (selection != selections) {
                    return;   // another frame was selected meanwhile: that one is decoded instead
                }
                DecodedFrame frame = decode(shown, number);
                uiThread.execute(() -> {
                    if (selection == selections) {
                        show(frame);
                    }
                });
            });
            return;
        }
        show(decode(shown, number));
    }

    /** The decoder reads one frame; the capture adds what needs the whole conversation. */
    private static DecodedFrame decode(Capture shown, int number) {
        org.wirelab.core.fields.CaptureTree tree = shown.tree();
        synchronized (tree) {   // the decoder's thread may be reading a frame selected before the trees were ready
            return tree.frame(number - 1);
        }
    }

    private void show(DecodedFrame frame) {
        decoding.set(false);
        decodedFrame.set(frame);
        selectedPart.set(null);
    }

    /** True while the selected frame waits to be decoded: the panes still show the frame before, or nothing. */
    public javafx.beans.property.ReadOnlyBooleanProperty decodingProperty() {
        return decoding.getReadOnlyProperty();
    }

    /** Whether the frame selected is the one the panes show (a large capture's may still be decoding). */
    public boolean selectionShown() {
        DecodedFrame frame = decodedFrame.get();
        int number = selectedFrame.get();
        return number < 1 || number > capture.get().size() ? frame == null
                : frame != null && frame.number() == number;
    }

    public ReadOnlyObjectProperty<Capture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    public Capture capture() {
        return capture.get();
    }

    public IntegerProperty selectedFrameProperty() {
        return selectedFrame;
    }

    /** The selected frame's field tree, with the TCP numbers relative to its conversation (as Wireshark). */
    public ReadOnlyObjectProperty<DecodedFrame> decodedFrameProperty() {
        return decodedFrame.getReadOnlyProperty();
    }

    public ObjectProperty<FramePart> selectedPartProperty() {
        return selectedPart;
    }

    public IntegerProperty revealedProperty() {
        return revealed;
    }

    public IntegerProperty focusedTcpStreamProperty() {
        return focusedTcpStream;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /**
     * While loading, how many frames are known so far: the frames shown, or more when the source has read
     * further than it has delivered (a long file, read whole before it is analysed).
     */
    public javafx.beans.property.IntegerProperty framesReadProperty() {
        return framesRead;
    }

    /** The pass over every frame that the whole capture's analysis is making; null when none is. */
    public ReadOnlyObjectProperty<AnalysisStep> analysisStepProperty() {
        return analysisStep;
    }

    /** How much of its pass the {@link #analysisStepProperty() analysis step} has made, from 0 to 1. */
    public ReadOnlyDoubleProperty analysisFractionProperty() {
        return analysisFraction;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** What the person should know about the source shown (e.g. a simulation standing in for a live capture). */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    /** The warnings now, for a caller off the FX thread's bindings. */
    public List<String> warningsNow() {
        return List.copyOf(warnings);
    }
}
