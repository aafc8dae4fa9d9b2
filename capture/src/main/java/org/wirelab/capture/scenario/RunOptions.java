package org.wirelab.capture.scenario;

import java.time.Duration;
import java.util.function.Consumer;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.ScenarioLog;

/**
 * How {@link ScenarioRunner} runs a scenario: on which loopback, how long a waiting step may wait
 * before it fails, and who hears each log entry as it happens (a progress printer, a capture that
 * wants to mark events), besides the log returned at the end.
 */
public record RunOptions(IpVersion ipVersion, Duration stepTimeout, Consumer<ScenarioLog.Entry> listener) {
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);

    public RunOptions {
        if (ipVersion == null) {
            throw new IllegalArgumentException("ipVersion is required");
        }
        if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("a step timeout is positive: " + stepTimeout);
        }
        listener = listener == null ? entry -> { } : listener;
    }

    /** IPv4 (127.0.0.1), {@link #DEFAULT_STEP_TIMEOUT}, nobody listening. */
    public static RunOptions defaults() {
        return new RunOptions(IpVersion.IPV4, DEFAULT_STEP_TIMEOUT, null);
    }

    public RunOptions withIpVersion(IpVersion version) {
        return new RunOptions(version, stepTimeout, listener);
    }

    public RunOptions withStepTimeout(Duration timeout) {
        return new RunOptions(ipVersion, timeout, listener);
    }

    public RunOptions withListener(Consumer<ScenarioLog.Entry> entryListener) {
        return new RunOptions(ipVersion, stepTimeout, entryListener);
    }
}
