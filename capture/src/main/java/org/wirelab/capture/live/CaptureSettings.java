package org.wirelab.capture.live;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What to capture: the interface, a BPF filter (tcpdump syntax, empty for everything), the snapshot
 * length, the size of libpcap's kernel buffer, and how late frames may be handed over.
 *
 * <p>{@code batchMillis} 0 is libpcap's immediate mode: each frame is handed over as it arrives, but
 * Linux then reserves a buffer slot of the snapshot length per frame (256 KiB by default), so a
 * 128 MiB buffer holds only about 500 frames. A positive value lets Linux pack frames into blocks handed
 * over when full or after that many milliseconds (TPACKET_V3): a few milliseconds later, and tens of
 * thousands of small frames fit the same buffer.
 */
public record CaptureSettings(String interfaceName, String filter, int snapLength, int bufferBytes,
        int batchMillis) {
    /** The loopback interface on Linux, where the lab's programs talk to each other. */
    public static final String LOOPBACK = "lo";
    /** Frames on {@code lo} reach 64 KiB; tcpdump's default keeps every byte of them. */
    public static final int DEFAULT_SNAP_LENGTH = 262_144;
    /**
     * The kernel ring (TPACKET_V3 blocks on Linux): 128 MiB hold about 600,000 datagrams of 100 bytes
     * on lo (some 220 bytes each with the ring's headers), the backlog of a one-second burst at full
     * speed while this process, or dumpcap writing into a 64 KiB pipe, is not scheduled. With 32 MiB,
     * a million-datagram burst lost 6% in two runs of three on an idle machine and dumpcap's path 15 to
     * 40% under load (bench/capture-rate.sh). The memory is the kernel's, only while capturing, and
     * libpcap takes a smaller ring if the kernel refuses this one.
     */
    public static final int DEFAULT_BUFFER_BYTES = 128 << 20;
    /** Frames reach the sink at most this late; a person watching cannot tell. */
    public static final int DEFAULT_BATCH_MILLIS = 10;

    public CaptureSettings {
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("an interface name is required");
        }
        filter = filter == null ? "" : filter.strip();
        if (snapLength <= 0 || bufferBytes <= 0 || batchMillis < 0) {
            throw new IllegalArgumentException("snap length and buffer size must be positive, batch millis >= 0");
        }
    }

    /** Everything on {@code interfaceName} that {@code filter} accepts, with the default sizes. */
    public static CaptureSettings of(String interfaceName, String filter) {
        return new CaptureSettings(interfaceName, filter, DEFAULT_SNAP_LENGTH, DEFAULT_BUFFER_BYTES,
                DEFAULT_BATCH_MILLIS);
    }

    /** TCP and UDP (IPv4 and IPv6) to or from any of {@code ports} on the loopback interface. */
    public static CaptureSettings loopbackPorts(int... ports) {
        return of(LOOPBACK, portFilter(ports));
    }

    /** The BPF filter for traffic to or from any of {@code ports}: {@code "port 3000 or port 3001"}. */
    public static String portFilter(int... ports) {
        if (ports.length == 0) {
            throw new IllegalArgumentException("at least one port is required");
        }
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 1..65535");
            }
        }
        return Arrays.stream(ports).distinct().mapToObj(port -> "port " + port).collect(Collectors.joining(" or "));
    }

    public CaptureSettings withInterface(String name) {
        return new CaptureSettings(name, filter, snapLength, bufferBytes, batchMillis);
    }

    public CaptureSettings withBufferBytes(int bytes) {
        return new CaptureSettings(interfaceName, filter, snapLength, bytes, batchMillis);
    }

    /** 0 for immediate mode; see the class comment. */
    public CaptureSettings withBatchMillis(int millis) {
        return new CaptureSettings(interfaceName, filter, snapLength, bufferBytes, millis);
    }
}
