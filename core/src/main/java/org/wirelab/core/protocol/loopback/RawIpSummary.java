package org.wirelab.core.protocol.loopback;

import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;
import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/** Raw IP's part of the fast path: no header, and no type either; the version nibble says which IP it is. */
public final class RawIpSummary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        if (cursor.captured() < 1) {
            return cursor.malformed();
        }
        return switch (Bytes.u8(cursor.bytes(), cursor.at()) >>> 4) {
            case 4 -> tables.byEtherType(EtherType.IPV4);
            case 6 -> tables.byEtherType(EtherType.IPV6);
            default -> null;
        };
    }
}
