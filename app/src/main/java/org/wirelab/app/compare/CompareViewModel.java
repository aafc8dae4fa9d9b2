package org.wirelab.app.compare;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.capture.live.CaptureProblem;
import org.wirelab.capture.scenario.LiveWorkloadRunner;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.Workload;
import org.wirelab.core.compare.WorkloadRunner;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.simulator.SimulatedWorkloadRunner;
import org.wirelab.simulator.SimulationOptions;

/**
 * What the Compare tab asks and shows, without JavaFX controls: the workload and where to run it
 * (live on the loopback, or simulated with a delay, a loss rate and a seed), and the last comparison.
 * A run goes on a background thread; its result and any error come back on the FX thread.
 */
public final class CompareViewModel {
    private final IntegerProperty messages = new SimpleIntegerProperty(this, "messages", 50);
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 512);
    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo", true);
    private final BooleanProperty simulated = new SimpleBooleanProperty(this, "simulated", true);
    private final DoubleProperty delayMillis = new SimpleDoubleProperty(this, "delayMillis", 20);
    private final DoubleProperty lossPercent = new SimpleDoubleProperty(this, "lossPercent", 5);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ObjectProperty<Optional<CaptureProblem>> liveProblem =
            new SimpleObjectProperty<>(this, "liveProblem", Optional.empty());
    private final ReadOnlyObjectWrapper<Comparison> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The settings a run's conditions name, worded in a language on demand. */
    private record Conditions(boolean simulated, String delayMillis, String lossPercent, String seed) {
        String text(Locale language) {
            ResourceBundle words = ResourceBundle.getBundle("org.wirelab.app.compare.compare", language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return simulated ? MessageFormat.format(words.getString("compare.conditions.simulated"), delayMillis,
                    lossPercent, seed) : words.getString("compare.conditions.live");
        }
    }

    private Conditions lastConditions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "wirelab-compare");
        thread.setDaemon(true);
        return thread;
    });

    public IntegerProperty messagesProperty() {
        return messages;
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public BooleanProperty echoProperty() {
        return echo;
    }

    /** True: in the simulator; false: live on the loopback, captured. */
    public BooleanProperty simulatedProperty() {
        return simulated;
    }

    public DoubleProperty delayMillisProperty() {
        return delayMillis;
    }

    public DoubleProperty lossPercentProperty() {
        return lossPercent;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Why live capture is impossible here, once {@link #checkLive()} has looked; empty when it is possible. */
    public ObjectProperty<Optional<CaptureProblem>> liveProblemProperty() {
        return liveProblem;
    }

    public ReadOnlyObjectProperty<Comparison> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Where the last comparison ran, in {@code language}: "simulated: delay 10 ms each way, loss 10 %, seed 3"
     * or "live on 127.0.0.1" (the comparison itself keeps the English words).
     */
    public String conditions(Locale language) {
        return lastConditions == null ? "" : lastConditions.text(language);
    }

    /** 10 rather than 10.0, 2.5 as it is. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The last run's error in one line, empty after a good run. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Looks (off the FX thread) whether live capture is possible; if not, says why and chooses the simulator. */
    public void checkLive() {
        worker.execute(() -> {
            Optional<CaptureProblem> problem = CaptureAvailability.check();
            Platform.runLater(() -> {
                liveProblem.set(problem);
                if (problem.isPresent()) {
                    simulated.set(true);
                }
            });
        });
    }

    /** Starts a comparison with the current settings; ignored while one runs. */
    public void run() {
        if (running.get()) {
            return;
        }
        Workload workload;
        try {
            workload = new Workload(messages.get(), size.get(), echo.get() ? Workload.Pattern.ECHO : Workload.Pattern.ONE_WAY);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        boolean simulate = simulated.get();
        SimulationOptions options = simulationOptions();
        Conditions settings = new Conditions(simulate, plain(delayMillis.get()), plain(lossPercent.get()),
                String.valueOf(seed.get()));
        String conditions = settings.text(Locale.ENGLISH);
        lastConditions = settings;
        running.set(true);
        error.set("");
        worker.execute(() -> {
            try {
                WorkloadRunner runner = simulate ? new SimulatedWorkloadRunner(options) : new LiveWorkloadRunner(IpVersion.IPV4);
                Comparison comparison = Comparison.run(workload, conditions, runner);
                Platform.runLater(() -> {
                    result.set(comparison);
                    running.set(false);
                });
            } catch (Exception e) {
                String message = e instanceof LiveWorkloadRunner.LiveCaptureUnavailable unavailable
                        ? unavailable.unavailable().problem().message() : String.valueOf(e.getMessage());
                Platform.runLater(() -> {
                    error.set(message);
                    running.set(false);
                });
            }
        });
    }

    SimulationOptions simulationOptions() {
        SimulationOptions defaults = SimulationOptions.defaults().withSeed(seed.get());
        long delayNanos = Math.round(Math.max(0, delayMillis.get()) * 1_000_000);
        double loss = Math.min(1, Math.max(0, lossPercent.get() / 100));
        return defaults.withLink(defaults.link().withDelay(Duration.ofNanos(delayNanos)).withLoss(loss));
    }
}
