package org.wirelab.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcap4j.core.PcapHandle;

/** pcap_next_ex called directly reads what the kernel captured: the bytes, both lengths, the time. */
class NextFrameTest {
    @BeforeEach
    void requireCapture() {
        LiveCaptureRequirement.require();
    }

    @Test
    void aDatagramOnLoopbackIsReadWithItsBytesLengthsAndNanosecondTime() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = receiver.getLocalPort();
            PcapHandle handle = Handles.open(CaptureSettings.loopbackPorts(port), "udp dst port " + port);
            try {
                NextFrame next = NextFrame.of(handle, 100);
                assertNotNull(next, "64-bit Linux with pcap4j 1.8.2: the direct reader must be usable");
                byte[] payload = "bonjour le serveur, here is more than a hundred bytes of payload to cut at the snap length..."
                        .repeat(2).getBytes(StandardCharsets.US_ASCII);
                long before = System.currentTimeMillis();
                sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
                int status = NextFrame.TIMEOUT;
                for (int tries = 0; tries < 500 && status == NextFrame.TIMEOUT; tries++) {
                    status = next.next();
                }
                assertEquals(1, status);
                // Ethernet (14) + IPv4 (20) + UDP (8) + payload, cut by the reader's 100-byte buffer.
                assertEquals(14 + 20 + 8 + payload.length, next.originalLength());
                assertEquals(100, next.capturedLength());
                byte[] udpStart = Arrays.copyOfRange(next.buffer(), 14 + 20 + 8, 100);
                assertEquals(new String(payload, 0, 100 - 42, StandardCharsets.US_ASCII),
                        new String(udpStart, StandardCharsets.US_ASCII));
                long millis = next.timestampNanos() / 1_000_000;
                assertTrue(millis >= before - 1000 && millis <= System.currentTimeMillis() + 1000,
                        "frame time " + millis + " should be now (" + before + ")");
                assertTrue(next.timestampNanos() % 1000 != 0 || next.timestampNanos() % 1_000_000 != 0,
                        "nanosecond precision: the time is not whole milliseconds");
            } finally {
                handle.close();
            }
        }
    }
}
