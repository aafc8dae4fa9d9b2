package org.wirelab.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wirelab.capture.live.CaptureSettings;
import org.wirelab.capture.live.CaptureStatistics;
import org.wirelab.capture.live.FrameSink;
import org.wirelab.capture.live.LiveCapture;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Issue 3's capture benchmark: a UDP burst on loopback, sent as fast as one JDK socket can (a server
 * socket reads it), captured by {@link LiveCapture} with a given delivery mode and kernel buffer size.
 * Prints, per run: datagrams sent and the sender's packets per second, frames captured, libpcap's
 * dropped count, and the capture's frames per second until the last frame was delivered.
 *
 * <p>Modes: {@code immediate} (libpcap's immediate mode, one 64 KiB buffer slot per frame on lo) and
 * {@code batch10} (frames packed in blocks handed over within 10 ms, the default).
 *
 * <p>Two sinks: {@code store} appends to a FrameStore (what the application does), {@code pcap}
 * writes a pcap file flushed after every frame (what {@code wirelab capture --out} does).
 *
 * <pre>
 * mvn -q -pl capture -am test-compile -DskipTests
 * java -cp "capture/target/test-classes:capture/target/classes:core/target/classes:$(cat cp.txt)" \
 *     org.wirelab.bench.UdpBurstCaptureBenchmark [COUNT [SIZE [MODE:BUFFER_MIB...]]]
 * </pre>
 * (cp.txt from {@code mvn -q -pl capture dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * Needs root or CAP_NET_RAW and libpcap.
 */
public final class UdpBurstCaptureBenchmark {
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    private UdpBurstCaptureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String[] runs = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"immediate:32", "batch10:2", "batch10:8", "batch10:32"};
        System.out.printf(Locale.ROOT, "udp-burst: %,d datagrams of %d bytes on lo, %s, Java %s%n", count, size,
                Runtime.getRuntime().availableProcessors() + " CPUs", System.getProperty("java.version"));
        run(count, size, "batch10:8", "store", true);   // warm-up: JIT, JNA, class loading
        for (String mode : runs) {
            for (String sink : new String[] {"store", "pcap"}) {
                System.out.println(run(count, size, mode, sink, false));
            }
        }
    }

    private static String run(int count, int size, String mode, String sinkKind, boolean quiet) throws Exception {
        String[] parts = mode.split(":");
        int batchMillis = parts[0].equals("immediate") ? 0 : Integer.parseInt(parts[0].replace("batch", ""));
        int bufferMib = Integer.parseInt(parts[1]);
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(LOCALHOST, 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress(LOCALHOST, 0))) {
            int port = receiver.getLocalPort();
            Thread draining = drain(receiver);
            CaptureSettings settings = CaptureSettings.loopbackPorts(port).withBufferBytes(bufferMib << 20)
                    .withBatchMillis(batchMillis);
            Path file = Files.createTempFile("udp-burst", ".pcap");
            FrameStore store = new FrameStore((long) count * (size + 42), count);
            CaptureStatistics statistics;
            long sendNanos;
            long captureNanos;
            try (LiveCapture capture = LiveCapture.open(settings);
                    PcapWriter writer = PcapWriter.create(file, capture.linkType())) {
                capture.start(sinkKind.equals("store") ? FrameSink.into(store) : FrameSink.flushingTo(writer));
                byte[] payload = new byte[size];
                DatagramPacket packet = new DatagramPacket(payload, size, receiver.getLocalSocketAddress());
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    payload[0] = (byte) i;
                    sender.send(packet);
                }
                sendNanos = System.nanoTime() - start;
                // stop() returns once every frame sent before it has been delivered (or dropped by the kernel).
                statistics = capture.stop();
                captureNanos = System.nanoTime() - start;
            } finally {
                receiver.close();
                draining.join();
                Files.deleteIfExists(file);
            }
            if (quiet) {
                return "";
            }
            return String.format(Locale.ROOT,
                    "%-9s buffer %2d MiB, sink %-5s: sent %,d in %,d ms (%,.0f pps); captured %,d, dropped %,d (libpcap),"
                    + " %,.0f frames/s until the last was delivered",
                    parts[0], bufferMib, sinkKind, count, sendNanos / 1_000_000, count * 1e9 / sendNanos, statistics.frames(),
                    statistics.dropped(), statistics.frames() * 1e9 / captureNanos);
        }
    }

    /** Reads the datagrams so the receiving socket never backs up; loss there would not show in the capture. */
    private static Thread drain(DatagramSocket receiver) throws SocketException {
        receiver.setReceiveBufferSize(8 << 20);
        Thread thread = new Thread(() -> {
            DatagramPacket in = new DatagramPacket(new byte[65536], 65536);
            try {
                while (true) {
                    receiver.receive(in);
                }
            } catch (IOException closed) {
                // The run is over.
            }
        }, "udp-burst-receiver");
        thread.start();
        return thread;
    }
}
