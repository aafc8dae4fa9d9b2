package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.wirelab.simulator.net.LinkConfig;

/**
 * Issue 5 section 4: the bytes the receiving application reads are the bytes sent, in order, whatever
 * the seed, the loss rate, duplication and reordering; a connection that cannot get through gives up
 * with a reason and never delivers wrong bytes.
 */
class DeliveryProperties {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final TcpConfig ETHERNET = TcpConfig.linux().withMtu(TcpConfig.ETHERNET_MTU);

    @Property(tries = 60)
    void everyByteArrivesInOrder(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 0.25) double loss,
            @ForAll @DoubleRange(min = 0, max = 0.1) double duplication,
            @ForAll @DoubleRange(min = 0, max = 0.1) double reordering,
            @ForAll @IntRange(min = 1, max = 200_000) int bytes) {
        LinkConfig link = LinkConfig.PERFECT.withDelay(Duration.ofMillis(5)).withLoss(loss)
                .withDuplication(duplication).withReordering(reordering);
        Transfer transfer = new Transfer(seed, link, ETHERNET, bytes, List.of(), null).run(HOUR);
        assertEquals(-1, transfer.firstWrongByte, "no wrong byte");
        assertTrue(transfer.complete(), "all " + bytes + " bytes and the FIN arrived: " + transfer.received
                + " read, client " + transfer.clientFailure + ", server " + transfer.serverFailure);
    }

    @Property(tries = 30)
    void aHopelessConnectionGivesUpButNeverLies(@ForAll long seed, @ForAll @DoubleRange(min = 0.3, max = 0.95) double loss) {
        LinkConfig link = LinkConfig.PERFECT.withDelay(Duration.ofMillis(5)).withLoss(loss);
        // Each ACK that gets through gives the sender 15 more tries, up to 2 minutes apart: give it two days.
        Transfer transfer = new Transfer(seed, link, ETHERNET, 20_000, List.of(), null).run(Duration.ofDays(2));
        assertEquals(-1, transfer.firstWrongByte, "no wrong byte");
        assertTrue(transfer.simulator.idle(), "everything settled: no endless retransmission");
        if (!transfer.complete()) {
            assertNotNull(transfer.clientFailure != null ? transfer.clientFailure : transfer.serverFailure,
                    "an incomplete transfer ends in a failure that says why (read " + transfer.received + ")");
        }
    }
}
