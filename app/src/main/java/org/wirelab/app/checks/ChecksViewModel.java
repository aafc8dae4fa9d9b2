package org.wirelab.app.checks;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.check.Check;
import org.wirelab.core.check.CheckReport;
import org.wirelab.core.check.LabChecks;
import org.wirelab.core.check.LabStep;

/**
 * The Checks pane's state: which lab step is checked on which port, and the checks of the capture
 * shown (as {@code wirelab check}), in the window's language. Checks are worked out only while the
 * pane shows, so a large capture costs nothing until someone looks. A new capture gets the step its
 * traffic suggests, unless an exercise said which step to check.
 */
public final class ChecksViewModel {
    private final CaptureViewModel capture;
    private final Messages messages;
    private final ObjectProperty<LabStep> step = new SimpleObjectProperty<>(this, "step", LabStep.TCP);
    private final IntegerProperty port = new SimpleIntegerProperty(this, "port", LabStep.TCP.defaultPort());
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final BooleanProperty passed = new SimpleBooleanProperty(this, "passed");
    private Capture checked;
    private boolean stepChosenForNextCapture;
    /** The capture (by its title) whose step is settled: guessed from its traffic, or chosen. */
    private String settledFor;

    public ChecksViewModel(CaptureViewModel capture, Messages messages) {
        this.capture = capture;
        this.messages = messages;
        capture.captureProperty().addListener((o, was, now) -> {
            if (was != null && (!was.title().equals(now.title()) || now.size() < was.size())) {
                settledFor = null;
            }
            settleStep(now);
            refresh();
        });
        step.addListener((o, was, now) -> refresh());
        port.addListener((o, was, now) -> refresh());
        showing.addListener((o, was, now) -> refresh());
        messages.localeProperty().addListener(o -> {
            checked = null;
            refresh();
        });
    }

    /** The step and port an exercise checks: kept for the capture it opens next. */
    public void checkNext(LabStep chosenStep, int chosenPort) {
        stepChosenForNextCapture = true;
        step.set(chosenStep);
        port.set(chosenPort);
    }

    /** Selects the first frame {@code check} is about. */
    public void select(Check check) {
        if (check != null && !check.frames().isEmpty()) {
            capture.select(check.frames().get(0));
        }
    }

    /** Chooses {@code newStep} with its lab port. */
    public void chooseStep(LabStep newStep) {
        step.set(newStep);
        port.set(newStep.defaultPort());
    }

    public ObjectProperty<LabStep> stepProperty() {
        return step;
    }

    public IntegerProperty portProperty() {
        return port;
    }

    /** True while the pane is on screen; set by the view. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public ObservableList<Check> checks() {
        return checks;
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public BooleanProperty passedProperty() {
        return passed;
    }

    private void refresh() {
        Capture shown = capture.capture();
        if (!showing.get() || shown == null) {
            return;
        }
        if (port.get() < 1 || port.get() > 65_535) {
            checks.clear();
            verdict.set(messages.get("checks.badPort"));
            return;
        }
        checked = shown;
        CheckReport report = LabChecks.run(shown.analysis(), step.get(), port.get(), messages.locale());
        checks.setAll(report.checks());
        passed.set(report.passed());
        String text = LabChecks.text(report, messages.locale()).strip();
        verdict.set(text.substring(text.lastIndexOf('\n') + 1));
    }

    /**
     * Settles the step of a capture once: the one an exercise chose, else the one its traffic suggests
     * as soon as it has any (a capture arrives in parts: the first may be empty).
     */
    private void settleStep(Capture now) {
        if (settledFor != null) {
            return;
        }
        if (stepChosenForNextCapture) {
            stepChosenForNextCapture = false;
            settledFor = now.title();
            return;
        }
        if (guessStep(now)) {
            settledFor = now.title();
        }
    }

    /**
     * The lab step a capture's traffic suggests: the chat port, else a TCP connection (the lab's port
     * first), else a UDP flow; the server's port with it. False when the capture has no conversation yet.
     */
    private boolean guessStep(Capture now) {
        CaptureAnalysis analysis = now.analysis();
        ConversationIndex index = analysis.conversations();
        int tcpPort = -1;
        for (int s = 0; s < index.tcpStreamCount(); s++) {
            int server = index.tcpConversation(s).server().port();
            if (server == LabStep.CHAT.defaultPort() || server == LabStep.TCP.defaultPort()) {
                setStep(server == LabStep.CHAT.defaultPort() ? LabStep.CHAT : LabStep.TCP, server);
                return true;
            }
            tcpPort = tcpPort < 0 ? server : tcpPort;
        }
        if (tcpPort > 0) {
            setStep(LabStep.TCP, tcpPort);
        } else if (index.udpStreamCount() > 0) {
            setStep(LabStep.UDP, index.udpConversation(0).server().port());
        } else {
            return false;
        }
        return true;
    }

    private void setStep(LabStep newStep, int newPort) {
        step.set(newStep);
        port.set(newPort);
    }
}
