package org.wirelab.simulator.tcp;

/**
 * What the two SYNs agreed on: the segment size this side sends (RFC 9293 section 3.7.1, less the
 * timestamps option), timestamps with TS.Recent (RFC 7323 section 4.3), SACK (RFC 2018).
 */
final class ConnectionOptions {
    /** The data bytes a full segment carries: the smaller MSS, less 12 when timestamps are on. */
    int mss;
    boolean timestamps;
    boolean sackPermitted;
    /** TS.Recent: the timestamp to echo. */
    long tsRecent;
    /** This side's timestamp clock starts at a random value, as Linux's per-connection offset. */
    final long tsOffset;

    ConnectionOptions(int mss, long tsOffset) {
        this.mss = mss;
        this.tsOffset = tsOffset;
    }

    /** This side's timestamp now (TSval), a millisecond clock as Linux's. */
    long tsValue(long nowNanos) {
        return (tsOffset + nowNanos / 1_000_000) & SendSequence.MASK;
    }
}
