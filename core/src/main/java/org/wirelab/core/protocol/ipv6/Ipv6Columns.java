package org.wirelab.core.protocol.ipv6;

import java.util.List;
import org.wirelab.core.fields.ColumnField;
import org.wirelab.core.fields.ColumnSource;
import org.wirelab.core.fields.FieldValue;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.summary.PacketTable;

/** The outer IPv6 header's addresses, which the summary columns answer: where the header is, its bytes say them. */
public final class Ipv6Columns {
    public static final List<ColumnField> COLUMNS = List.of(
            ColumnField.outerHeaders(Ipv6.SRC, c -> address(c, Ipv6.SOURCE)),
            ColumnField.outerHeaders(Ipv6.DST, c -> address(c, Ipv6.DESTINATION)),
            // Two hidden items, the source's then the destination's.
            ColumnField.outerHeaders(Ipv6.ADDR, c -> {
                FieldValue source = address(c, Ipv6.SOURCE);
                FieldValue destination = address(c, Ipv6.DESTINATION);
                return (out, i) -> {
                    if (c.packets().network(i) == PacketTable.NETWORK_IPV6) {
                        source.appendTo(out, i);
                        out.append(',');
                        destination.appendTo(out, i);
                    }
                };
            }));

    private Ipv6Columns() {
    }

    private static FieldValue address(ColumnSource c, int addressOffset) {
        return (out, i) -> {
            if (c.packets().network(i) == PacketTable.NETWORK_IPV6) {
                out.append(AddressText.ipv6(c.frames().buffer(i),
                        c.frames().offset(i) + c.packets().networkOffset(i) + addressOffset));
            }
        };
    }
}
