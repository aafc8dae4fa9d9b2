package org.wirelab.core.protocol.vlan;

import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/** An 802.1Q or 802.1ad tag's part of the fast path: past the 4-byte tag to what its EtherType announces. */
public final class VlanSummary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        if (cursor.captured() < Vlan.TAG_LENGTH) {
            return cursor.malformed();
        }
        int etherType = Vlan.etherType(cursor.bytes(), cursor.at());
        cursor.skip(Vlan.TAG_LENGTH);
        return tables.byEtherType(etherType);
    }
}
