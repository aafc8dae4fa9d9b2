package org.wirelab.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wirelab.app.capture.CaptureViewModel;
import org.wirelab.source.FileSource;
import org.wirelab.core.testing.Environment;

/** Predict mode's score: parts guessed right out of parts asked, kept across captures, exported for Moodle. */
class PredictScoreTest {

    @Test
    void eachRightPartScoresAndTheScoreIsExportedAsMoodleReadsIt() throws Exception {
        CaptureViewModel model = new CaptureViewModel(Runnable::run);
        PlaybackViewModel playback = new PlaybackViewModel(model);
        model.open(new FileSource(Environment.samples().resolve("tcp-hello.pcap")));
        model.awaitSource();
        playback.predictingProperty().set(true);

        playback.stepForward();
        playback.reveal(new Prediction(Set.of("SYN"), 0L, null));           // all three right
        playback.stepForward();
        playback.reveal(new Prediction(Set.of("SYN", "ACK"), 0L, 2L));       // the Ack is 1: two right
        assertEquals(5, playback.scoreProperty().get());
        assertEquals(6, playback.possibleProperty().get());

        model.open(new FileSource(Environment.samples().resolve("udp-echo.pcap")));
        model.awaitSource();
        assertEquals(5, playback.scoreProperty().get(), "the score is the session's, not the capture's");

        assertEquals("Email address,\"Predict, TCP\"\njeanne.martin@iut.example,5\n",
                playback.scoreCsv("Predict, TCP", " jeanne.martin@iut.example "));
    }
}
