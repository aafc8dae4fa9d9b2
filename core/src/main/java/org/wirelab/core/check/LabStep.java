package org.wirelab.core.check;

import java.util.Locale;
import org.wirelab.core.scenario.LabProtocol;

/** The steps of the lab (TP R107) that {@link LabChecks} can check, each with its server's usual port. */
public enum LabStep {
    /** simpleUDPServeur.py and simpleUDPclient.py: one datagram, one reply. */
    UDP(LabProtocol.UDP_PORT),
    /** simpleServeurSocket.py and simpleclientSocket.py: connect, send one message, close. */
    TCP(LabProtocol.TCP_PORT),
    /** multiThreadServerSocketTCP.py and its clients: numbers, broadcasts, quit. */
    CHAT(LabProtocol.CHAT_PORT);

    private final int defaultPort;

    LabStep(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port the lab's server listens on for this step. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The step's name on the command line and in exercise files: {@code udp}, {@code tcp}, {@code chat}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step named {@code id} ({@code udp}, {@code tcp} or {@code chat}), or an exception naming them. */
    public static LabStep of(String id) {
        for (LabStep step : values()) {
            if (step.id().equals(id)) {
                return step;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a step of the lab: udp, tcp or chat");
    }
}
