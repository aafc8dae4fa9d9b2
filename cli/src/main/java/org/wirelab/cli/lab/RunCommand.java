package org.wirelab.cli.lab;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.wirelab.capture.scenario.FreePorts;
import org.wirelab.capture.scenario.RunOptions;
import org.wirelab.capture.scenario.ScenarioRunner;
import org.wirelab.cli.ScenarioNames;
import org.wirelab.cli.ScenarioParameters;
import org.wirelab.cli.UserError;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirelab lab run SCENARIO}: runs a scenario on the loopback, without capture, and prints what each side did. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario on this machine's loopback (no capture) and prints what each side did.",
            "Scenarios: tcp-hello, udp-echo, chat, http-get, tcp-refused, tcp-bulk, udp-burst."})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "one of: ${COMPLETION-CANDIDATES}",
            completionCandidates = ScenarioNames.class)
    private String name;

    @Mixin
    private ScenarioParameters parameters;

    @Option(names = "--free-ports", description = "use free ports instead of the lab's (3000, 9090, ...), e.g. when a server already holds them")
    private boolean freePorts;

    @Override
    public Integer call() {
        Scenario scenario = parameters.scenario(name);
        IpVersion version = parameters.ipVersion();
        if (freePorts) {
            scenario = FreePorts.remap(scenario, version);
        }
        // The scenario log is the record the checks read: English, whatever the system speaks.
        Console console = new Console(spec, Locale.ENGLISH);
        console.accept(scenario.name() + ": " + scenario.summary() + " (" + scenario.captureFilter() + ", "
                + version.loopback() + ")");
        int width = scenario.actors().stream().mapToInt(String::length).max().orElse(0);
        ScenarioLog log = ScenarioRunner.run(scenario, RunOptions.defaults().withIpVersion(version)
                .withListener(entry -> console.accept(ScenarioLog.line(entry, width))));
        if (!log.succeeded()) {
            throw new UserError("scenario " + scenario.name() + " did not go as described: " + log.failures().get(0).text());
        }
        return 0;
    }

}
