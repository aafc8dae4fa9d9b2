package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * RFC 6675's questions on ten 1000-byte segments from offset 1, of which segments 2 and 5 (from 1001
 * and 4001) were lost and the receiver SACKed the others up to segment 8.
 */
class SackScoreboardTest {
    private static final int MSS = 1000;

    private static SackScoreboard scoreboard() {
        SackScoreboard scoreboard = new SackScoreboard();
        scoreboard.add(2001, 3001);
        scoreboard.add(3001, 4001); // merged with the block before
        scoreboard.add(5001, 8001);
        return scoreboard;
    }

    @Test
    void aHoleIsLostWhenMoreThanTwoSegmentsAreSackedAboveIt() {
        SackScoreboard scoreboard = scoreboard();
        assertTrue(scoreboard.isLost(1001, MSS), "5 segments SACKed above");
        assertTrue(scoreboard.isLost(4001, MSS), "3 above");
        assertFalse(scoreboard.isLost(8001, MSS), "nothing above: not yet");
        assertTrue(scoreboard.isSacked(2500));
        assertFalse(scoreboard.isSacked(4500));
    }

    @Test
    void pipeCountsWhatIsNeitherSackedNorLostPlusWhatWasSentAgain() {
        SackScoreboard scoreboard = scoreboard();
        // Sent up to 10001: the two holes are lost, 8001-10001 is in flight.
        assertEquals(2000, scoreboard.pipe(1001, 10_001, 1001, MSS));
        // Once the first hole is sent again, it counts too.
        assertEquals(3000, scoreboard.pipe(1001, 10_001, 2001, MSS));
    }

    @Test
    void nextSegmentToSendAgainIsTheFirstLostHoleNotYetResent() {
        SackScoreboard scoreboard = scoreboard();
        assertEquals(1001, scoreboard.nextLost(1001, 10_001, MSS));
        assertEquals(4001, scoreboard.nextLost(2001, 10_001, MSS), "the first hole resent: skip the SACKed range");
        assertEquals(-1, scoreboard.nextLost(5001, 10_001, MSS), "after the SACKed range nothing is lost");
        scoreboard.acknowledged(4001);
        assertEquals(4001, scoreboard.nextLost(4001, 10_001, MSS), "a cumulative ACK keeps the rest");
        assertEquals(5001, scoreboard.nextSackedStart(4001));
    }
}
