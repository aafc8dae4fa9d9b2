package org.wirelab.core.protocol.arp;

import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/** ARP's part of the fast path: where the message is, when its fixed part was captured. Nothing follows it. */
public final class ArpSummary implements SummaryLayer {
    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        if (cursor.captured() < Arp.FIXED_LENGTH) {
            return cursor.malformed();
        }
        cursor.table().setNetwork(cursor.row(), PacketTable.NETWORK_ARP, cursor.inFrame(cursor.at()));
        return null;
    }
}
