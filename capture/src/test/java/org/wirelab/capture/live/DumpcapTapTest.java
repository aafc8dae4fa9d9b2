package org.wirelab.capture.live;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.testing.Environment;

/**
 * The dumpcap path on its own, as the user running the tests (root in CI): dumpcap's pcapng stream is
 * read frame by frame as it is written, its counters are read at the end, and its refusals become the
 * same problems libpcap's do. {@code CaptureThroughDumpcapTest} (ui) runs it as an unprivileged user.
 */
class DumpcapTapTest {
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    private DumpcapStatus dumpcap;

    @BeforeEach
    void requireDumpcap() {
        dumpcap = Dumpcap.check(CaptureSettings.LOOPBACK);
        if (!dumpcap.isUsable()) {
            Environment.missing("dumpcap cannot capture here (" + dumpcap.reason(java.util.Locale.ENGLISH)
                    + "): install tshark and run as root, or give dumpcap its capabilities");
        }
    }

    @Test
    void framesArriveOneByOneWhileDumpcapRunsAndItsCountersAreRead() throws Exception {
        try (DatagramSocket target = new DatagramSocket(0, LOCALHOST); DatagramSocket client = new DatagramSocket(0, LOCALHOST)) {
            int port = target.getLocalPort();
            DumpcapTap tap = DumpcapTap.open(dumpcap, CaptureSettings.loopbackPorts(port), CaptureSettings.portFilter(port));
            assertEquals(LinkType.ETHERNET, tap.linkType(), "dumpcap -L says lo is Ethernet");
            List<byte[]> payloads = new ArrayList<>();
            List<CompletableFuture<Void>> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seen.add(new CompletableFuture<>());
            }
            Thread reader = new Thread(() -> {
                try {
                    tap.run((nanos, linkType, bytes, offset, length, original) -> {
                        // Ethernet 14 + IPv4 20 + UDP 8: the payload starts at byte 42.
                        payloads.add(Arrays.copyOfRange(bytes, offset + 42, offset + length));
                        seen.get(payloads.size() - 1).complete(null);
                    });
                } catch (java.io.IOException e) {
                    seen.forEach(future -> future.completeExceptionally(e));
                }
            });
            reader.start();
            for (int i = 0; i < 3; i++) {
                byte[] message = ("datagram " + i).getBytes(US_ASCII);
                client.send(new DatagramPacket(message, message.length, target.getLocalSocketAddress()));
                // Each frame is handed over while dumpcap still runs, before the next one is even sent.
                seen.get(i).get(60, TimeUnit.SECONDS);
            }
            tap.interrupt();
            reader.join(60_000);
            FrameTap.Counters counters = tap.counters();
            tap.close();
            assertEquals(3, payloads.size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(("datagram " + i).getBytes(US_ASCII), payloads.get(i));
            }
            assertEquals(new FrameTap.Counters("dumpcap", 3, 0, 0), counters, "dumpcap's own report");
        }
    }

    @Test
    void aFilterDumpcapRefusesIsABadFilterWithItsReason() {
        CaptureUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(CaptureUnavailableException.class,
                () -> DumpcapTap.open(dumpcap, CaptureSettings.of("lo", "port 99999"), "port 99999"));
        assertEquals(CaptureProblem.Kind.BAD_FILTER, e.problem().kind());
        assertTrue(e.problem().message().startsWith("the capture filter \"port 99999\" is not valid: That string isn't"
                + " a valid capture filter (illegal port number 99999 > 65535)"), e.problem().message());
        assertTrue(e.problem().message(java.util.Locale.FRENCH).startsWith("le filtre de capture « port 99999 » n’est pas valide"),
                e.problem().message(java.util.Locale.FRENCH));
    }
}
