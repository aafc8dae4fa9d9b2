package org.wirelab.simulator.tcp;

import java.time.Duration;

/**
 * A socket's keep-alive (SO_KEEPALIVE, RFC 1122 section 4.2.3.6), with Linux's options: after
 * {@code idle} without receiving anything (TCP_KEEPIDLE), a probe that the peer must answer; then one
 * every {@code interval} while unanswered (TCP_KEEPINTVL), and the connection is given up after
 * {@code probes} unanswered ones (TCP_KEEPCNT).
 */
public record KeepAlive(Duration idle, Duration interval, int probes) {
    /** Linux's defaults: tcp_keepalive_time 7200 s, tcp_keepalive_intvl 75 s, tcp_keepalive_probes 9. */
    public static final KeepAlive LINUX_DEFAULTS = new KeepAlive(Duration.ofHours(2), Duration.ofSeconds(75), 9);

    public KeepAlive {
        if (idle == null || interval == null || idle.isNegative() || idle.isZero() || interval.isNegative()
                || interval.isZero() || probes < 1) {
            throw new IllegalArgumentException("keep-alive takes positive times and at least one probe: "
                    + idle + ", " + interval + ", " + probes);
        }
    }
}
