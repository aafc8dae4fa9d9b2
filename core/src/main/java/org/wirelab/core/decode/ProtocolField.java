package org.wirelab.core.decode;

/**
 * A protocol declared once, as Wireshark registers one ({@code proto_register_protocol}), in its protocol's
 * place: its filter name, which is a field too ({@code -e tcp}, {@code -Y tcp}), the name of the layer its
 * decoder builds, what tshark prints for it as a field, and whether {@code frame.protocols} names the EtherType
 * after it. A protocol whose decoder builds layers of two names (Linux cooked capture v1 and v2) declares one
 * for each.
 *
 * @param printedByName tshark prints the filter name for it ({@code icmp}), its tree item having no text of
 *        its own; otherwise the layer's title
 * @param followedByEtherType a link header that hands its payload on by EtherType: frame.protocols says
 *        "ethertype" after it
 */
public record ProtocolField(String name, String layerName, boolean printedByName, boolean followedByEtherType) {

    /** A protocol printed as its title. */
    public static ProtocolField titled(String name, String layerName) {
        return new ProtocolField(name, layerName, false, false);
    }

    /** A protocol tshark prints by its name. */
    public static ProtocolField printedByName(String name, String layerName) {
        return new ProtocolField(name, layerName, true, false);
    }

    /** A link header followed by an EtherType. */
    public static ProtocolField etherTypeLink(String name, String layerName) {
        return new ProtocolField(name, layerName, false, true);
    }
}
