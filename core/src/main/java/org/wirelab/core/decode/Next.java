package org.wirelab.core.decode;

/** The key a decoder returns to select the decoder of what its layer carries. */
public sealed interface Next {
    /** Nothing follows, or nothing more can be decoded. */
    Next END = new End();

    record End() implements Next {
    }

    /** Select by EtherType (also used by the link types that carry one, and by BSD address families). */
    record ByEtherType(int etherType) implements Next {
    }

    /** Select by IP protocol / IPv6 next header. */
    record ByIpProtocol(int protocol) implements Next {
    }

    /** Select an application decoder by port: {@code transport} is the IP protocol (TCP or UDP). */
    record ByPorts(int transport, int sourcePort, int destinationPort) implements Next {
    }
}
