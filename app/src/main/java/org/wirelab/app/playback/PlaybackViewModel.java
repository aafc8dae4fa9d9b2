package org.wirelab.app.playback;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.wirelab.source.Capture;
import org.wirelab.app.capture.CaptureViewModel;

/**
 * Teaching playback: frames are revealed one by one (step forward and back, or play at a chosen
 * speed) and every view shows only the frames revealed, with the last one selected. In predict mode
 * a TCP segment is not revealed until the student has guessed its flags and numbers: it stays
 * {@link #maskedFrameProperty() masked} (the ladder draws its arrow without labels) until
 * {@link #reveal(Prediction)}.
 */
public final class PlaybackViewModel {
    private final CaptureViewModel model;
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.ONE_PER_SECOND);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final BooleanProperty predicting = new SimpleBooleanProperty(this, "predicting");
    private final IntegerProperty maskedFrame = new SimpleIntegerProperty(this, "maskedFrame", 0);
    private final ObjectProperty<Prediction.Verdict> verdict = new SimpleObjectProperty<>(this, "verdict");
    /** The session's score: parts guessed right (flags, Seq, Ack) out of the parts asked, whatever the capture. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper score = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "score");
    private final javafx.beans.property.ReadOnlyIntegerWrapper possible = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "possible");
    private PauseTransition timer;

    public PlaybackViewModel(CaptureViewModel model) {
        this.model = model;
        model.captureProperty().addListener((o, was, capture) -> {
            if (was == null || !was.title().equals(capture.title())) {
                stopPlaying();
                maskedFrame.set(0);
                verdict.set(null);
            }
        });
        predicting.addListener((o, was, on) -> {
            if (!on) {
                maskedFrame.set(0);
            }
        });
    }

    /** How many frames are shown: all of them outside playback. */
    private int revealed() {
        return Math.min(model.revealedProperty().get(), model.capture().size());
    }

    public boolean inPlayback() {
        return model.revealedProperty().get() < Integer.MAX_VALUE;
    }

    /** Reveals the next frame (or, in predict mode, masks it and waits for the student's guess). */
    public void stepForward() {
        Capture capture = model.capture();
        if (maskedFrame.get() != 0) {
            return;
        }
        int shown = inPlayback() ? revealed() : 0;
        if (!inPlayback()) {
            model.revealedProperty().set(0);
            model.select(0);
        }
        if (shown >= capture.size()) {
            stopPlaying();
            return;
        }
        verdict.set(null);
        if (predicting.get() && Prediction.predictable(capture, shown)) {
            maskedFrame.set(shown + 1);
            stopPlaying();
            return;
        }
        show(shown + 1);
    }

    /** Hides the last frame revealed. */
    public void stepBack() {
        stopPlaying();
        maskedFrame.set(0);
        verdict.set(null);
        if (!inPlayback()) {
            model.revealedProperty().set(model.capture().size());
        }
        show(Math.max(0, revealed() - 1));
    }

    /** The student's guess for the masked frame: reveals it and says what was right. */
    public Prediction.Verdict reveal(Prediction guess) {
        int number = maskedFrame.get();
        if (number == 0) {
            throw new IllegalStateException("no frame is waiting for a prediction");
        }
        Prediction.Verdict result = guess.check(Prediction.actual(model.capture(), number - 1));
        score.set(score.get() + result.partsRight());
        possible.set(possible.get() + Prediction.Verdict.PARTS);
        verdict.set(result);
        maskedFrame.set(0);
        show(number);
        return result;
    }

    /** Leaves playback: every frame shown again. */
    public void showAll() {
        stopPlaying();
        maskedFrame.set(0);
        verdict.set(null);
        model.revealedProperty().set(Integer.MAX_VALUE);
    }

    public void togglePlay() {
        if (playing.get()) {
            stopPlaying();
        } else {
            play();
        }
    }

    public void play() {
        if (maskedFrame.get() != 0) {
            return;
        }
        if (inPlayback() && revealed() >= model.capture().size()) {
            model.revealedProperty().set(0);
        }
        playing.set(true);
        scheduleNext();
    }

    public void stopPlaying() {
        playing.set(false);
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }

    private void scheduleNext() {
        Capture capture = model.capture();
        int next = inPlayback() ? revealed() : 0;
        if (!playing.get() || next >= capture.size()) {
            stopPlaying();
            return;
        }
        long gap = next == 0 ? 0 : capture.frames().timestampNanos(next) - capture.frames().timestampNanos(next - 1);
        timer = new PauseTransition(Duration.millis(next == 0 ? 1 : speed.get().delayMillis(gap)));
        timer.setOnFinished(e -> {
            stepForward();
            scheduleNext();
        });
        timer.play();
    }

    private void show(int count) {
        model.revealedProperty().set(count);
        model.select(count);
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public BooleanProperty predictingProperty() {
        return predicting;
    }

    /** The frame number whose flags and numbers the student must guess now, 0 when none. */
    public IntegerProperty maskedFrameProperty() {
        return maskedFrame;
    }

    public javafx.beans.property.ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty possibleProperty() {
        return possible.getReadOnlyProperty();
    }

    /** The session's score as Moodle's grade import reads it, for the student with {@code email}. */
    public String scoreCsv(String gradeItem, String email) {
        return org.wirelab.core.quiz.MoodleGrades.csv(gradeItem, email, score.get());
    }

    public ObjectProperty<Prediction.Verdict> verdictProperty() {
        return verdict;
    }
}
