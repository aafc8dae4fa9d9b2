package org.wirelab.cli;

import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;
import picocli.CommandLine.Option;

/**
 * The options that shape a named scenario, shared by every command that runs one ({@code lab run},
 * {@code capture --scenario}, {@code simulate}): sizes for the bulk and burst scenarios, and IPv6.
 */
public final class ScenarioParameters {
    @Option(names = "--bytes", defaultValue = "1000000", description = "tcp-bulk: bytes to send (default: ${DEFAULT-VALUE})")
    private long bytes;

    @Option(names = "--count", defaultValue = "1000", description = "udp-burst: datagrams to send (default: ${DEFAULT-VALUE})")
    private int count;

    @Option(names = "--size", defaultValue = "100", description = "udp-burst: bytes per datagram (default: ${DEFAULT-VALUE})")
    private int size;

    @Option(names = "--ipv6", description = "run on ::1 instead of 127.0.0.1")
    private boolean ipv6;

    /** The scenario called {@code name} with these sizes, or a one-line error naming the scenarios there are. */
    public Scenario scenario(String name) {
        try {
            return Scenarios.named(name, parameters());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The sizes as core's parameters, or a one-line error when one is out of range. */
    public Scenarios.Parameters parameters() {
        try {
            return new Scenarios.Parameters(bytes, count, size);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    public IpVersion ipVersion() {
        return ipv6 ? IpVersion.IPV6 : IpVersion.IPV4;
    }
}
