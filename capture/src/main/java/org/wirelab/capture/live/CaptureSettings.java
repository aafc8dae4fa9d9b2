package org.wirelab.capture.live;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What to capture: the interface, a BPF filter (tcpdump syntax, empty for everything), the snapshot
 * length and the size of libpcap's kernel buffer.
 */
public record CaptureSettings(String interfaceName, String filter, int snapLength, int bufferBytes) {
    /** The loopback interface on Linux, where the lab's programs talk to each other. */
    public static final String LOOPBACK = "lo";
    /** Frames on {@code lo} reach 64 KiB; tcpdump's default keeps every byte of them. */
    public static final int DEFAULT_SNAP_LENGTH = 262_144;
    /**
     * libpcap's default (2 MiB) dropped frames of a 100,000-datagram burst on loopback (see the capture
     * benchmark); 32 MiB absorbs it while the loop thread catches up.
     */
    public static final int DEFAULT_BUFFER_BYTES = 32 << 20;

    public CaptureSettings {
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("an interface name is required");
        }
        filter = filter == null ? "" : filter.strip();
        if (snapLength <= 0 || bufferBytes <= 0) {
            throw new IllegalArgumentException("snap length and buffer size must be positive");
        }
    }

    /** Everything on {@code interfaceName} that {@code filter} accepts, with the default sizes. */
    public static CaptureSettings of(String interfaceName, String filter) {
        return new CaptureSettings(interfaceName, filter, DEFAULT_SNAP_LENGTH, DEFAULT_BUFFER_BYTES);
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
        return new CaptureSettings(name, filter, snapLength, bufferBytes);
    }

    public CaptureSettings withBufferBytes(int bytes) {
        return new CaptureSettings(interfaceName, filter, snapLength, bytes);
    }
}
