package org.wirelab.simulator.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.tcp.StateChange;
import org.wirelab.simulator.tcp.TcpConfig;

/**
 * The simulated network: hosts, one-way links between them, the scripted faults, and one capture
 * point. A packet is seen by the capture point when its host sends it (before any link or fault can
 * lose it) and, on another host, when it arrives; a host talking to itself is seen once, as on Linux's
 * {@code lo}. Everything random draws from generators seeded by the run's seed.
 */
public final class Network {
    private static final int FIRST_EPHEMERAL = 32_768;
    private static final int EPHEMERAL_COUNT = 61_000 - 32_768; // Linux's ip_local_port_range

    private final Simulator simulator;
    private final long seed;
    private final SplittableRandom random;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Host> linkFrom = new ArrayList<>();
    private final List<Host> linkTo = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final FaultPlan faults;
    private final List<StateChange> stateChanges = new ArrayList<>();
    private Host captureHost;
    private FrameSink sink;
    private long captureEpochNanos;
    private byte[] frameBuffer = new byte[2048];
    private final int[] frameLength = new int[1];
    private final FrameEncoding.Memory encoderMemory = new FrameEncoding.Memory();
    private int packetsSent;
    private int framesCaptured;
    private long lastCapture;
    private long faultDrops;
    private int[] lostFrames = new int[16];
    private int lostCount;
    private int nextEphemeral;
    private int nextIdentification;

    public Network(Simulator simulator, long seed, List<Fault> faults) {
        this.simulator = simulator;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.faults = new FaultPlan(faults);
        this.nextEphemeral = random.nextInt(EPHEMERAL_COUNT);
        this.nextIdentification = random.nextInt(0x10000);
    }

    public Simulator simulator() {
        return simulator;
    }

    /**
     * The IPv6 flow label Linux gives a packet of a socket that has none of its own (auto_flowlabels):
     * a hash of its addresses, ports and protocol with a secret of the machine (here the run's seed), 20
     * bits (net.ipv6.flowlabel_state_ranges = 0 on this project's machine: the whole range). The same
     * flow always gets the same label; nothing is drawn from the run's random generators.
     */
    public int flowLabel(byte[] source, int sourcePort, byte[] destination, int destinationPort, int protocol) {
        long h = seed * 0x9E3779B97F4A7C15L + protocol;
        for (byte b : source) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        for (byte b : destination) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        h = (h ^ ((long) sourcePort << 16 | destinationPort)) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) (h & 0xfffff);
    }

    /** The generator for ISNs, ports and identifications (links have their own). */
    public SplittableRandom random() {
        return random;
    }

    public Host addHost(String name, byte[] ipv4, byte[] ipv6, TcpConfig config) {
        Host host = new Host(this, name, ipv4, ipv6, config);
        hosts.add(host);
        return host;
    }

    /** Adds the one-way link from {@code from} to {@code to} ({@code from == to}: the host's loopback). */
    public void link(Host from, Host to, LinkConfig config) {
        linkFrom.add(from);
        linkTo.add(to);
        links.add(new Link(simulator, to, config, seed, links.size() + 1));
    }

    /**
     * Captures at {@code host}: every frame it sends and receives goes to {@code frames}, stamped
     * {@code epochNanos} + the virtual time.
     */
    public void capture(Host host, FrameSink frames, long epochNanos) {
        this.captureHost = host;
        this.sink = frames;
        this.captureEpochNanos = epochNanos;
    }

    /** The wall-clock time (ns since 1970) that virtual time 0 stands for: the capture's first timestamps. */
    public long epochNanos() {
        return captureEpochNanos;
    }

    /** A free ephemeral port, network-wide (so that a port pair names one connection). */
    public int ephemeralPort() {
        int port = FIRST_EPHEMERAL + nextEphemeral;
        nextEphemeral = (nextEphemeral + 1) % EPHEMERAL_COUNT;
        return port;
    }

    /** The next IPv4 identification for datagrams outside a connection (Linux shares one counter). */
    public int nextIdentification() {
        int id = nextIdentification;
        nextIdentification = (nextIdentification + 1) & 0xffff;
        return id;
    }

    public List<StateChange> stateChanges() {
        return List.copyOf(stateChanges);
    }

    public void stateChanged(StateChange change) {
        stateChanges.add(change);
    }

    /** Packets the hosts have sent. */
    public int packetsSent() {
        return packetsSent;
    }

    /** The virtual time of the last frame captured. */
    public long lastCaptureNanos() {
        return lastCapture;
    }

    public int framesCaptured() {
        return framesCaptured;
    }

    /** Packets lost to random loss, full queues and scripted faults. */
    public long packetsLost() {
        long lost = faultDrops;
        for (Link link : links) {
            lost += link.lost();
        }
        return lost;
    }

    /** The IP datagram of a packet (its frame without the Ethernet header), as an ICMP error quotes it. */
    public byte[] encodeDatagram(Packet packet) {
        byte[] frame = FrameEncoding.encode(packet);
        return Arrays.copyOfRange(frame, 14, frame.length);
    }

    void transmit(Host from, Packet packet) {
        int number = ++packetsSent;
        int frame = 0;
        if (from == captureHost) {
            capture(packet);
            frame = framesCaptured;
        }
        FaultPlan.Effect effect = faults.effect(packet, number, simulator.now());
        if (effect.drop()) {
            faultDrops++;
            lostOnTheWay(frame);
            return;
        }
        Host to = route(packet.destination);
        if (to == null) {
            return; // no such host: the packet vanishes
        }
        Link link = linkBetween(from, to);
        if (link == null) {
            throw new IllegalStateException("no link from " + from + " to " + to);
        }
        if (!link.carry(packet, FrameEncoding.length(packet), effect.holdNanos(), effect.copyAfterNanos())) {
            lostOnTheWay(frame);
        }
    }

    /** Remembers that captured frame {@code frame} (0: not captured) never reached its receiver. */
    private void lostOnTheWay(int frame) {
        if (frame == 0) {
            return;
        }
        if (lostCount == lostFrames.length) {
            lostFrames = Arrays.copyOf(lostFrames, 2 * lostCount);
        }
        lostFrames[lostCount++] = frame;
    }

    /**
     * The numbers (1-based, ascending) of the captured frames the network lost after the capture saw
     * them leave: a capture at the sender shows them, but the receiver never got them.
     */
    public int[] lostFrames() {
        return Arrays.copyOf(lostFrames, lostCount);
    }

    void arrived(Host at, Packet packet) {
        if (at == captureHost && !captureHost.owns(packet.source)) {
            capture(packet);
        }
    }

    private void capture(Packet packet) {
        if (sink == null) {
            return;
        }
        frameBuffer = FrameEncoding.encodeInto(packet, frameBuffer, frameLength, encoderMemory);
        framesCaptured++;
        lastCapture = simulator.now();
        try {
            sink.frame(captureEpochNanos + simulator.now(), frameBuffer, frameLength[0], packet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Host route(byte[] destination) {
        for (Host host : hosts) {
            if (host.owns(destination)) {
                return host;
            }
        }
        return null;
    }

    private Link linkBetween(Host from, Host to) {
        for (int i = 0; i < links.size(); i++) {
            if (linkFrom.get(i) == from && linkTo.get(i) == to) {
                return links.get(i);
            }
        }
        return null;
    }
}
