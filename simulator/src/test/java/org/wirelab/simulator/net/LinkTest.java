package org.wirelab.simulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.tcp.TcpConfig;

/** What a link does to datagrams: delay, serialisation, queue, jitter, loss, duplication, reordering. */
class LinkTest {
    private static final int FRAME = 14 + 20 + 8 + 1000; // Ethernet, IPv4, UDP, 1000 bytes

    /** Sends {@code count} datagrams of 1000 bytes at time 0 and returns (arrival time, index) pairs. */
    private static List<long[]> deliver(LinkConfig config, int count, long seed) {
        Simulator simulator = new Simulator();
        Network network = new Network(simulator, seed, List.of());
        Host a = network.addHost("a", new byte[] {10, 0, 0, 1}, new byte[16], TcpConfig.linux());
        byte[] v6 = new byte[16];
        v6[15] = 2;
        Host b = network.addHost("b", new byte[] {10, 0, 0, 2}, v6, TcpConfig.linux());
        network.link(a, b, config);
        List<long[]> arrivals = new ArrayList<>();
        b.udp().bind(9, (socket, source, port, payload) ->
                arrivals.add(new long[] {simulator.now(), ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)}));
        var sender = a.udp().bind(5000, (socket, source, port, payload) -> { });
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[1000];
            payload[0] = (byte) (i >> 8);
            payload[1] = (byte) i;
            sender.send(b.address(false), 9, payload);
        }
        simulator.runUntil(Long.MAX_VALUE / 2);
        return arrivals;
    }

    @Test
    void packetsLeaveOneAfterTheOtherAtTheLinksRateThenTravelTheDelay() {
        LinkConfig config = LinkConfig.PERFECT.withDelay(Duration.ofMillis(10)).withBandwidth(8_000_000);
        List<long[]> arrivals = deliver(config, 5, 1);
        long serialisation = FRAME * 8L * 1_000_000_000L / 8_000_000; // 1042 bytes at 1 MB/s
        for (int i = 0; i < 5; i++) {
            assertEquals((i + 1) * serialisation + 10_000_000L, arrivals.get(i)[0]);
            assertEquals(i, arrivals.get(i)[1]);
        }
    }

    @Test
    void aFullQueueDropsTheTail() {
        LinkConfig config = LinkConfig.PERFECT.withBandwidth(8_000_000).withQueueLimit(3);
        List<long[]> arrivals = deliver(config, 10, 1);
        assertEquals(List.of(0L, 1L, 2L), arrivals.stream().map(a -> a[1]).toList(),
                "three fit in the queue (the one on the wire included), the other seven are dropped");
    }

    @Test
    void jitterDelaysWithoutReordering() {
        List<long[]> arrivals = deliver(LinkConfig.PERFECT.withDelay(Duration.ofMillis(1)).withJitter(Duration.ofMillis(5)),
                200, 4);
        assertEquals(200, arrivals.size());
        for (int i = 0; i < arrivals.size(); i++) {
            assertEquals(i, arrivals.get(i)[1], "in order");
            assertTrue(arrivals.get(i)[0] >= 1_000_000 && arrivals.get(i)[0] <= 6_000_000);
        }
        assertTrue(arrivals.get(199)[0] > 1_000_000, "some were delayed");
    }

    @Test
    void lossDuplicationAndReorderingHappenAtTheirRates() {
        LinkConfig config = LinkConfig.PERFECT.withDelay(Duration.ofMillis(1)).withLoss(0.2).withDuplication(0.1)
                .withReordering(0.1);
        List<long[]> arrivals = deliver(config, 5000, 7);
        long distinct = arrivals.stream().mapToLong(a -> a[1]).distinct().count();
        assertTrue(Math.abs(distinct - 4000) < 150, "about 80% arrive: " + distinct);
        assertTrue(Math.abs(arrivals.size() - distinct - 400) < 80, "about 10% of them twice: " + (arrivals.size() - distinct));
        long overtaken = 0;
        long highest = -1;
        for (long[] arrival : arrivals) {
            if (arrival[1] < highest) {
                overtaken++; // a packet sent later arrived before it
            }
            highest = Math.max(highest, arrival[1]);
        }
        assertTrue(Math.abs(overtaken - 400) < 100, "about 10% held back and overtaken: " + overtaken);
    }

    @Test
    void eachEffectHasItsOwnRandomSource() {
        LinkConfig lossy = LinkConfig.PERFECT.withLoss(0.3);
        List<Long> lost = deliver(lossy, 300, 11).stream().map(a -> a[1]).toList();
        List<Long> lostWithDuplicates = deliver(lossy.withDuplication(0.5), 300, 11).stream().map(a -> a[1])
                .distinct().toList();
        assertEquals(lost, lostWithDuplicates, "turning duplication on changes nothing about which are lost");
        assertNotEquals(lost, deliver(lossy, 300, 12).stream().map(a -> a[1]).toList(), "another seed, other losses");
    }
}
