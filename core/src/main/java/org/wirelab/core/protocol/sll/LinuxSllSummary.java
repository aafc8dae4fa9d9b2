package org.wirelab.core.protocol.sll;

import org.wirelab.core.summary.SummaryCursor;
import org.wirelab.core.summary.SummaryLayer;
import org.wirelab.core.summary.SummaryTables;

/** Linux cooked capture's part of the fast path, v1 or v2: past the header to what its protocol type announces. */
public final class LinuxSllSummary implements SummaryLayer {
    private final boolean version2;

    private LinuxSllSummary(boolean version2) {
        this.version2 = version2;
    }

    public static LinuxSllSummary version1() {
        return new LinuxSllSummary(false);
    }

    public static LinuxSllSummary version2() {
        return new LinuxSllSummary(true);
    }

    @Override
    public SummaryLayer read(SummaryCursor cursor, SummaryTables tables) {
        int headerLength = version2 ? LinuxSll2.HEADER_LENGTH : LinuxSll.HEADER_LENGTH;
        if (cursor.captured() < headerLength) {
            return cursor.malformed();
        }
        int etherType = version2 ? LinuxSll2.protocol(cursor.bytes(), cursor.at())
                : LinuxSll.protocol(cursor.bytes(), cursor.at());
        cursor.skip(headerLength);
        return tables.byEtherType(etherType);
    }
}
