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
        window.segmentMeasured(32_741); // a segment in the sender's buffer: 248/256 of the memory is payload
        assertEquals(126_976, window.full(), "131,072 x 248 / 256");
        assertTrue(window.grow(32_741, LOOPBACK_MSS, 32_741));
        assertEquals(94_235, window.offer(32_741), "frame 5 of the sample: 95232 once rounded up to 1024");
        assertFalse(window.grow(32_741, LOOPBACK_MSS, 32_741), "at what the buffer has free: no growth, no quick ACK");
        assertEquals(126_976 - 60_000, window.offer(60_000), "a reader behind: the free buffer");
    }

    @Test
    void readingMoreThanTheLastMeasureInARoundTripGrowsTheBuffer() {
        ReceiveWindow window = new ReceiveWindow(6 << 20);
        window.start(65_483, LOOPBACK_MSS, 0);
        window.grow(65_483, LOOPBACK_MSS, 0);
        window.applicationRead(200_000, 0, 5 * MILLISECOND);
        assertFalse(window.grow(65_483, LOOPBACK_MSS, 0), "no round trip measured yet: no autotuning");
        window.roundTrip(2 * MILLISECOND, true);
        window.applicationRead(400_000, 0, 10 * MILLISECOND);
        assertTrue(window.grow(65_483, LOOPBACK_MSS, 0), "the clamp followed the buffer");
        assertEquals(95_232 + 2 * LOOPBACK_MSS, window.offer(0), "two segments more, as frame 11 of the sample");
    }

    @Test
    void aSmallBufferKeepsTheWindowWithinIt() {
        ReceiveWindow window = new ReceiveWindow(8_192);
        window.start(7_240, 1_448, 0);
        window.grow(1_448, 1_448, 0);
        assertEquals(8_192, window.offer(0));
        assertEquals(8_192 - 4_096, window.offer(4_096));
    }

    @Test
    void onALoopbackTheTimeAWindowTakesToArriveIsTheRoundTrip() {
        ReceiveWindow window = new ReceiveWindow(TcpConfig.MAX_RECEIVE_BUFFER);
        window.start(65_483, LOOPBACK_MSS, 0);
        long micro = 1_000;
        while (window.grow(32_741, LOOPBACK_MSS, 0)) {
            // up to the clamp the first buffer sets
        }
        window.dataArrived(32_742, 65_483, 100 * micro); // the measure starts: it ends at 98,225
        window.dataArrived(65_483, 95_232, 150 * micro);
        window.applicationRead(65_483, 0, 200 * micro);
        assertFalse(window.grow(32_741, LOOPBACK_MSS, 0), "a window has not arrived yet: no round trip, no autotuning");
        window.dataArrived(131_073, 95_232, 300 * micro); // 200 us for a window: the receiver's round trip
        window.applicationRead(131_072, 0, 350 * micro); // 131,072 read in 350 us, more than the 10 x MSS before
        assertTrue(window.grow(32_741, LOOPBACK_MSS, 0), "the buffer grew: the window may open beyond 95,232");
        assertTrue(window.full() > 500_000, "room for the sender to double, and double again: " + window.full());
    }

    @Test
    void aReaderThatFallsBehindDoesNotGrowTheBuffer() {
        ReceiveWindow window = new ReceiveWindow(TcpConfig.MAX_RECEIVE_BUFFER);
        window.start(65_483, LOOPBACK_MSS, 0);
        window.roundTrip(MILLISECOND, true);
        window.applicationRead(500_000, 480_000, 2 * MILLISECOND); // read a lot, but most of it still waits
        assertEquals(95_232, window.full());
    }
}
