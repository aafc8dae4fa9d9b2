package org.wirelab.app.source;

import org.wirelab.app.i18n.Messages;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.capture.scenario.RunOptions;
import org.wirelab.capture.scenario.ScenarioCapture;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;

/**
 * One of the lab's scenarios run for real on the loopback by the lab's programs while it is captured:
 * frames appear as the exchange happens. Needs libpcap and the right to capture; without them it ends
 * at once with the capture module's message saying what is missing.
 */
public record LiveScenarioSource(String scenarioName) implements FrameSource {

    @Override
    public String title() {
        return "live: " + scenarioName;
    }

    @Override
    public String title(Messages messages) {
        return messages.get("source.live", scenarioName);
    }

    @Override
    public void run(FrameFeed feed) throws Exception {
        Scenario scenario = Scenarios.named(scenarioName, Scenarios.Parameters.DEFAULTS);
        try (LiveCapture capture = ScenarioCapture.open(scenario)) {
            ScenarioCapture.run(capture, scenario, RunOptions.defaults(), feed::frame);
        } catch (CaptureUnavailableException e) {
            throw new Exception(e.problem().message(), e);
        }
    }
}
