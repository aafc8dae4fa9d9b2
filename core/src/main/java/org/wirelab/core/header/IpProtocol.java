package org.wirelab.core.header;

import java.util.List;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.Wording;

/** IP protocol / IPv6 next-header numbers (IANA "Assigned Internet Protocol Numbers") wirelab knows. */
public final class IpProtocol {
    public static final int HOP_BY_HOP = 0;
    public static final int ICMP = 1;
    public static final int IPV4 = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int IPV6 = 41;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int GRE = 47;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int ICMPV6 = 58;
    public static final int NO_NEXT_HEADER = 59;
    public static final int DESTINATION_OPTIONS = 60;

    private IpProtocol() {
    }

    /** The protocol's name in the FieldLabels bundles, Wireshark's ({@code ipproto[6]}, "TCP"). */
    public static Wording.Word word(int protocol) {
        return Wording.Word.valueOf("ipproto", Integer.toString(protocol));
    }

    /** The protocol's English name, for the Info column and messages. */
    public static String name(int protocol) {
        return FieldLabels.english().text(word(protocol).key(), List.of());
    }
}
