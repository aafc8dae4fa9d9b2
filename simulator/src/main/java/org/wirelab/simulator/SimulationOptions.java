package org.wirelab.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.net.LinkConfig;
import org.wirelab.simulator.scenario.ReaderPace;
import org.wirelab.simulator.tcp.KeepAlive;
import org.wirelab.simulator.tcp.TcpConfig;

/**
 * How a scenario is simulated: over IPv4 or IPv6, what the link does in each direction, the TCP's
 * tunables, the scripted faults, the seed of every random draw, how long (in virtual time) a waiting
 * step may wait, the wall-clock date the capture's timestamps start from, and how fast the simulated
 * sink server reads ({@code readerPace}, null: as fast as data comes), and whether the clients turn
 * keep-alive on ({@code clientKeepAlive}, null: off as by default).
 */
public record SimulationOptions(IpVersion ipVersion, long seed, LinkConfig link, TcpConfig tcp, List<Fault> faults,
        Duration stepTimeout, Instant start, ReaderPace readerPace, KeepAlive clientKeepAlive) {

    /**
     * Virtual time a waiting step may wait: longer than a connection takes to give up on its own (Linux:
     * about 15 minutes of retransmissions) and than a 1 GB transfer at 1% loss (about 35 minutes). It
     * costs nothing when nothing happens: a run whose network falls silent ends at once.
     */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofHours(2);
    /** A fixed date, so that the same seed gives the same bytes, timestamps included. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T08:00:00Z");

    public SimulationOptions {
        if (ipVersion == null || link == null || tcp == null) {
            throw new IllegalArgumentException("ipVersion, link and tcp are required");
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
        if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("a step timeout is positive: " + stepTimeout);
        }
        if (start == null || start.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("the capture starts after 1970: " + start);
        }
    }

    /** Linux's loopback: no loss, no limit, and a few microseconds for the kernel to pass a packet on. */
    public static final LinkConfig LOOPBACK = LinkConfig.PERFECT.withDelay(Duration.ofNanos(5_000));

    /** IPv4, seed 1, {@link #LOOPBACK}, Linux's TCP, no fault. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(IpVersion.IPV4, 1, LOOPBACK, TcpConfig.linux(), List.of(),
                DEFAULT_STEP_TIMEOUT, DEFAULT_START, null, null);
    }

    public SimulationOptions withIpVersion(IpVersion value) {
        return new SimulationOptions(value, seed, link, tcp, faults, stepTimeout, start, readerPace, clientKeepAlive);
    }

    public SimulationOptions withSeed(long value) {
        return new SimulationOptions(ipVersion, value, link, tcp, faults, stepTimeout, start, readerPace, clientKeepAlive);
    }

    public SimulationOptions withLink(LinkConfig value) {
        return new SimulationOptions(ipVersion, seed, value, tcp, faults, stepTimeout, start, readerPace, clientKeepAlive);
    }

    public SimulationOptions withTcp(TcpConfig value) {
        return new SimulationOptions(ipVersion, seed, link, value, faults, stepTimeout, start, readerPace, clientKeepAlive);
    }

    public SimulationOptions withFaults(List<Fault> value) {
        return new SimulationOptions(ipVersion, seed, link, tcp, value, stepTimeout, start, readerPace, clientKeepAlive);
    }

    public SimulationOptions withReaderPace(ReaderPace value) {
        return new SimulationOptions(ipVersion, seed, link, tcp, faults, stepTimeout, start, value, clientKeepAlive);
    }

    public SimulationOptions withStepTimeout(Duration value) {
        return new SimulationOptions(ipVersion, seed, link, tcp, faults, value, start, readerPace, clientKeepAlive);
    }

    /** The clients' sockets turn keep-alive on once connected, as the reference's client does (null: off). */
    public SimulationOptions withClientKeepAlive(KeepAlive value) {
        return new SimulationOptions(ipVersion, seed, link, tcp, faults, stepTimeout, start, readerPace, value);
    }
}
