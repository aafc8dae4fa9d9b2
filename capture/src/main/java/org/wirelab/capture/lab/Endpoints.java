package org.wirelab.capture.lab;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.wirelab.core.net.AddressText;

/**
 * Socket addresses as the rest of wirelab writes them: {@code 127.0.0.1:3000} and {@code [::1]:3000}
 * (RFC 5952 text, as in the decoded frames), never the JDK's {@code /0:0:0:0:0:0:0:1:3000}.
 */
public final class Endpoints {
    private Endpoints() {
    }

    public static String text(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return String.valueOf(address);
        }
        return text(inet.getAddress(), inet.getPort());
    }

    public static String text(InetAddress address, int port) {
        return address instanceof Inet6Address ? "[" + host(address) + "]:" + port : host(address) + ":" + port;
    }

    /** The address alone, without brackets or scope. */
    public static String host(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 ? AddressText.ipv6(bytes, 0) : AddressText.ipv4(bytes, 0);
    }
}
