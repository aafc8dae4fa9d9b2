package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How writes are cut into segments, checked against samples/scenarios/tcp-bulk.pcap (frames 4 to 17),
 * where Linux cut the client's 64 KiB writes on lo.
 */
class WriteQueueTest {
    private static final long RATE = 1_000_000_000L;

    @Test
    void aWriteIsCutAtHalfTheWindowWithForcedAndFinalPush() {
        WriteQueue queue = new WriteQueue(1);
        // The first write, the SYN-ACK's window 65483 being the largest offered: size goal 32741.
        queue.written(1, 1 + 65_536, 32_741, 65_483 / 2, 0, RATE);
        assertEquals(List.of("32741", "32741 PSH", "54 PSH"), drain(queue));
    }

    @Test
    void laterWritesFollowTheGrownWindow() {
        WriteQueue queue = new WriteQueue(65_537);
        // Frames 9 and 10: the window was 95232, so 47616; frames 12 and 14: 226304, so the MSS.
        queue.written(65_537, 65_537 + 65_536, 47_616, 95_232 / 2, 0, RATE);
        assertEquals(List.of("47616", "17920 PSH"), drain(queue));
        queue.written(131_073, 131_073 + 65_536, 65_483, 226_304 / 2, 0, RATE);
        assertEquals(List.of("65483", "53 PSH"), drain(queue));
    }

    @Test
    void aWriteTopsUpTheUnsentRestOfThePreviousOneAndTakesItsPush() {
        WriteQueue queue = new WriteQueue(65_537);
        queue.written(65_537, 65_537 + 65_536, 47_616, 95_232 / 2, 0, RATE);
        queue.removeFirst(); // 47616 bytes left; 17920 wait for the window
        queue.written(131_073, 131_073 + 65_536, 47_616, 95_232 / 2, 0, RATE);
        // As in most live runs: 17920 + 29696 = 47616 without PSH, then the rest of the second write.
        assertEquals(List.of("47616", "35840 PSH"), drain(queue));
    }

    @Test
    void aSegmentLeavesOnlyOnceItsBytesAreCopiedIn() {
        WriteQueue queue = new WriteQueue(1);
        queue.written(1, 1 + 65_536, 32_741, 65_483 / 2, 1_000, RATE);
        assertEquals(1_000 + 32_741, queue.firstReadyAt(), "one byte a nanosecond");
        queue.removeFirst();
        assertEquals(1_000 + 65_482, queue.firstReadyAt());
    }

    private static List<String> drain(WriteQueue queue) {
        List<String> segments = new ArrayList<>();
        while (!queue.isEmpty()) {
            segments.add(queue.firstLength() + (queue.firstPushed() ? " PSH" : ""));
            queue.removeFirst();
        }
        return segments;
    }
}
