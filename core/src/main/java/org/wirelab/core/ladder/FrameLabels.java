package org.wirelab.core.ladder;

import org.wirelab.core.protocol.arp.Arp;
import org.wirelab.core.protocol.icmp.Icmp;
import org.wirelab.core.protocol.icmpv6.Icmpv6;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.net.AddressText;

/** Labels of frames that are not TCP segments, close to Wireshark's Info column. */
public final class FrameLabels {
    /** What a UDP datagram's label starts with, before its payload length. */
    static final String UDP_LENGTH = "UDP Len=";

    private FrameLabels() {
    }

    /** "UDP Len=17": the payload length, as Wireshark's UDP Info shows it. */
    public static String udp(int payloadLength) {
        return UDP_LENGTH + payloadLength;
    }

    /**
     * An ICMP or ICMPv6 message from its type and code, with the identifier and sequence number of an
     * echo ("ICMP Echo (ping) request id=0xd73b, seq=1/256", sequence in both byte orders as Wireshark).
     * {@code offset} is where the ICMP header starts; {@code available} how many of its bytes were captured.
     */
    public static String icmp(boolean v6, byte[] b, int offset, int available) {
        String protocol = v6 ? "ICMPv6" : "ICMP";
        if (available < 2) {
            return protocol + " (header not captured)";
        }
        int type = Icmp.type(b, offset);
        int code = Icmp.code(b, offset);
        String name = v6 ? v6TypeName(type) : v4TypeName(type);
        String text = protocol + " " + (name == null ? "type " + type + " code " + code : name);
        boolean echo = v6 ? Icmpv6.isEcho(type) : Icmp.isEcho(type);
        if (echo && available >= Icmp.HEADER_LENGTH) {
            int sequence = Icmp.sequence(b, offset);
            text += String.format(" id=0x%04x, seq=%d/%d", Icmp.identifier(b, offset), sequence,
                    Integer.reverseBytes(sequence) >>> 16);
        } else if (name != null && code != 0) {
            text += " (code " + code + ")";
        }
        return text;
    }

    /** "ARP Who has 10.0.0.1? Tell 10.0.0.2" or "ARP 10.0.0.1 is at 00:11:22:33:44:55", as Wireshark. */
    public static String arp(byte[] b, int offset, int available) {
        if (available < Arp.FIXED_LENGTH || available < Arp.length(b, offset)
                || Arp.protocolSize(b, offset) != 4 || Arp.hardwareSize(b, offset) != 6) {
            return "ARP";
        }
        int senderIp = offset + Arp.SENDER_HARDWARE + 6;
        int targetIp = senderIp + 4 + 6;
        return switch (Arp.opcode(b, offset)) {
            case 1 -> "ARP Who has " + AddressText.ipv4(b, targetIp) + "? Tell " + AddressText.ipv4(b, senderIp);
            case 2 -> "ARP " + AddressText.ipv4(b, senderIp) + " is at "
                    + AddressText.mac(b, offset + Arp.SENDER_HARDWARE);
            default -> "ARP " + Arp.opcodeName(Arp.opcode(b, offset));
        };
    }

    /** An IP packet whose payload wirelab does not describe: its protocol's name and number. */
    public static String ipPayload(int protocol) {
        String name = IpProtocol.name(protocol);
        return name.equals("Unknown") ? "IP protocol " + protocol : name + " (IP protocol " + protocol + ")";
    }

    private static String v4TypeName(int type) {
        return switch (type) {
            case Icmp.ECHO_REPLY -> "Echo (ping) reply";
            case Icmp.DESTINATION_UNREACHABLE -> "Destination unreachable";
            case Icmp.SOURCE_QUENCH -> "Source quench";
            case Icmp.REDIRECT -> "Redirect";
            case Icmp.ECHO_REQUEST -> "Echo (ping) request";
            case Icmp.TIME_EXCEEDED -> "Time-to-live exceeded";
            case Icmp.PARAMETER_PROBLEM -> "Parameter problem";
            default -> null;
        };
    }

    private static String v6TypeName(int type) {
        return switch (type) {
            case Icmpv6.DESTINATION_UNREACHABLE -> "Destination Unreachable";
            case Icmpv6.PACKET_TOO_BIG -> "Packet Too Big";
            case Icmpv6.TIME_EXCEEDED -> "Time Exceeded";
            case Icmpv6.PARAMETER_PROBLEM -> "Parameter Problem";
            case Icmpv6.ECHO_REQUEST -> "Echo (ping) request";
            case Icmpv6.ECHO_REPLY -> "Echo (ping) reply";
            case 133 -> "Router Solicitation";
            case 134 -> "Router Advertisement";
            case 135 -> "Neighbor Solicitation";
            case 136 -> "Neighbor Advertisement";
            case 137 -> "Redirect";
            default -> null;
        };
    }

}
