package org.wirelab.core.summary;

/**
 * One protocol's part of the fast path, given by the protocol's own package and registered in
 * {@link SummaryTables}: reads its header in place at the cursor, fills its part of the row, and says what
 * comes next. Allocates nothing and never throws on bad bytes: what cannot be read stays unset and a status
 * bit says why.
 */
@FunctionalInterface
public interface SummaryLayer {
    /**
     * Reads the header at {@code cursor}'s position, moves the cursor past it and returns the layer of what the
     * header carries, looked up in {@code tables}; null where the walk ends.
     */
    SummaryLayer read(SummaryCursor cursor, SummaryTables tables);
}
