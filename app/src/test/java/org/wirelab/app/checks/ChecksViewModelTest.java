package org.wirelab.app.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.app.i18n.Messages;
import org.wirelab.source.FileSource;
import org.wirelab.core.check.Check;
import org.wirelab.core.check.LabStep;
import org.wirelab.core.testing.Environment;

/** The Checks pane's state, without a window: the step a capture suggests, the checks, the selection. */
class ChecksViewModelTest {

    private static CaptureViewModel opened(String sample) throws InterruptedException {
        CaptureViewModel capture = new CaptureViewModel(Runnable::run);
        capture.open(new FileSource(Environment.samples().resolve(sample)));
        capture.awaitSource();
        return capture;
    }

    @Test
    void aChatCaptureIsCheckedAsTheChatStepOnItsPortAndAClickSelectsTheFrame() throws Exception {
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        CaptureViewModel capture = new CaptureViewModel(Runnable::run);
        ChecksViewModel checks = new ChecksViewModel(capture, messages);
        checks.showingProperty().set(true);
        capture.open(new FileSource(Environment.samples().resolve("scenarios/chat.pcap")));
        capture.awaitSource();
        assertEquals(LabStep.CHAT, checks.stepProperty().get());
        assertEquals(9090, checks.portProperty().get());
        assertEquals(11, checks.checks().size());
        assertEquals("Verdict: step not done right yet (2 of 11 checks failed)", checks.verdictProperty().get());
        assertFalse(checks.passedProperty().get());
        Check reset = checks.checks().get(10);
        assertTrue(reset.detail().startsWith("the client aborted its connection with a RST (frame 50)"), reset.detail());
        checks.select(reset);
        assertEquals(50, capture.selectedFrameProperty().get());

        messages.localeProperty().set(Locale.FRENCH);
        assertEquals("Bilan : étape à reprendre (2 vérifications sur 11 en échec)", checks.verdictProperty().get());
    }

    @Test
    void nothingIsWorkedOutUntilThePaneShowsAndAnExerciseChoosesTheStep() throws Exception {
        Messages messages = new Messages();
        CaptureViewModel capture = new CaptureViewModel(Runnable::run);
        ChecksViewModel checks = new ChecksViewModel(capture, messages);
        checks.checkNext(LabStep.TCP, 3999);
        capture.open(new FileSource(Environment.samples().resolve("scenarios/tcp-refused.pcap")));
        capture.awaitSource();
        assertTrue(checks.checks().isEmpty(), "hidden: nothing checked");
        checks.showingProperty().set(true);
        assertEquals(LabStep.TCP, checks.stepProperty().get());
        assertEquals(3999, checks.portProperty().get(), "the exercise's port, not a guess");
        assertTrue(checks.checks().get(0).detail().startsWith("connection refused"), checks.checks().get(0).detail());
        checks.chooseStep(LabStep.UDP);
        assertEquals(3000, checks.portProperty().get());
        assertTrue(checks.checks().get(0).detail().startsWith("no UDP datagram to port 3000"));
    }
}
