package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Linux's receive window on lo, with the figures of samples/scenarios/tcp-bulk.pcap. */
class ReceiveWindowTest {
    private static final int LOOPBACK_MSS = 65_483;
    private static final long MILLISECOND = 1_000_000;

    @Test
    void theFirstSegmentOpensTheWindowToTheClampAndNoFurther() {
        ReceiveWindow window = new ReceiveWindow(6 << 20);
        window.start(65_483, LOOPBACK_MSS, 0);
        assertEquals(65_483, window.offer(0), "what the SYN-ACK offered");
        assertTrue(window.grow(32_741, LOOPBACK_MSS));
        assertEquals(95_232, window.offer(32_741), "frame 5 of the sample");
        assertFalse(window.grow(32_741, LOOPBACK_MSS), "at the clamp: no growth, no quick ACK");
        assertEquals(131_072 - 98_277, window.offer(98_277), "a reader behind: the free buffer");
    }

    @Test
    void readingMoreThanTheLastMeasureInARoundTripGrowsTheBuffer() {
        ReceiveWindow window = new ReceiveWindow(6 << 20);
        window.start(65_483, LOOPBACK_MSS, 0);
        window.grow(65_483, LOOPBACK_MSS);
        window.applicationRead(200_000, 5 * MILLISECOND);
        assertFalse(window.grow(65_483, LOOPBACK_MSS), "no round trip measured yet: no autotuning");
        window.roundTrip(2 * MILLISECOND, true);
        window.applicationRead(400_000, 10 * MILLISECOND);
        assertTrue(window.grow(65_483, LOOPBACK_MSS), "the clamp followed the buffer");
        assertEquals(95_232 + 2 * LOOPBACK_MSS, window.offer(0), "two segments more, as frame 11 of the sample");
    }

    @Test
    void aSmallBufferKeepsTheWindowWithinIt() {
        ReceiveWindow window = new ReceiveWindow(8_192);
        window.start(7_240, 1_448, 0);
        window.grow(1_448, 1_448);
        assertEquals(8_192, window.offer(0));
        assertEquals(8_192 - 4_096, window.offer(4_096));
    }
}
