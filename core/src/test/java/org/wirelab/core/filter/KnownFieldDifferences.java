package org.wirelab.core.filter;

import java.util.Map;

/**
 * Where wirelab knowingly prints or selects something else than tshark, each with its reason; the lists
 * should shrink. Frames whose protocol stack differs from tshark's are handled apart: see
 * {@link #isApplicationField}.
 */
final class KnownFieldDifferences {
    /** Field names whose text differs on every frame, and why. */
    static final Map<String, String> FIELDS = Map.of(
            "ip.checksum.status", "wirelab verifies checksums (1 good, 0 bad); tshark 4.0 does not by default (2, unverified)",
            "udp.checksum.status", "as ip.checksum.status",
            "tcp.checksum.status", "as ip.checksum.status (tshark adds no status for TCP when it does not verify)",
            "eth", "tshark's title names each address's maker from its OUI table (Apple_13:c5:58); wirelab has none",
            "frame", "tshark's title adds the capture interface of a pcapng file");

    /**
     * Filters whose frames differ where tshark's protocol stack does, and why: tshark reassembles an HTTP
     * message sent in several segments and shows it on the last one, where wirelab decodes each segment
     * alone (and shows the header on the first); tshark decodes by port protocols wirelab shows as data
     * (PPTP, Kerberos, IRC) and shows as data the lab's protocols wirelab decodes (chat, echo text).
     */
    static final Map<String, String> FILTERS = Map.of(
            "http", "HTTP reassembly",
            "http.content_length_header", "HTTP reassembly",
            "http.response.code == 200", "HTTP reassembly",
            "http.response.code >= 300", "HTTP reassembly",
            "data", "protocols decoded by port",
            "data.len > 10", "protocols decoded by port");

    private KnownFieldDifferences() {
    }

    /** Fields of the layers above transport: not compared on a frame whose stack differs from tshark's. */
    static boolean isApplicationField(String name) {
        return name.equals("frame.protocols") || name.startsWith("http") || name.startsWith("data")
                || name.startsWith("dns") || name.startsWith("ssh");
    }
}
