package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.simulator.net.Packet.Marks;

/** Issue 5 sections 1 and 4: same seed, same bytes; another seed, another loss pattern. */
class DeterminismTest {
    private static final Scenario BULK = Scenarios.tcpBulk(300_000);

    @TempDir
    Path dir;

    private static SimulationOptions lossy(long seed) {
        SimulationOptions options = SimulationOptions.defaults().withSeed(seed);
        return options.withTcp(options.tcp().withMtu(1500)).withLink(options.link().withDelay(Duration.ofMillis(10))
                .withJitter(Duration.ofMillis(2)).withLoss(0.05).withDuplication(0.02).withReordering(0.02)
                .withBandwidth(100_000_000).withQueueLimit(50));
    }

    @Test
    void theSameSeedGivesTheSameFileByteForByte() throws IOException {
        Path first = dir.resolve("first.pcap");
        Path second = dir.resolve("second.pcap");
        Simulation.runToPcap(BULK, lossy(42), first);
        SimulationResult kept = Simulation.run(BULK, lossy(42));
        PcapWriter.write(kept.frames(), second, PcapWriter.Resolution.NANOSECONDS);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "streamed and kept, two runs of seed 42 wrote the same file");
        assertTrue(kept.statistics().packetsLost() > 0, "the run lost packets: " + kept.statistics());
    }

    @Test
    void anotherSeedLosesOtherPackets() {
        SimulationResult one = Simulation.run(BULK, lossy(1));
        SimulationResult two = Simulation.run(BULK, lossy(2));
        assertTrue(one.log().succeeded() && two.log().succeeded());
        List<Integer> retransmittedOne = one.marks().framesWith(Marks.RETRANSMISSION);
        List<Integer> retransmittedTwo = two.marks().framesWith(Marks.RETRANSMISSION);
        assertTrue(!retransmittedOne.isEmpty() && !retransmittedTwo.isEmpty());
        assertNotEquals(relativeSequences(one.frames(), retransmittedOne), relativeSequences(two.frames(), retransmittedTwo),
                "seeds 1 and 2 lose different segments");
    }

    @Test
    void aRunDependsOnNothingButItsInputs() {
        SimulationResult first = Simulation.run(Scenarios.chat(), lossy(9));
        SimulationResult second = Simulation.run(Scenarios.chat(), lossy(9));
        assertEquals(first.log(), second.log());
        assertEquals(first.states(), second.states());
        assertEquals(first.statistics(), second.statistics());
    }

    /** The sequence numbers of the frames, relative to their connection's ISN (the first SYN's). */
    private static List<Long> relativeSequences(FrameStore frames, List<Integer> numbers) {
        long isn = sequence(frames, 0);
        List<Long> relative = new ArrayList<>();
        for (int number : numbers) {
            relative.add((sequence(frames, number - 1) - isn) & 0xffffffffL);
        }
        return relative;
    }

    private static long sequence(FrameStore frames, int index) {
        byte[] bytes = frames.frame(index).bytes();
        int at = 14 + 20 + 4;
        return ((bytes[at] & 0xffL) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }
}
