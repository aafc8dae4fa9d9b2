package org.wirelab.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.source.FileSource;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** Stepping and predicting, in plain JUnit (the view model needs no window). */
class PlaybackViewModelTest {
    private CaptureViewModel model;
    private PlaybackViewModel playback;

    @BeforeEach
    void openTcpHello() throws InterruptedException {
        model = new CaptureViewModel(Runnable::run);
        playback = new PlaybackViewModel(model);
        model.open(new FileSource(Environment.samples().resolve("tcp-hello.pcap")));
        model.awaitSource();
    }

    @Test
    void stepsRevealAndSelectOneFrameAtATime() {
        assertFalse(playback.inPlayback());

        playback.stepForward();
        playback.stepForward();
        assertEquals(2, model.revealedProperty().get());
        assertEquals(2, model.selectedFrameProperty().get());

        playback.stepBack();
        assertEquals(1, model.revealedProperty().get());
        assertEquals(1, model.selectedFrameProperty().get());

        playback.showAll();
        assertEquals(Integer.MAX_VALUE, model.revealedProperty().get());
    }

    @Test
    void steppingBackFromTheWholeCaptureHidesTheLastFrame() {
        playback.stepBack();
        assertEquals(9, model.revealedProperty().get());
        assertEquals(9, model.selectedFrameProperty().get());
    }

    @Test
    void predictModeMasksTheNextSegmentAndChecksTheGuessAgainstTshark() {
        Tshark.require();
        String[] synAck = Tshark.fields(Environment.samples().resolve("tcp-hello.pcap"),
                List.of("tcp.flags.str", "tcp.seq", "tcp.ack")).get(2);
        playback.predictingProperty().set(true);
        playback.stepForward();
        playback.reveal(new Prediction(Set.of("SYN"), 0L, null));

        playback.stepForward();
        assertEquals(2, playback.maskedFrameProperty().get());
        assertEquals(1, model.revealedProperty().get(), "the masked frame is not revealed yet");
        playback.stepForward();
        assertEquals(1, model.revealedProperty().get(), "no step past a frame waiting for a guess");

        Prediction.Verdict wrongAck = playback.reveal(new Prediction(Set.of("SYN", "ACK"),
                Long.parseLong(synAck[1]), Long.parseLong(synAck[2]) + 1));

        assertTrue(synAck[0].contains("A") && synAck[0].contains("S"), "tshark: SYN and ACK set: " + synAck[0]);
        assertTrue(wrongAck.flagsRight());
        assertTrue(wrongAck.sequenceRight());
        assertFalse(wrongAck.acknowledgementRight());
        assertEquals(Long.parseLong(synAck[2]), wrongAck.actual().acknowledgement());
        assertEquals(0, playback.maskedFrameProperty().get());
        assertEquals(2, model.revealedProperty().get());
        assertEquals(2, model.selectedFrameProperty().get());
    }

    @Test
    void aSegmentWithoutAckHasNoAcknowledgementToGuess() {
        Prediction syn = Prediction.actual(model.capture(), 0);
        assertEquals(Set.of("SYN"), syn.flags());
        assertNull(syn.acknowledgement());
        assertTrue(new Prediction(Set.of("SYN"), 0L, null).check(syn).allRight());
    }

    @Test
    void realTimeIsClampedSoALoopbackHandshakeCanBeSeen() {
        assertEquals(40, Speed.REAL_TIME.delayMillis(13_000));
        assertEquals(1000, Speed.ONE_PER_SECOND.delayMillis(13_000));
        assertEquals(500, Speed.SLOWED.delayMillis(50_000_000));
        assertEquals(3000, Speed.REAL_TIME.delayMillis(60_000_000_000L));
    }
}
