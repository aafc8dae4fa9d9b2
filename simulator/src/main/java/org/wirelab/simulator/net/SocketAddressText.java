package org.wirelab.simulator.net;

import org.wirelab.core.net.AddressText;

/** An address and port as the lab's programs print them: {@code 127.0.0.1:3000}, {@code [::1]:3000}. */
public final class SocketAddressText {
    private SocketAddressText() {
    }

    public static String of(byte[] address, int port) {
        return address.length == 16 ? "[" + AddressText.ipv6(address, 0) + "]:" + port
                : AddressText.ipv4(address, 0) + ":" + port;
    }
}
