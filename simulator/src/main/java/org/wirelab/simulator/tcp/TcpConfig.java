package org.wirelab.simulator.tcp;

import java.time.Duration;

/**
 * The tunables of a simulated TCP, with Linux's defaults: what a socket starts with and how long it
 * tries. {@code mtu} sets the MSS (MTU minus the IP and TCP headers); Linux's {@code lo} has 65536.
 *
 * @param receiveBuffer the most a receive buffer may hold: Linux's tcp_rmem[2], up to which autotuning grows it
 *     from tcp_rmem[1], or a buffer the program set (SO_RCVBUF), which stays as it is
 * @param sendBuffer bytes an application can write ahead of what the peer has acknowledged
 * @param windowScale the shift this side announces (RFC 7323 section 2.2): Linux's 10 for a tcp_rmem[2]
 *     of 32 MB, the smallest shift that lets the 16-bit field say it
 * @param minRto Linux's TCP_RTO_MIN, which RFC 6298 section 2.4 would have at one second
 * @param synRetries Linux's tcp_syn_retries
 * @param synAckRetries Linux's tcp_synack_retries
 * @param dataRetries Linux's tcp_retries2: timeouts in a row before the connection is given up
 * @param delayedAck Linux's TCP_DELACK_MIN
 * @param timeWait Linux's TCP_TIMEWAIT_LEN (2 MSL, RFC 9293 section 3.6.1)
 * @param initialWindowSegments RFC 6928's initial congestion window
 * @param nagle RFC 896 (off for TCP_NODELAY)
 * @param copyBytesPerSecond how fast a {@code send} call copies the application's bytes into the
 *     socket: Linux on this project's machine fills a 32 KiB loopback segment in about 14 us
 * @param wakeup how long an application takes to react to its socket (a thread woken and scheduled)
 * @param congestionControl how the congestion window grows and falls: CUBIC, Linux's default, or Reno
 */
public record TcpConfig(int mtu, int receiveBuffer, int sendBuffer, int windowScale, Duration initialRto,
        Duration minRto, Duration maxRto, int synRetries, int synAckRetries, int dataRetries, Duration delayedAck,
        Duration timeWait, int initialWindowSegments, boolean nagle, long copyBytesPerSecond, Duration wakeup,
        CongestionAlgorithm congestionControl) {

    public static final int LOOPBACK_MTU = 65_536;
    public static final int ETHERNET_MTU = 1_500;

    public TcpConfig {
        if (mtu < 128 || mtu > 65_536) {
            throw new IllegalArgumentException("an MTU is from 128 to 65536 bytes: " + mtu);
        }
        if (receiveBuffer < 1 || sendBuffer < 1) {
            throw new IllegalArgumentException("buffers hold at least one byte");
        }
        if (copyBytesPerSecond < 1) {
            throw new IllegalArgumentException("a copy rate is positive: " + copyBytesPerSecond);
        }
        if (congestionControl == null) {
            throw new IllegalArgumentException("a congestion control is required");
        }
        if (windowScale < 0 || windowScale > 14) {
            throw new IllegalArgumentException("a window scale is from 0 to 14 (RFC 7323): " + windowScale);
        }
    }

    /** Linux's tcp_rmem[2] on this project's machine (Linux 6.18; 6 MB before 6.16). */
    public static final int MAX_RECEIVE_BUFFER = 32 * 1024 * 1024;

    /** Linux's defaults on a loopback interface. */
    public static TcpConfig linux() {
        return new TcpConfig(LOOPBACK_MTU, MAX_RECEIVE_BUFFER, 4 * 1024 * 1024, scaleFor(MAX_RECEIVE_BUFFER), Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofSeconds(120), 6, 5, 15, Duration.ofMillis(40),
                Duration.ofSeconds(60), 10, true, 2_300_000_000L, Duration.ofNanos(100_000),
                CongestionAlgorithm.CUBIC);
    }

    public TcpConfig withMtu(int value) {
        return new TcpConfig(value, receiveBuffer, sendBuffer, windowScale, initialRto, minRto, maxRto, synRetries,
                synAckRetries, dataRetries, delayedAck, timeWait, initialWindowSegments, nagle, copyBytesPerSecond, wakeup,
                congestionControl);
    }

    /**
     * A receive buffer the program chose (SO_RCVBUF): it also sets the window scale, as Linux's
     * tcp_select_initial_window does once the buffer clamps the window: the smallest shift that lets
     * the 16-bit field say {@code bytes} (an 8 KiB buffer announces 0, a 6 MB one 7).
     */
    public TcpConfig withReceiveBuffer(int bytes) {
        return new TcpConfig(mtu, bytes, sendBuffer, scaleFor(bytes), initialRto, minRto, maxRto, synRetries,
                synAckRetries, dataRetries, delayedAck, timeWait, initialWindowSegments, nagle, copyBytesPerSecond, wakeup,
                congestionControl);
    }

    /** The same TCP with another congestion control. */
    public TcpConfig withCongestionControl(CongestionAlgorithm value) {
        return new TcpConfig(mtu, receiveBuffer, sendBuffer, windowScale, initialRto, minRto, maxRto, synRetries,
                synAckRetries, dataRetries, delayedAck, timeWait, initialWindowSegments, nagle, copyBytesPerSecond, wakeup,
                value);
    }

    /** Linux's tcp_select_initial_window: ilog2(space) - 15, from 0 to 14 (32 MB: 10). */
    private static int scaleFor(int bytes) {
        return Math.max(0, Math.min(14, 31 - Integer.numberOfLeadingZeros(Math.max(1, bytes)) - 15));
    }

    public TcpConfig withRetries(int syn, int synAck, int data) {
        return new TcpConfig(mtu, receiveBuffer, sendBuffer, windowScale, initialRto, minRto, maxRto, syn,
                synAck, data, delayedAck, timeWait, initialWindowSegments, nagle, copyBytesPerSecond, wakeup,
                congestionControl);
    }

    /**
     * The MSS this side announces: the MTU less the IPv6 and TCP headers (60 bytes), or over IPv4 the
     * largest datagram (at most 65535 bytes) less 40: Linux's {@code lo} gives 65476 and 65495.
     */
    public int mss(boolean ipv6) {
        return ipv6 ? mtu - 60 : Math.min(mtu, 65_535) - 40;
    }
}
