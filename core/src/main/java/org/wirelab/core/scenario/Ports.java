package org.wirelab.core.scenario;

/** The one rule for the port numbers a scenario names. */
final class Ports {
    private Ports() {
    }

    static int check(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a port is from 1 to 65535: " + port);
        }
        return port;
    }
}
