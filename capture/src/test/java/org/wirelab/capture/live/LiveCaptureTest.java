package org.wirelab.capture.live;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.testing.Tshark;

/**
 * Captures real loopback traffic made by JDK sockets, decodes the frames with core's decoder and
 * checks them segment by segment, then checks the pcap written during the capture with tshark.
 */
class LiveCaptureTest {
    private static final int SYN = 0x002;
    private static final int FIN = 0x001;
    private static final int RST = 0x004;
    private static final int PSH = 0x008;
    private static final int ACK = 0x010;
    private static final byte[] MESSAGE = "hello serveur\n".getBytes(US_ASCII);
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @BeforeEach
    void requireCapture() {
        LiveCaptureRequirement.require();
    }

    @Test
    void tcpExchangeIsCapturedSegmentBySegmentAndWrittenAsItArrives() throws Exception {
        Path file = dir.resolve("tcp.pcap");
        FrameStore frames = new FrameStore();
        CaptureStatistics statistics;
        int serverPort;
        int clientPort;
        long before = System.currentTimeMillis();
        try (ServerSocket server = new ServerSocket(0, 1, LOCALHOST)) {
            serverPort = server.getLocalPort();
            try (LiveCapture capture = LiveCapture.open(CaptureSettings.loopbackPorts(serverPort));
                    PcapWriter writer = PcapWriter.create(file, capture.linkType())) {
                assertEquals(LinkType.ETHERNET, capture.linkType(), "Linux lo is captured as Ethernet");
                capture.start(FrameSink.into(frames).andThen(FrameSink.flushingTo(writer)));
                CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAllThenClose(server));
                try (Socket client = new Socket(LOCALHOST, serverPort)) {
                    clientPort = client.getLocalPort();
                    client.getOutputStream().write(MESSAGE);
                    client.getOutputStream().flush();
                }
                assertArrayEquals(MESSAGE, received.get(60, TimeUnit.SECONDS));
                statistics = capture.stop();
            }
        }

        PacketTable table = new SummaryDecoder().decode(frames);
        List<String> description = describe(frames, table);
        int n = frames.size();
        // The handshake, exactly (RFC 9293 3.5): SYN, SYN-ACK, ACK, each acknowledging the other's ISN + 1.
        assertSegment(table, 0, clientPort, serverPort, SYN, description);
        assertSegment(table, 1, serverPort, clientPort, SYN | ACK, description);
        assertEquals(table.sequence(0) + 1, table.acknowledgement(1), "SYN-ACK acknowledges ISN+1");
        assertSegment(table, 2, clientPort, serverPort, ACK, description);
        assertEquals(table.sequence(1) + 1, table.acknowledgement(2), "ACK acknowledges the server's ISN+1");
        // The data segment carries the message, byte for byte.
        assertSegment(table, 3, clientPort, serverPort, PSH | ACK, description);
        assertArrayEquals(MESSAGE, payload(frames, table, 3));
        int dataEnd = table.sequence(3) + MESSAGE.length;
        // The teardown: the client's FIN, then the server's FIN, then the client's final ACK of it.
        int clientFin = firstFrom(table, clientPort, FIN, 4);
        int serverFin = firstFrom(table, serverPort, FIN, 4);
        assertTrue(clientFin > 0 && serverFin > clientFin, "client FIN, then server FIN: " + description);
        assertEquals(dataEnd, table.sequence(clientFin), "the client's FIN follows its data");
        assertEquals(dataEnd + 1, table.acknowledgement(serverFin), "the server's FIN acknowledges the client's");
        assertSegment(table, n - 1, clientPort, serverPort, ACK, description);
        assertEquals(table.sequence(serverFin) + 1, table.acknowledgement(n - 1), "the last ACK covers the FIN");
        for (int i = 4; i < n; i++) {
            assertEquals(0, table.payloadLength(i), "only one data segment: " + description);
            assertEquals(0, table.tcpFlags(i) & (SYN | RST), "no SYN or RST after the handshake: " + description);
            if (table.sourcePort(i) == serverPort) {
                assertTrue(table.acknowledgement(i) - dataEnd >= 0,
                        "every server segment after the data acknowledges it: " + description);
            }
        }
        assertNanosecondTimestamps(frames, before);
        assertEquals(n, statistics.frames());
        assertEquals(0, statistics.dropped());
        assertTrue(statistics.probeFrames() >= 2, "one readiness datagram at start, one at stop: " + statistics);
        assertEquals(2 * (n + statistics.probeFrames()), statistics.received(),
                "libpcap counts both copies of each lo frame, probes included: " + statistics);

        // The file written during the capture, read by tshark: same frames, same flags, same times.
        List<String[]> rows = Tshark.fields(file, List.of("frame.time_epoch", "tcp.srcport", "tcp.flags", "tcp.len",
                "tcp.payload"));
        assertEquals(n + 1, rows.size(), "tshark reads every frame captured");
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i + 1);
            assertEquals(Timestamps.epochText(frames.timestampNanos(i)), row[0], "frame " + (i + 1) + " time");
            assertEquals(String.valueOf(table.sourcePort(i)), row[1], "frame " + (i + 1) + " source port");
            assertEquals(String.format("0x%04x", table.tcpFlags(i)), row[2], "frame " + (i + 1) + " flags");
            assertEquals(String.valueOf(table.payloadLength(i)), row[3], "frame " + (i + 1) + " tcp.len");
        }
        assertEquals(hex(MESSAGE), rows.get(4)[4].replace(":", ""), "tshark sees the message in frame 4");
    }

    @Test
    void udpRequestAndReplyAreTheOnlyFramesDelivered() throws Exception {
        byte[] request = "Hello from client".getBytes(US_ASCII);
        byte[] reply = "i am the server".getBytes(US_ASCII);
        FrameStore frames = new FrameStore();
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOCALHOST, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOCALHOST, 0));
                LiveCapture capture = LiveCapture.open(CaptureSettings.loopbackPorts(server.getLocalPort()))) {
            capture.start(FrameSink.into(frames));
            client.send(new DatagramPacket(request, request.length, server.getLocalSocketAddress()));
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            server.setSoTimeout(5000);
            server.receive(in);
            server.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
            client.setSoTimeout(5000);
            client.receive(new DatagramPacket(new byte[1500], 1500));
            // Sent just before stop(): stop() must still deliver it (it drains the kernel buffer first).
            client.send(new DatagramPacket(request, request.length, server.getLocalSocketAddress()));
            CaptureStatistics statistics = capture.stop();

            PacketTable table = new SummaryDecoder().decode(frames);
            assertEquals(3, frames.size(), "request, reply, last request; no readiness datagram");
            int serverPort = server.getLocalPort();
            int clientPort = client.getLocalPort();
            for (int i = 0; i < 3; i++) {
                assertEquals(PacketTable.NETWORK_IPV4, table.network(i));
                assertEquals(PacketTable.TRANSPORT_UDP, table.transport(i));
            }
            assertEquals(clientPort, table.sourcePort(0));
            assertEquals(serverPort, table.destinationPort(0));
            assertArrayEquals(request, payload(frames, table, 0));
            assertEquals(serverPort, table.sourcePort(1));
            assertEquals(clientPort, table.destinationPort(1));
            assertArrayEquals(reply, payload(frames, table, 1));
            assertArrayEquals(request, payload(frames, table, 2));
            assertEquals(3, statistics.frames());
            assertEquals(0, statistics.dropped());
            assertEquals(2 * (3 + statistics.probeFrames()), statistics.received());
        }
    }

    @Test
    void framesSentBetweenOpenAndStartAreBufferedByTheKernelAndDelivered() throws Exception {
        FrameStore frames = new FrameStore();
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOCALHOST, 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOCALHOST, 0));
                LiveCapture capture = LiveCapture.open(CaptureSettings.loopbackPorts(server.getLocalPort()))) {
            for (int i = 0; i < 50; i++) {
                byte[] message = {(byte) i};
                client.send(new DatagramPacket(message, 1, server.getLocalSocketAddress()));
            }
            capture.start(FrameSink.into(frames));
            capture.stop();
        }
        PacketTable table = new SummaryDecoder().decode(frames);
        assertEquals(50, frames.size());
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(new byte[] {(byte) i}, payload(frames, table, i), "datagram " + i + " in order");
        }
    }

    @Test
    void anInvalidFilterIsReportedBeforeAnythingStarts() {
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class,
                () -> LiveCapture.open(CaptureSettings.of("lo", "port banana")));
        assertEquals(CaptureProblem.Kind.BAD_FILTER, e.problem().kind());
        assertTrue(e.getMessage().contains("port banana"), e.getMessage());
    }

    @Test
    void anUnknownInterfaceIsReportedWithTheInterfacesThatExist() {
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class,
                () -> LiveCapture.open(CaptureSettings.of("wirelab-no-such0", "")));
        assertEquals(CaptureProblem.Kind.NO_SUCH_INTERFACE, e.problem().kind(), e.getMessage());
        assertTrue(e.getMessage().contains("lo"), e.getMessage());
    }

    private static void assertSegment(PacketTable table, int i, int source, int destination, int flags,
            List<String> description) {
        String where = "frame " + (i + 1) + " of " + description;
        assertEquals(PacketTable.TRANSPORT_TCP, table.transport(i), where);
        assertEquals(source, table.sourcePort(i), where);
        assertEquals(destination, table.destinationPort(i), where);
        assertEquals(flags, table.tcpFlags(i), where);
    }

    private static int firstFrom(PacketTable table, int sourcePort, int flag, int from) {
        for (int i = from; i < table.size(); i++) {
            if (table.sourcePort(i) == sourcePort && (table.tcpFlags(i) & flag) != 0) {
                return i;
            }
        }
        return -1;
    }

    /** Timestamps in order, close to the wall clock, and with sub-microsecond digits (nanosecond precision). */
    private static void assertNanosecondTimestamps(FrameStore frames, long startMillis) {
        long previous = 0;
        boolean subMicrosecond = false;
        for (int i = 0; i < frames.size(); i++) {
            long t = frames.timestampNanos(i);
            assertTrue(t >= previous, "timestamps never go back");
            assertTrue(Math.abs(t / 1_000_000 - startMillis) < 60_000, "timestamp near the wall clock: " + t);
            subMicrosecond |= t % 1000 != 0;
            previous = t;
        }
        assertTrue(subMicrosecond, "with nanosecond precision some timestamp has digits below the microsecond");
    }

    private static byte[] payload(FrameStore frames, PacketTable table, int i) {
        int header = table.transport(i) == PacketTable.TRANSPORT_TCP ? table.tcpHeaderLength(i) : 8;
        int start = frames.offset(i) + table.transportOffset(i) + header;
        return Arrays.copyOfRange(frames.buffer(i), start, start + table.payloadLength(i));
    }

    private static List<String> describe(FrameStore frames, PacketTable table) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            lines.add(table.sourcePort(i) + ">" + table.destinationPort(i) + " flags=0x"
                    + Integer.toHexString(table.tcpFlags(i)) + " len=" + table.payloadLength(i));
        }
        return lines;
    }

    private static byte[] readAllThenClose(ServerSocket server) {
        try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream();
                OutputStream ignored = accepted.getOutputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
