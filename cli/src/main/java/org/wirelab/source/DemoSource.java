package org.wirelab.source;

import java.util.Locale;
import java.util.Optional;
import org.wirelab.capture.live.CaptureProblem;
import org.wirelab.core.scenario.Scenarios;

/**
 * What {@code wirelab demo} shows: a TCP handshake of the lab's programs captured live, or the same
 * exchange simulated when capture is impossible here (and then why, to say so).
 */
public record DemoSource(FrameSource source, Optional<CaptureProblem> whyNotLive) {

    public static DemoSource choose(Optional<CaptureProblem> captureProblem) {
        return choose(captureProblem, Locale.ENGLISH);
    }

    /** The demo whose notices (a lab port moved because another program holds it) are in {@code language}. */
    public static DemoSource choose(Optional<CaptureProblem> captureProblem, Locale language) {
        return captureProblem.isEmpty()
                ? new DemoSource(new LiveScenarioSource(Scenarios.TCP_HELLO, language), Optional.empty())
                : new DemoSource(SimulatedSource.standard(Scenarios.TCP_HELLO), captureProblem);
    }
}
