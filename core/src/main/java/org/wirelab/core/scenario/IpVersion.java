package org.wirelab.core.scenario;

/** Which loopback a scenario runs on: 127.0.0.1 or ::1. A scenario itself is written without addresses. */
public enum IpVersion {
    IPV4("127.0.0.1"), IPV6("::1");

    private final String loopback;

    IpVersion(String loopback) {
        this.loopback = loopback;
    }

    /** The loopback address in text form (RFC 5952 for IPv6). */
    public String loopback() {
        return loopback;
    }
}
