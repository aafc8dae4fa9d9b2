package org.wirelab.core.header;

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

    public static String name(int protocol) {
        return switch (protocol) {
            case HOP_BY_HOP -> "IPv6 Hop-by-Hop Option";
            case ICMP -> "ICMP";
            case IPV4 -> "IPIP";
            case TCP -> "TCP";
            case UDP -> "UDP";
            case IPV6 -> "IPv6";
            case ROUTING -> "Routing Header for IPv6";
            case FRAGMENT -> "Fragment Header for IPv6";
            case GRE -> "Generic Routing Encapsulation";
            case ESP -> "Encap Security Payload";
            case AH -> "Authentication Header";
            case ICMPV6 -> "ICMPv6";
            case NO_NEXT_HEADER -> "No Next Header for IPv6";
            case DESTINATION_OPTIONS -> "Destination Options for IPv6";
            default -> "Unknown";
        };
    }
}
