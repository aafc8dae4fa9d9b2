package org.wirelab.core.fields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirelab.core.decode.EitherField;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.protocol.arp.Arp;
import org.wirelab.core.protocol.ethernet.Ethernet;
import org.wirelab.core.protocol.frame.Frame;
import org.wirelab.core.protocol.icmp.Icmp;
import org.wirelab.core.protocol.icmpv6.Icmpv6;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.protocol.loopback.BsdLoopback;
import org.wirelab.core.protocol.sll.LinuxSll;
import org.wirelab.core.protocol.chat.Chat;
import org.wirelab.core.protocol.data.Data;
import org.wirelab.core.protocol.dns.Dns;
import org.wirelab.core.protocol.http.Http;
import org.wirelab.core.protocol.ssh.Ssh;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.protocol.vlan.Vlan;
import org.wirelab.core.protocol.udp.Udp;

/**
 * The one table of every field name wirelab knows, with its type: the fast-path columns of
 * {@link FieldCatalog}, the fields the decoders put in a frame's tree, the protocols themselves, and
 * Wireshark's hidden "either" fields ({@code ip.addr} is each {@code ip.src} and {@code ip.dst}). A
 * protocol that declares its fields in its own place ({@link Tcp#FIELDS}, {@link Udp#FIELDS}) is read from there; the others
 * are still listed here by name.
 * {@code -e} and display filters accept exactly these names.
 */
public final class FieldTypes {
    private static final Map<String, FieldType> TYPES = new LinkedHashMap<>();
    /** Protocol filter names (Wireshark's) by the decoders' layer names. */
    private static final Map<String, String> PROTOCOLS = new LinkedHashMap<>();
    /** A hidden field and the tree fields whose occurrences it repeats, in tree order. */
    private static final Map<String, Set<String>> EITHER = new LinkedHashMap<>();

    static {
        protocol("frame", "Frame");
        protocol("eth", "Ethernet");
        protocol("vlan", "802.1Q");
        protocol("ieee8021ad", "802.1ad");
        protocol("sll", "SLL");
        protocol("sll", "SLL2");
        protocol("null", "NULL");
        protocol("loop", "LOOP");
        protocol("raw", "Raw");
        protocol("arp", "ARP");
        protocol("ip", "IPv4");
        protocol("ipv6", "IPv6");
        protocol("icmp", "ICMP");
        protocol("icmpv6", "ICMPv6");
        protocol("tcp", "TCP");
        protocol("udp", "UDP");
        protocol("dns", "DNS");
        protocol("http", "HTTP");
        protocol("ssh", "SSH");
        protocol("chat", "Chat");
        protocol("data", "Data");
        // A text payload is Wireshark's Data shown line by line (tshark calls it data too).
        protocol("data", "Text");
        protocol("data-text-lines", "Line-based text");

        declare(Frame.FIELDS);

        declare(Ethernet.FIELDS);
        declare(Vlan.FIELDS);
        declare(FieldType.UNSIGNED, "ieee8021ad.etype");
        declare(LinuxSll.FIELDS);
        declare(BsdLoopback.FIELDS);
        declare(Arp.FIELDS);

        declare(Ipv4.FIELDS);
        declare(Ipv6.FIELDS);

        declare(Icmp.FIELDS);
        declare(Icmpv6.FIELDS);

        declare(Tcp.FIELDS);

        declare(Udp.FIELDS);

        declare(Dns.FIELDS);
        declare(Http.FIELDS);
        declare(Ssh.FIELDS);
        declare(Chat.FIELDS);
        declare(Data.FIELDS);

        either(Ethernet.EITHER);
        either(Ipv4.EITHER);
        either(Ipv6.EITHER);
        either(Tcp.EITHER);
        either(Udp.EITHER);
    }

    private FieldTypes() {
    }

    private static void declare(FieldType type, String... names) {
        for (String name : names) {
            if (TYPES.put(name, type) != null) {
                throw new IllegalStateException(name + " is declared twice");
            }
        }
    }

    /** Fields declared in their protocol's place: their name and type are read from the declaration. */
    private static void declare(List<HeaderField> declarations) {
        for (HeaderField field : declarations) {
            declare(field.type(), field.name());
        }
    }

    private static void protocol(String name, String layerName) {
        PROTOCOLS.put(layerName, name);
        TYPES.put(name, FieldType.PROTOCOL);
    }

    /** Hidden fields declared with their members in their protocol's place. */
    private static void either(List<EitherField> declarations) {
        for (EitherField either : declarations) {
            EITHER.put(either.field().name(), Set.copyOf(either.memberNames()));
        }
    }

    /** The field's type, or null for a name no decoder produces. */
    public static FieldType type(String name) {
        return TYPES.get(name);
    }

    public static boolean isKnown(String name) {
        return TYPES.containsKey(name);
    }

    /** Every known name, protocols first, then fields by protocol. */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /** Wireshark's filter name of a decoded layer ("tcp" for "TCP"), or null when it has none. */
    public static String protocolName(String layerProtocol) {
        return PROTOCOLS.get(layerProtocol);
    }

    /** For a hidden "either" field such as ip.addr, the fields it repeats; otherwise null. */
    public static Set<String> eitherOf(String name) {
        return EITHER.get(name);
    }

    /** The decoders' layer names by protocol filter name, for tests. */
    static Map<String, String> protocols() {
        return Collections.unmodifiableMap(PROTOCOLS);
    }
}
