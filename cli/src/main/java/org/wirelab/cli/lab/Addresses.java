package org.wirelab.cli.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.wirelab.cli.UserError;

/** Turns --bind, --host and --port into a socket address, with one-line errors. */
final class Addresses {
    private Addresses() {
    }

    static InetSocketAddress of(String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new UserError("--port is from 0 to 65535: " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UserError("unknown host '" + host + "': give an address such as 127.0.0.1 or ::1");
        }
    }
}
