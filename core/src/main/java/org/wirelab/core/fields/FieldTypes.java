package org.wirelab.core.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirelab.core.decode.EitherField;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.ProtocolField;
import org.wirelab.core.protocol.arp.Arp;
import org.wirelab.core.protocol.ethernet.Ethernet;
import org.wirelab.core.protocol.frame.Frame;
import org.wirelab.core.protocol.frame.FrameColumns;
import org.wirelab.core.protocol.icmp.Icmp;
import org.wirelab.core.protocol.icmpv6.Icmpv6;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv4.Ipv4Columns;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.protocol.ipv6.Ipv6Columns;
import org.wirelab.core.protocol.loopback.BsdLoopback;
import org.wirelab.core.protocol.sll.LinuxSll;
import org.wirelab.core.protocol.chat.Chat;
import org.wirelab.core.protocol.data.Data;
import org.wirelab.core.protocol.data.TextMedia;
import org.wirelab.core.protocol.dns.Dns;
import org.wirelab.core.protocol.http.Http;
import org.wirelab.core.protocol.ssh.Ssh;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.protocol.tcp.TcpColumns;
import org.wirelab.core.protocol.vlan.Vlan;
import org.wirelab.core.protocol.udp.Udp;
import org.wirelab.core.protocol.udp.UdpColumns;

/**
 * The one table of every field name wirelab knows, with its type, read from the declarations each protocol
 * makes in its own place ({@link Tcp#FIELDS}, {@link Tcp#EITHER}, {@link TcpColumns#COLUMNS} ...): the fields
 * the decoders put in a frame's tree, the protocols themselves, Wireshark's hidden "either" fields
 * ({@code ip.addr} is each {@code ip.src} and {@code ip.dst}), and which of the fields the capture's columns
 * answer without a tree ({@link FieldCatalog}). {@code -e}, display filters, {@code packets --help} and the
 * app's completion know exactly these names.
 */
public final class FieldTypes {
    private static final Map<String, FieldType> TYPES = new LinkedHashMap<>();
    /** The protocols by the decoders' layer names. */
    private static final Map<String, ProtocolField> PROTOCOLS = new LinkedHashMap<>();
    /** A hidden field and the tree fields whose occurrences it repeats, in tree order. */
    private static final Map<String, Set<String>> EITHER = new LinkedHashMap<>();
    /**
     * The fields of the protocols whose decoder reads a TCP or UDP payload by itself, one layer: a frame's are
     * found by decoding its payload alone, without the headers below it.
     */
    private static final Set<String> APPLICATION = new java.util.HashSet<>();
    /** The fields the capture's columns answer without a tree, in their protocols' order. */
    private static final Map<String, ColumnField> COLUMNS = new LinkedHashMap<>();

    static {
        protocol(Frame.PROTOCOL_FIELD);
        protocol(Ethernet.PROTOCOL_FIELD);
        protocol(Vlan.PROTOCOL_FIELD);
        protocol(Vlan.SERVICE_PROTOCOL_FIELD);
        protocol(LinuxSll.PROTOCOL_FIELD);
        protocol(LinuxSll.PROTOCOL_FIELD_V2);
        protocol(BsdLoopback.NULL_PROTOCOL_FIELD);
        protocol(BsdLoopback.LOOP_PROTOCOL_FIELD);
        protocol(BsdLoopback.RAW_PROTOCOL_FIELD);
        protocol(Arp.PROTOCOL_FIELD);
        protocol(Ipv4.PROTOCOL_FIELD);
        protocol(Ipv6.PROTOCOL_FIELD);
        protocol(Icmp.PROTOCOL_FIELD);
        protocol(Icmpv6.PROTOCOL_FIELD);
        protocol(Tcp.PROTOCOL_FIELD);
        protocol(Udp.PROTOCOL_FIELD);
        protocol(Dns.PROTOCOL_FIELD);
        protocol(Http.PROTOCOL_FIELD);
        protocol(Ssh.PROTOCOL_FIELD);
        protocol(Chat.PROTOCOL_FIELD);
        protocol(Data.PROTOCOL_FIELD);
        protocol(Data.TEXT_PROTOCOL_FIELD);
        protocol(TextMedia.PROTOCOL_FIELD);

        declare(Frame.FIELDS);

        declare(Ethernet.FIELDS);
        declare(Vlan.FIELDS);
        declare(LinuxSll.FIELDS);
        declare(BsdLoopback.FIELDS);
        declare(Arp.FIELDS);

        declare(Ipv4.FIELDS);
        declare(Ipv6.FIELDS);

        declare(Icmp.FIELDS);
        declare(Icmpv6.FIELDS);

        declare(Tcp.FIELDS);

        declare(Udp.FIELDS);

        application(Dns.FIELDS);
        application(Http.FIELDS);
        application(Ssh.FIELDS);
        application(Chat.FIELDS);
        declare(Data.FIELDS);

        either(Ethernet.EITHER);
        either(Ipv4.EITHER);
        either(Ipv6.EITHER);
        either(Tcp.EITHER);
        either(Udp.EITHER);

        columns(FrameColumns.COLUMNS);
        columns(Ipv4Columns.COLUMNS);
        columns(Ipv6Columns.COLUMNS);
        columns(TcpColumns.COLUMNS);
        columns(UdpColumns.COLUMNS);
    }

    private FieldTypes() {
    }

    /** Fields declared in their protocol's place: their name and type are read from the declaration. */
    private static void declare(List<HeaderField> declarations) {
        for (HeaderField field : declarations) {
            if (TYPES.put(field.name(), field.type()) != null) {
                throw new IllegalStateException(field.name() + " is declared twice");
            }
        }
    }

    /** A protocol declared in its place: its filter name is a field of type PROTOCOL. */
    private static void protocol(ProtocolField protocol) {
        if (PROTOCOLS.put(protocol.layerName(), protocol) != null) {
            throw new IllegalStateException(protocol.layerName() + " is declared twice");
        }
        TYPES.put(protocol.name(), FieldType.PROTOCOL);
    }

    /** Hidden fields declared with their members in their protocol's place. */
    private static void either(List<EitherField> declarations) {
        for (EitherField either : declarations) {
            EITHER.put(either.field().name(), Set.copyOf(either.memberNames()));
        }
    }

    /** Fields of a protocol carried in a TCP or UDP payload, decoded from it alone. */
    private static void application(List<HeaderField> declarations) {
        declare(declarations);
        for (HeaderField field : declarations) {
            APPLICATION.add(field.name());
        }
    }

    /** Fields the columns answer, each declared in its protocol's place beside the field itself. */
    private static void columns(List<ColumnField> declarations) {
        for (ColumnField column : declarations) {
            if (TYPES.get(column.name()) != column.field().type()) {
                throw new IllegalStateException(column.name() + " is a column but not a declared field of its type");
            }
            if (COLUMNS.put(column.name(), column) != null) {
                throw new IllegalStateException(column.name() + " is a column twice");
            }
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
        ProtocolField protocol = PROTOCOLS.get(layerProtocol);
        return protocol == null ? null : protocol.name();
    }

    /** The declaration of a decoded layer's protocol, or null when it has none. */
    public static ProtocolField protocol(String layerProtocol) {
        return PROTOCOLS.get(layerProtocol);
    }

    /** Whether {@code name} is a field of a protocol a TCP or UDP payload's decoder produces by itself, one layer. */
    public static boolean isApplicationField(String name) {
        return APPLICATION.contains(name);
    }

    /** The fast-path field of that name, which the columns answer without a tree, or null. */
    public static ColumnField column(String name) {
        return COLUMNS.get(name);
    }

    /** The names of the fast-path fields, in their protocols' order. */
    public static List<String> columnNames() {
        return List.copyOf(COLUMNS.keySet());
    }

    /** For a hidden "either" field such as ip.addr, the fields it repeats; otherwise null. */
    public static Set<String> eitherOf(String name) {
        return EITHER.get(name);
    }
}
