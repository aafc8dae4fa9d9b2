package org.wirelab.core.filter;

import java.util.Map;

/**
 * Where wirelab knowingly prints or selects something else than tshark, each with its reason; the lists
 * should shrink. Frames whose protocol stack differs from tshark's are handled apart: see
 * {@link #isApplicationField}.
 */
final class KnownFieldDifferences {
    /**
     * tshark also puts together the segments of protocols it decodes by port and wirelab shows as data (SMTP
     * lines, DCE/RPC, LDAP, TLS): its TCP items of reassembly follow the protocol above TCP.
     */
    private static final String REASSEMBLED_BY_PORT = "segments reassembled for protocols decoded by port";

    /** Field names whose text differs on every frame, and why. */
    static final Map<String, String> FIELDS = Map.of(
            "ip.checksum.status", "wirelab verifies checksums (1 good, 0 bad); tshark 4.0 does not by default (2, unverified)",
            "udp.checksum.status", "as ip.checksum.status",
            "tcp.checksum.status", "as ip.checksum.status (tshark adds no status for TCP when it does not verify)",
            "eth", "tshark's title names each address's maker from its OUI table (Apple_13:c5:58); wirelab has none",
            "frame", "tshark's title adds the capture interface of a pcapng file");

    /**
     * Filters compared only on the frames whose protocols above transport are tshark's too (frame.protocols
     * equal), and why: tshark decodes by port protocols wirelab shows as data (PPTP, Kerberos, IRC, SMTP, TLS,
     * LDAP, DHCP, DIS on UDP 3000), shows as data the lab's chat, which wirelab decodes, and reads an XML
     * document inside an HTML body.
     */
    static final Map<String, String> FILTERS = Map.of(
            "data", "protocols decoded by port",
            "data.len > 10", "protocols decoded by port",
            "data-text-lines", "tshark reads the XML document an HTML body starts with (dpkt__http.pcap frame 38) as XML",
            "tcp.segments", REASSEMBLED_BY_PORT,
            "tcp.segment == 8", REASSEMBLED_BY_PORT,
            "tcp.segment.count > 2", REASSEMBLED_BY_PORT,
            "tcp.reassembled.length > 1000", REASSEMBLED_BY_PORT,
            "tcp.reassembled.data contains \"HTTP/1.1 200\"", REASSEMBLED_BY_PORT);

    private KnownFieldDifferences() {
    }

    /** Fields of the layers above transport: not compared on a frame whose stack differs from tshark's. */
    static boolean isApplicationField(String name) {
        return name.equals("frame.protocols") || name.startsWith("http") || name.startsWith("data")
                || name.startsWith("dns") || name.startsWith("ssh") || isReassemblyField(name);
    }

    /**
     * TCP's items of reassembly, which packet-tcp.c adds where the protocol above asks for the bytes of several
     * segments: they follow the stack above TCP as its fields do.
     */
    static boolean isReassemblyField(String name) {
        return name.startsWith("tcp.segment") || name.startsWith("tcp.reassembled");
    }
}
