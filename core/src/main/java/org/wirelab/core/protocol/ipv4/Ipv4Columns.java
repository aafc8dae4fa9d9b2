package org.wirelab.core.protocol.ipv4;

import java.util.List;
import org.wirelab.core.fields.ColumnField;
import org.wirelab.core.fields.ColumnSource;
import org.wirelab.core.fields.FieldValue;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.summary.PacketTable;

/** The outer IPv4 header's fields the summary columns answer: where the header is, its bytes say the rest. */
public final class Ipv4Columns {
    public static final List<ColumnField> COLUMNS = List.of(
            ColumnField.outerHeaders(Ipv4.SRC, c -> address(c, Ipv4.SOURCE)),
            ColumnField.outerHeaders(Ipv4.DST, c -> address(c, Ipv4.DESTINATION)),
            // Two hidden items, the source's then the destination's.
            ColumnField.outerHeaders(Ipv4.ADDR, c -> {
                FieldValue source = address(c, Ipv4.SOURCE);
                FieldValue destination = address(c, Ipv4.DESTINATION);
                return (out, i) -> {
                    if (c.packets().network(i) == PacketTable.NETWORK_IPV4) {
                        source.appendTo(out, i);
                        out.append(',');
                        destination.appendTo(out, i);
                    }
                };
            }),
            ColumnField.outerHeaders(Ipv4.PROTO, c -> (out, i) -> {
                if (c.packets().network(i) == PacketTable.NETWORK_IPV4) {
                    out.append(Ipv4.protocol(c.frames().buffer(i), c.frames().offset(i) + c.packets().networkOffset(i)));
                }
            }));

    private Ipv4Columns() {
    }

    private static FieldValue address(ColumnSource c, int addressOffset) {
        return (out, i) -> {
            if (c.packets().network(i) == PacketTable.NETWORK_IPV4) {
                out.append(AddressText.ipv4(c.frames().buffer(i),
                        c.frames().offset(i) + c.packets().networkOffset(i) + addressOffset));
            }
        };
    }
}
