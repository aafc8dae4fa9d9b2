package org.wirelab.core.protocol.ethernet;

import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/** Ethernet's part of the fast path: past the 14-byte header to what its EtherType announces. */
public final class EthernetSummary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        if (cursor.captured() < Ethernet.HEADER_LENGTH) {
            return cursor.malformed();
        }
        int etherType = Ethernet.etherType(cursor.bytes(), cursor.at());
        cursor.skip(Ethernet.HEADER_LENGTH);
        return tables.byEtherType(etherType);
    }
}
