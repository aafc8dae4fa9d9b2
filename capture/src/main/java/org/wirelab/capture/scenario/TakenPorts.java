package org.wirelab.capture.scenario;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.PortUse;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Transport;

/**
 * A lab scenario moved off the lab's ports that another program holds right now (a student's server
 * on 3000): only the taken ports move, each to a port free for TCP and UDP, and {@link #sentence}
 * says so in one line, so a class sees the exchange instead of an empty capture.
 *
 * @param scenario the scenario to run, on the lab's ports where they are free
 * @param moved each taken lab port and the port used instead, in the scenario's port order
 */
public record TakenPorts(Scenario scenario, Map<Integer, Integer> moved) {

    public TakenPorts {
        moved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moved));
    }

    /** {@code lab} with every port another program holds on {@code ipVersion}'s loopback moved to a free one. */
    public static TakenPorts avoid(Scenario lab, IpVersion ipVersion) {
        InetAddress loopback = FreePorts.loopback(ipVersion);
        Map<Integer, Integer> moved = new LinkedHashMap<>();
        for (PortUse use : lab.ports()) {
            if (!moved.containsKey(use.port()) && !free(use, loopback)) {
                int port = FreePorts.freePort(loopback);
                while (moved.containsValue(port) || usedBy(lab, port)) {
                    port = FreePorts.freePort(loopback);
                }
                moved.put(use.port(), port);
            }
        }
        return new TakenPorts(lab.withPorts(port -> moved.getOrDefault(port, port)), moved);
    }

    private static boolean usedBy(Scenario scenario, int port) {
        return scenario.ports().stream().anyMatch(use -> use.port() == port);
    }

    /** True when a lab port was taken and the scenario runs elsewhere. */
    public boolean any() {
        return !moved.isEmpty();
    }

    /**
     * One line for the person: "port 3000 is already in use by another program, so tcp-hello runs on
     * port 41234 instead", in English or French; empty when nothing moved.
     */
    public String sentence(Locale language) {
        if (moved.isEmpty()) {
            return "";
        }
        String taken = join(List.copyOf(moved.keySet()));
        String instead = join(List.copyOf(moved.values()));
        boolean one = moved.size() == 1;
        if ("fr".equals(language.getLanguage())) {
            return one
                    ? "le port " + taken + " est déjà occupé par un autre programme : " + scenario.name()
                            + " passe donc sur le port " + instead
                    : "les ports " + taken + " sont déjà occupés par d'autres programmes : " + scenario.name()
                            + " passe donc sur les ports " + instead;
        }
        return one
                ? "port " + taken + " is already in use by another program, so " + scenario.name() + " runs on port "
                        + instead + " instead"
                : "ports " + taken + " are already in use by other programs, so " + scenario.name() + " runs on ports "
                        + instead + " instead";
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Whether the lab's server could bind {@code use} now: the test the server itself would fail. */
    private static boolean free(PortUse use, InetAddress loopback) {
        InetSocketAddress address = new InetSocketAddress(loopback, use.port());
        try {
            if (use.transport() == Transport.TCP) {
                try (ServerSocket probe = new ServerSocket()) {
                    probe.setReuseAddress(true);   // as the lab's server binds: a closing connection does not count
                    probe.bind(address, 1);
                }
            } else {
                try (DatagramSocket probe = new DatagramSocket(address)) {
                    probe.getLocalPort();
                }
            }
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
