package org.wirelab.core.scenario;

import java.util.Locale;

/** The transport protocol a scenario uses a port with. */
public enum Transport {
    TCP, UDP;

    /** The name as capture filters and tshark write it: {@code tcp}, {@code udp}. */
    public String filterName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
