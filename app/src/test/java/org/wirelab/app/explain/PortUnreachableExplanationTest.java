package org.wirelab.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.capture.live.CaptureAvailability;
import org.wirelab.capture.live.CaptureSettings;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.FramesSeen;
import org.wirelab.core.testing.Tshark;

/**
 * A real "port unreachable": a datagram sent on the loopback to a port nobody listens on, captured
 * live, and the Linux kernel's ICMP answer explained (the explanation lives in core; the capture here).
 */
class PortUnreachableExplanationTest {

    @Test
    void theKernelsIcmpAnswerSaysNothingListens(@TempDir Path directory) throws Exception {
        CaptureAvailability.check().ifPresent(problem -> Environment.missing(problem.message()));
        FrameStore frames = new FrameStore();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();   // free now, and closed once the probe socket is
        }
        try (LiveCapture capture = LiveCapture.open(CaptureSettings.of(CaptureSettings.LOOPBACK,
                // Only the ICMP errors that quote this port (the quoted UDP header's destination port is at
                // byte 30 of the ICMP message): other tests may ping the loopback meanwhile.
                "udp port " + port + " or (icmp and icmp[30:2] = " + port + ")"));
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            FramesSeen seen = new FramesSeen();
            capture.start(FrameSink.into(frames).andThen(seen::frame));
            byte[] hello = "anyone there?".getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(hello, hello.length, InetAddress.getLoopbackAddress(), port));
            seen.await("the kernel's port unreachable", FramesSeen.portUnreachable(port));
            capture.stop();
        }
        Path file = directory.resolve("unreachable.pcap");
        PcapWriter.write(frames, file, PcapWriter.Resolution.NANOSECONDS);
        Tshark.require();
        List<String[]> rows = Tshark.fields(file, List.of("icmp.type", "icmp.code", "udp.dstport"));
        assertEquals(3, rows.size(), "the datagram and the kernel's answer");
        assertEquals("3", rows.get(2)[0], "tshark: destination unreachable");
        assertEquals("3", rows.get(2)[1], "tshark: port unreachable");

        String text = Explainer.of(CaptureAnalysis.of(frames)).explain(1, Locale.ENGLISH).text();

        assertEquals("127.0.0.1 answers the datagram of frame 1 with an ICMP “port unreachable” error: nothing listens"
                + " on UDP port " + port + ". UDP itself never says so; this ICMP message is the only sign, and the"
                + " sending program learns it only if its socket is connected.", text);
    }
}
