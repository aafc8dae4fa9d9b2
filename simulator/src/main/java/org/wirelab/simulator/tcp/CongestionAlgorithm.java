package org.wirelab.simulator.tcp;

import java.util.Locale;

/**
 * The congestion control a simulated socket uses, as Linux lets each socket choose one
 * ({@code TCP_CONGESTION}, {@code net.ipv4.tcp_congestion_control}): CUBIC, Linux's default since
 * 2.6.19, or NewReno.
 */
public enum CongestionAlgorithm {
    /** RFC 9438, as Linux's tcp_cubic.c has it, HyStart included. */
    CUBIC,
    /** RFC 5681 and RFC 6582: half the flight on a loss, one segment more per round trip. */
    RENO;

    /** The name Linux gives it, {@code cubic} or {@code reno}. */
    public String linuxName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The algorithm called {@code name} ({@code cubic} or {@code reno}, any case); an unknown name is an error. */
    public static CongestionAlgorithm named(String name) {
        for (CongestionAlgorithm algorithm : values()) {
            if (algorithm.linuxName().equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown congestion control '" + name + "': choose cubic or reno");
    }

    CongestionControl create() {
        return this == CUBIC ? new Cubic() : new Reno();
    }
}
