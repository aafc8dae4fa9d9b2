package org.wirelab.source;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.capture.scenario.RunOptions;
import org.wirelab.capture.scenario.ScenarioCapture;
import org.wirelab.capture.scenario.TakenPorts;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;

/**
 * One of the lab's scenarios run for real on the loopback by the lab's programs while it is captured:
 * frames appear as the exchange happens. A lab port another program holds (a student's server on 3000)
 * is swapped for a free one, with a warning saying so in {@code language}. Needs libpcap and the right
 * to capture; without them it ends at once with the capture module's message saying what is missing.
 * A run that fails or captures nothing ends with an error, never as an empty success.
 */
public record LiveScenarioSource(String scenarioName, Locale language) implements FrameSource {

    /** In English (tests, and callers without a window). */
    public LiveScenarioSource(String scenarioName) {
        this(scenarioName, Locale.ENGLISH);
    }

    @Override
    public String title() {
        return "live: " + scenarioName;
    }

    @Override
    public String title(Locale shownIn) {
        return SourceWords.in(shownIn).get("source.live", scenarioName);
    }

    @Override
    public String settings(Locale shownIn) {
        Scenario scenario = Scenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS);
        return SourceWords.in(shownIn).get("save.live", title(shownIn), scenario.summary());
    }

    @Override
    public void run(FrameFeed feed) throws Exception {
        TakenPorts ports = TakenPorts.avoid(Scenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS), IpVersion.IPV4);
        if (ports.any()) {
            feed.warn(ports.sentence(language));
        }
        Scenario scenario = ports.scenario();
        SourceWords words = SourceWords.in(language);
        AtomicInteger frames = new AtomicInteger();
        try (LiveCapture capture = ScenarioCapture.open(scenario)) {
            ScenarioCapture.CapturedRun run = ScenarioCapture.run(capture, scenario, RunOptions.defaults(),
                    (timestamp, linkType, bytes, offset, captured, original) -> {
                        frames.incrementAndGet();
                        feed.frame(timestamp, linkType, bytes, offset, captured, original);
                    });
            if (!run.log().succeeded()) {
                throw new Exception(words.get("live.failed", scenarioName, run.log().failures().get(0).text()));
            }
            if (frames.get() == 0) {
                throw new Exception(words.get("live.nothing", scenarioName, scenario.captureFilter()));
            }
        } catch (CaptureUnavailableException e) {
            throw new Exception(CaptureProblemText.impossible(e.problem(), language), e);
        }
    }
}
