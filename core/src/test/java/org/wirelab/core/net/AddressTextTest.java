package org.wirelab.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    private static String ipv6(String literal) throws Exception {
        return AddressText.ipv6(InetAddress.getByName(literal).getAddress(), 0);
    }

    @Test
    void ipv6FollowsRfc5952() throws Exception {
        assertEquals("::1", ipv6("0:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1", ipv6("2001:db8:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", ipv6("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:0:0:1::1", ipv6("2001:0:0:1:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", ipv6("2001:db8:0:0:1:0:0:1"));
        assertEquals("fe80::", ipv6("fe80:0:0:0:0:0:0:0"));
        assertEquals("2607:f8b0:400c:c03::1a", ipv6("2607:f8b0:400c:c03:0:0:0:1a"));
        assertEquals("::", ipv6("0:0:0:0:0:0:0:0"));
    }

    @Test
    void ipv4AndMac() {
        byte[] b = {(byte) 192, (byte) 168, 0, 1, (byte) 0xaa, 0x0b, 0, 0, 0, (byte) 0xff};
        assertEquals("192.168.0.1", AddressText.ipv4(b, 0));
        assertEquals("c0:a8:00:01:aa:0b", AddressText.mac(b, 0));
    }

    @Test
    void checksumOfRfc1071Example() {
        byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(~0xddf2 & 0xffff, InternetChecksum.of(b, 0, b.length));
    }
}
