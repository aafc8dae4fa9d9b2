package org.wirelab.capture.scenario;

import java.io.IOException;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.core.compare.RecordedRun;
import org.wirelab.core.compare.WorkloadRunner;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;

/**
 * Runs each scenario of a comparison live: on free ports of the loopback, captured from before its
 * first frame to after its last ({@link ScenarioCapture}).
 */
public final class LiveWorkloadRunner implements WorkloadRunner {
    private final IpVersion version;

    public LiveWorkloadRunner(IpVersion version) {
        this.version = version;
    }

    /**
     * @throws LiveCaptureUnavailable when capture is impossible here (its problem says why), before anything runs
     */
    @Override
    public RecordedRun run(Scenario scenario) throws IOException {
        Scenario onFreePorts = FreePorts.remap(scenario, version);
        FrameStore frames = new FrameStore();
        try (LiveCapture capture = ScenarioCapture.open(onFreePorts)) {
            ScenarioCapture.CapturedRun run = ScenarioCapture.run(capture, onFreePorts,
                    RunOptions.defaults().withIpVersion(version), FrameSink.into(frames));
            return new RecordedRun(frames, run.log());
        } catch (CaptureUnavailableException e) {
            throw new LiveCaptureUnavailable(e);
        }
    }

    /** Capture is impossible here: an IOException for the comparison, carrying the capture's problem. */
    public static final class LiveCaptureUnavailable extends IOException {
        private final transient CaptureUnavailableException cause;

        LiveCaptureUnavailable(CaptureUnavailableException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }

        public CaptureUnavailableException unavailable() {
            return cause;
        }
    }
}
