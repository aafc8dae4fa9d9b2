package org.wirelab.core.protocol.loopback;

import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/** BSD loopback's part of the fast path (NULL and LOOP): past the address family to the IP it announces. */
public final class BsdLoopbackSummary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        if (cursor.captured() < BsdLoopback.HEADER_LENGTH) {
            return cursor.malformed();
        }
        int family = BsdLoopback.family(cursor.bytes(), cursor.at(), cursor.linkType());
        cursor.skip(BsdLoopback.HEADER_LENGTH);
        return tables.byEtherType(BsdLoopback.etherType(family));
    }
}
