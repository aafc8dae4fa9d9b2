package org.wirelab.capture.scenario;

import java.io.IOException;
import java.time.Duration;
import org.wirelab.capture.live.CaptureSettings;
import org.wirelab.capture.live.CaptureStatistics;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;

/**
 * Runs a {@link Scenario} on the loopback while capturing it: the capture is open and proven live
 * before the first step (so the first SYN is in it), and stopped only once every socket of the run is
 * closed and a short grace period has passed (so both FIN/ACK exchanges are in it).
 *
 * <pre>{@code
 * try (LiveCapture capture = ScenarioCapture.open(scenario)) {
 *     FrameStore frames = new FrameStore();
 *     CapturedRun run = ScenarioCapture.run(capture, scenario, RunOptions.defaults(), FrameSink.into(frames));
 * }
 * }</pre>
 */
public final class ScenarioCapture {
    /**
     * After the run, the kernel may still owe the last ACK of a teardown (it answers a FIN in the
     * softirq of its arrival, a few microseconds later); a short pause makes that certain even on a
     * loaded machine. {@link LiveCapture#stop()} then drains what libpcap has queued.
     */
    public static final Duration GRACE = Duration.ofMillis(100);

    private ScenarioCapture() {
    }

    /** What a captured run did: each side's log and what libpcap saw. */
    public record CapturedRun(ScenarioLog log, CaptureStatistics statistics) {
    }

    /**
     * Opens lo with the scenario's own filter ({@link Scenario#captureFilter()}), so that a missing
     * libpcap or privilege shows before anything runs; the caller then knows the link type of the frames.
     *
     * @throws CaptureUnavailableException when libpcap or the privilege is missing, with the message to show
     */
    public static LiveCapture open(Scenario scenario) throws CaptureUnavailableException, IOException {
        return LiveCapture.open(CaptureSettings.of(CaptureSettings.LOOPBACK, scenario.captureFilter()));
    }

    /**
     * Starts {@code capture} into {@code sink}, runs the scenario, waits {@link #GRACE} and stops the
     * capture: when this returns, every frame of the run has reached the sink (on the capture thread).
     *
     * @throws IOException when the capture failed to start or the sink failed
     */
    public static CapturedRun run(LiveCapture capture, Scenario scenario, RunOptions options, FrameSink sink)
            throws IOException {
        capture.start(sink);
        ScenarioLog log = ScenarioRunner.run(scenario, options);
        pause(GRACE);
        return new CapturedRun(log, capture.stop());
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the last frames of the run", e);
        }
    }
}
