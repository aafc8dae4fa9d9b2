package org.wirelab.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ring between the capture thread and the sink's thread: every frame arrives once, whole and in
 * order, however the frames' sizes wrap around the ring and however slow the sink is; the sink hears
 * when the capture has caught up, and its failure stops the relay.
 */
class FrameRelayTest {

    @Test
    void everyFrameArrivesWholeAndInOrderThroughASmallRingAndASlowSink() throws Exception {
        Random random = new Random(42);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = new byte[1 + random.nextInt(300)];
            random.nextBytes(frame);
            sent.add(frame);
        }
        List<byte[]> received = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        FrameSink slow = (timestampNanos, linkType, bytes, offset, length, original) -> {
            received.add(Arrays.copyOfRange(bytes, offset, offset + length));
            times.add(timestampNanos);
            assertEquals(1, linkType);
            assertEquals(length + 7, original);
            if (received.size() % 1000 == 0) {
                pause(); // the ring fills meanwhile, and the capture thread has to wait
            }
        };
        // 16 slots and 1000 bytes: frames wrap around the array and the producer waits on both limits.
        FrameRelay relay = new FrameRelay(slow, 16, 1000, "test-sink", () -> { });
        relay.start();
        for (int i = 0; i < sent.size(); i++) {
            byte[] frame = sent.get(i);
            // Offsets inside a larger array, as libpcap's or the reader's buffers give them.
            byte[] buffer = new byte[frame.length + 10];
            System.arraycopy(frame, 0, buffer, 5, frame.length);
            relay.put(i, 1, buffer, 5, frame.length, frame.length + 7);
        }
        assertNull(relay.finish());
        assertEquals(sent.size(), relay.delivered());
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), received.get(i), "frame " + i);
            assertEquals(i, times.get(i));
        }
    }

    @Test
    void theSinkHearsWhenTheCaptureHasCaughtUpBetweenFrames() throws Exception {
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicInteger frames = new AtomicInteger();
        List<Integer> framesAtCatchUp = new ArrayList<>();
        FrameSink sink = new FrameSink() {
            @Override
            public void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int length, int original) {
                frames.incrementAndGet();
            }

            @Override
            public void caughtUp() {
                synchronized (framesAtCatchUp) {
                    framesAtCatchUp.add(frames.get());
                }
                if (frames.get() == 1) {
                    caughtUp.countDown();
                }
            }
        };
        FrameRelay relay = new FrameRelay(sink, 16, 1000, "test-sink", () -> { });
        relay.start();
        relay.put(1, 1, new byte[] {1, 2, 3}, 0, 3, 3);
        // A lone frame is delivered and then flushed at once: a file has it while the capture goes on.
        assertTrue(caughtUp.await(60, TimeUnit.SECONDS), "caughtUp after the first frame: " + framesAtCatchUp);
        relay.finish();
        synchronized (framesAtCatchUp) {
            assertEquals(1, framesAtCatchUp.get(framesAtCatchUp.size() - 1), "and once more at the end");
        }
    }

    @Test
    void aFailingSinkStopsTheRelayAndIsReported() throws Exception {
        IOException diskFull = new IOException("No space left on device");
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch told = new CountDownLatch(1);
        FrameSink failing = (timestampNanos, linkType, bytes, offset, length, original) -> {
            if (calls.incrementAndGet() == 3) {
                throw diskFull;
            }
        };
        FrameRelay relay = new FrameRelay(failing, 16, 1000, "test-sink", told::countDown);
        relay.start();
        for (int i = 0; i < 1000; i++) {
            relay.put(i, 1, new byte[] {(byte) i}, 0, 1, 1);   // never blocks for good once the sink has failed
        }
        assertTrue(told.await(60, TimeUnit.SECONDS), "the capture is told to stop");
        assertSame(diskFull, relay.finish());
        assertEquals(3, calls.get(), "nothing is handed to a sink that failed");
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
