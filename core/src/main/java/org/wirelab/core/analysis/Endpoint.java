package org.wirelab.core.analysis;

import java.util.Arrays;
import org.wirelab.core.net.AddressText;

/** One side of a conversation: an IPv4 (4 bytes) or IPv6 (16 bytes) address and a port. */
public record Endpoint(byte[] address, int port) {

    public Endpoint {
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        address = address.clone();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    public boolean isIpv6() {
        return address.length == 16;
    }

    /** The address as Wireshark prints it (dotted IPv4, RFC 5952 IPv6). */
    public String addressText() {
        return isIpv6() ? AddressText.ipv6(address, 0) : AddressText.ipv4(address, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && port == e.port && Arrays.equals(address, e.address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + port;
    }

    /** {@code 10.0.0.1:80} or {@code [::1]:80}. */
    @Override
    public String toString() {
        return isIpv6() ? "[" + addressText() + "]:" + port : addressText() + ":" + port;
    }
}
