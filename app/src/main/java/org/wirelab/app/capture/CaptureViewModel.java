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
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final javafx.beans.property.IntegerProperty framesRead = new javafx.beans.property.SimpleIntegerProperty(this, "framesRead");
    private final ObjectProperty<AnalysisStep> analysisStep = new SimpleObjectProperty<>(this, "analysisStep");
    private final DoubleProperty analysisFraction = new SimpleDoubleProperty(this, "analysisFraction");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private SourceRun run;

    public CaptureViewModel(Executor uiThread) {
        this.uiThread = uiThread;
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

    private void decodeSelected() {
        int number = selectedFrame.get();
        Capture shown = capture.get();
        if (number < 1 || number > shown.size()) {
            decodedFrame.set(null);
            selectedPart.set(null);
            return;
        }
        // The decoder reads one frame; the capture adds what needs the whole conversation.
        DecodedFrame frame = shown.tree().frame(number - 1);
        decodedFrame.set(frame);
        selectedPart.set(null);
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
