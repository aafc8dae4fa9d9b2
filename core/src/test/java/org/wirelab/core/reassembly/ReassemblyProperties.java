package org.wirelab.core.reassembly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpState;

/** Properties of reassembly and state tracking over random segmentations, retransmissions and flags. */
class ReassemblyProperties {
    private static final int ACK = 0x10;

    /**
     * A byte stream cut into random segments, some sent twice (retransmissions, possibly re-cut so they
     * overlap), in order: the reassembled stream is the original, whatever the initial sequence number.
     */
    @Property(tries = 300)
    void retransmissionsAndOverlapsDeliverTheOriginalBytes(@ForAll long seed, @ForAll int initialSequence,
            @ForAll @IntRange(min = 1, max = 2000) int size) {
        Random random = new Random(seed);
        byte[] original = new byte[size];
        random.nextBytes(original);
        TcpStreamReassembler reassembler = new TcpStreamReassembler();
        int frame = 0;
        int sent = 0;
        while (sent < size) {
            int length = 1 + random.nextInt(Math.min(300, size - sent));
            if (sent > 0 && random.nextInt(4) == 0) {
                // a retransmission starting earlier and overlapping the new segment
                int back = 1 + random.nextInt(sent);
                reassembler.segment(++frame, 0, ACK, initialSequence + sent - back, 0, back + length, original,
                        sent - back, back + length);
            } else {
                reassembler.segment(++frame, 0, ACK, initialSequence + sent, 0, length, original, sent, length);
            }
            sent += length;
            if (random.nextInt(5) == 0) {
                int back = random.nextInt(sent);
                reassembler.segment(++frame, 0, ACK, initialSequence + back, 0, sent - back, original, back,
                        sent - back);
            }
        }
        ReassembledStream result = reassembler.result();
        assertArrayEquals(original, result.bytes(0));
        assertEquals(List.of(), result.gaps(0));
    }

    /** Segments delivered in a random order all find their place once the first one is there. */
    @Property(tries = 200)
    void reorderedSegmentsAreReassembled(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int count) {
        Random random = new Random(seed);
        byte[] original = new byte[count * 10];
        random.nextBytes(original);
        List<Integer> order = new ArrayList<>();
        for (int k = 1; k < count; k++) {
            order.add(k);
        }
        java.util.Collections.shuffle(order, random);
        order.add(0, 0);   // the first segment fixes where the stream starts
        TcpStreamReassembler reassembler = new TcpStreamReassembler();
        int frame = 0;
        for (int k : order) {
            reassembler.segment(++frame, 0, ACK, 5000 + 10 * k, 0, 10, original, 10 * k, 10);
        }
        assertArrayEquals(original, reassembler.result().bytes(0));
    }

    /**
     * Any sequence of flags and numbers leaves both endpoints in some state after every frame; a RST
     * leaves its sender CLOSED; no segment is taken before it was sent.
     */
    @Property(tries = 500)
    void timelineAlwaysHasAStateAndResetCloses(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int count) {
        Random random = new Random(seed);
        TcpStateTimeline.Builder builder = new TcpStateTimeline.Builder(count);
        int[] senders = new int[count];
        int[] flags = new int[count];
        for (int k = 0; k < count; k++) {
            flags[k] = random.nextInt(0x1000);
            senders[k] = random.nextInt(2);
            builder.segment(0, senders[k], flags[k], random.nextInt(), random.nextInt(), random.nextInt(1500),
                    random.nextBoolean());
        }
        TcpStateTimeline timeline = builder.build();
        for (int k = 0; k < count; k++) {
            assertEquals(true, timeline.stateAfter(k, 0) != null && timeline.stateAfter(k, 1) != null);
            if ((flags[k] & 0x04) != 0) {
                assertEquals(TcpState.CLOSED, timeline.stateAfter(k, senders[k]));
            }
            int arrival = timeline.arrivalIndex(k);
            assertEquals(true, arrival == -1 || arrival >= k, "frame " + k + " taken at " + arrival);
        }
    }
}
