package org.wirelab.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * A named, reproducible exchange: steps that say who listens, who connects, sends what, reads what and
 * closes when. It holds no addresses and no sockets, so the capture module runs it on real loopback
 * sockets and the simulator on simulated hosts, from the same description.
 */
public record Scenario(String name, String summary, List<Step> steps) {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario has a name");
        }
        summary = summary == null ? "" : summary;
        steps = List.copyOf(steps);
        checkActors(steps);
    }

    /** Every port the scenario's traffic uses, in port order: what a capture filter must let through. */
    public List<PortUse> ports() {
        return List.copyOf(steps.stream().flatMap(step -> step.ports().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** A libpcap filter that matches the scenario's traffic and nothing else: {@code tcp port 3000 or ...}. */
    public String captureFilter() {
        return ports().stream().map(use -> use.transport().filterName() + " port " + use.port())
                .collect(Collectors.joining(" or "));
    }

    /** The actors in the order they first appear. */
    public List<String> actors() {
        Set<String> actors = new LinkedHashSet<>();
        for (Step step : steps) {
            if (step.actor() != null) {
                actors.add(step.actor());
            }
            if (step instanceof Step.Connect connect) {
                actors.add(connect.server());
            }
        }
        return List.copyOf(actors);
    }

    /**
     * The same scenario with every port {@code p} replaced by {@code remap(p)}: runs side by side (tests,
     * a busy default port) use free ports instead of the lab's.
     */
    public Scenario withPorts(IntUnaryOperator remap) {
        List<Step> remapped = new ArrayList<>(steps.size());
        for (Step step : steps) {
            remapped.add(withPort(step, remap));
        }
        return new Scenario(name, summary, remapped);
    }

    private static Step withPort(Step step, IntUnaryOperator remap) {
        if (step instanceof Step.Serve serve) {
            return new Step.Serve(serve.actor(), serve.service(), remap.applyAsInt(serve.port()));
        }
        if (step instanceof Step.Connect connect) {
            return new Step.Connect(connect.actor(), connect.server(), remap.applyAsInt(connect.port()), connect.expected());
        }
        if (step instanceof Step.UdpSend send) {
            return new Step.UdpSend(send.actor(), send.server(), remap.applyAsInt(send.port()), send.payload(), send.count());
        }
        if (step instanceof Step.HttpGet get) {
            return new Step.HttpGet(get.actor(), get.server(), remap.applyAsInt(get.port()), get.path());
        }
        return step;
    }

    /**
     * Rejects descriptions no executor could run: a client using a connection it never opened, a
     * server awaited that never started, a reply awaited on a UDP socket that never sent.
     */
    private static void checkActors(List<Step> steps) {
        Set<String> servers = new HashSet<>();
        Set<String> connected = new HashSet<>();
        Set<String> udpClients = new HashSet<>();
        for (Step step : steps) {
            if (step instanceof Step.Serve serve && !servers.add(serve.actor())) {
                throw new IllegalArgumentException(serve.actor() + " already serves");
            } else if (step instanceof Step.Connect connect) {
                if (connect.expected() == ConnectResult.ESTABLISHED && !connected.add(connect.actor())) {
                    throw new IllegalArgumentException(connect.actor() + " already holds a connection");
                }
            } else if (step instanceof Step.UdpSend send) {
                udpClients.add(send.actor());
            } else if (step instanceof Step.AwaitHandled await) {
                require(servers, await.actor(), "is awaited but never serves");
            } else if (step instanceof Step.UdpReceive receive) {
                require(udpClients, receive.actor(), "receives a datagram but never sent one");
            } else if (step instanceof Step.Send || step instanceof Step.Receive || step instanceof Step.ReceiveEnd
                    || step instanceof Step.Shutdown) {
                require(connected, step.actor(), "uses a connection it never opened");
            } else if (step instanceof Step.Close || step instanceof Step.Abort) {
                require(connected, step.actor(), "closes a connection it never opened");
                connected.remove(step.actor());
            }
        }
    }

    private static void require(Set<String> known, String actor, String problem) {
        if (!known.contains(actor)) {
            throw new IllegalArgumentException(actor + " " + problem);
        }
    }
}
