package org.wirelab.simulator.tcp;

/**
 * The sender's record of what the receiver has reported in SACK blocks (RFC 2018) above SND.UNA, and
 * the questions RFC 6675 asks of it: is a sequence number lost ({@code IsLost}), how much is in the
 * network ({@code SetPipe}), and which hole to send again next ({@code NextSeg}, rule 1).
 *
 * <p>Positions are sequence offsets, as in {@link TcpEndpoint}. SACKed ranges are kept merged, so
 * between two of them lies one hole, and every byte of a hole has the same SACKed bytes above it:
 * the questions are answered range by range, not byte by byte.
 */
final class SackScoreboard {
    /** RFC 6675's DupThresh. */
    static final int DUP_THRESH = 3;

    /** SACKed ranges, merged. */
    private final SequenceRanges sacked = new SequenceRanges();
    /** Ranges RACK (RFC 8985) has found lost, start to end, until they are acknowledged. */
    private final SequenceMap<Long> markedLost = new SequenceMap<>();

    boolean isEmpty() {
        return sacked.isEmpty();
    }

    /** The receiver reported {@code [start, end)}: merged with what is known. */
    void add(long start, long end) {
        if (end > start) {
            sacked.add(start, end);
        }
    }

    /** RACK found {@code [start, end)} lost: it is sent again before anything newer. */
    void markLost(long start, long end) {
        Long marked = markedLost.get(start);
        if (marked == null || marked < end) { // each ACK of a recovery finds the same losses again
            markedLost.put(start, end);
        }
    }

    /** SACKed bytes, in whole segments of {@code mss}. */
    int sackedSegments(int mss) {
        long bytes = sacked.totalLength();
        return (int) Math.min(Integer.MAX_VALUE, (bytes + mss - 1) / mss);
    }

    /** Everything before {@code sndUna} is acknowledged: forgotten here. */
    void acknowledged(long sndUna) {
        markedLost.removeBelow(sndUna, end -> end <= sndUna);
        sacked.removeBefore(sndUna);
    }

    void clear() {
        sacked.clear();
        markedLost.clear();
    }

    /** True when {@code seq} has been SACKed. */
    boolean isSacked(long seq) {
        return sacked.contains(seq);
    }

    /** Where the SACKed range holding {@code seq} ends; {@code seq} itself when it is not SACKed. */
    long sackedUpTo(long seq) {
        return sacked.endOfRangeHolding(seq);
    }

    /**
     * RACK found it lost, or RFC 6675's IsLost: more than {@code (DupThresh - 1) * SMSS} bytes above {@code seq} are SACKed,
     * or {@code DupThresh} discontiguous ranges, so the segment at {@code seq} is presumed lost.
     */
    boolean isLost(long seq, int mss) {
        return markedLost(seq) || sackedAboveMeansLost(sacked.firstStartingAfter(seq), mss);
    }

    /** RACK has marked the range holding {@code seq} lost. */
    private boolean markedLost(long seq) {
        int marked = markedLost.floor(seq);
        return marked >= 0 && markedLost.value(marked) > seq;
    }

    /** IsLost's SACK rule for a byte below SACKed range {@code first} and above every earlier one. */
    private boolean sackedAboveMeansLost(int first, int mss) {
        long bytes = 0;
        int ranges = 0;
        for (int i = first; i < sacked.size(); i++) {
            bytes += sacked.end(i) - sacked.start(i);
            ranges++;
            if (bytes > (long) (DUP_THRESH - 1) * mss || ranges >= DUP_THRESH) {
                return true;
            }
        }
        return false;
    }

    /**
     * RFC 6675's SetPipe, for {@code [sndUna, highData)}: every byte not SACKed counts once if it is
     * not presumed lost, and once more if it has been sent again in this recovery (below
     * {@code highRxt}). One pass over the holes: the hole before SACKed range {@code next} starts where
     * the range before it ends, and IsLost is asked from {@code next} on, with no search per hole.
     */
    long pipe(long sndUna, long highData, long highRxt, int mss) {
        long pipe = 0;
        int next = sacked.firstStartingAfter(sndUna);
        long at = next > 0 && sacked.end(next - 1) > sndUna ? sacked.end(next - 1) : sndUna;
        while (at < highData) {
            long holeEnd = next < sacked.size() ? Math.min(highData, sacked.start(next)) : highData;
            if (!markedLost(at) && !sackedAboveMeansLost(next, mss)) {
                pipe += holeEnd - at;
            }
            pipe += Math.max(0, Math.min(holeEnd, highRxt) - at);
            if (next < sacked.size() && holeEnd == sacked.start(next)) {
                at = sacked.end(next);
                next++;
            } else {
                at = holeEnd; // highData, inside no SACKed range: the last hole
            }
        }
        return pipe;
    }

    /**
     * RFC 6675's NextSeg, rule 1: the first byte from {@code from} on, below {@code highData}, neither
     * SACKed nor sent again yet, if it is presumed lost; -1 otherwise. Fewer bytes are SACKed above a
     * later hole, so if this one is not lost, none after it is.
     */
    long nextLost(long from, long highData, int mss) {
        long at = sackedUpTo(from);
        return at < highData && isLost(at, mss) ? at : -1;
    }

    /** Where the first SACKed range after {@code seq} starts; {@link Long#MAX_VALUE} when none does. */
    long nextSackedStart(long seq) {
        int next = sacked.firstStartingAfter(seq);
        return next == sacked.size() ? Long.MAX_VALUE : sacked.start(next);
    }
}
