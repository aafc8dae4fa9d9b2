package org.wirelab.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void eventsFireByTimeThenInTheOrderTheyWereScheduled() {
        Simulator simulator = new Simulator();
        List<String> fired = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        List<long[]> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long time = random.nextInt(50); // many events share an instant
            int id = i;
            simulator.schedule(time, () -> fired.add(simulator.now() + ":" + id));
            expected.add(new long[] {time, i});
        }
        expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        assertTrue(simulator.run(() -> false, Long.MAX_VALUE) == false && simulator.idle());
        assertEquals(expected.stream().map(e -> e[0] + ":" + e[1]).toList(), fired);
        assertEquals(2000, simulator.firedEvents());
    }

    @Test
    void runStopsWhenDoneOrAtTheDeadlineWithTheClockThere() {
        Simulator simulator = new Simulator();
        int[] count = {0};
        for (int i = 1; i <= 10; i++) {
            simulator.schedule(i * 100L, () -> count[0]++);
        }
        assertTrue(simulator.run(() -> count[0] == 3, Long.MAX_VALUE));
        assertEquals(300, simulator.now());
        assertFalse(simulator.run(() -> false, 650));
        assertEquals(650, simulator.now(), "the clock stands at the deadline");
        assertEquals(6, count[0]);
        assertThrows(IllegalArgumentException.class, () -> simulator.schedule(-1, () -> { }));
    }

    @Test
    void aTimerRestartedLaterFiresOnceAtItsLastDeadline() {
        Simulator simulator = new Simulator();
        List<Long> fired = new ArrayList<>();
        Timer timer = new Timer(simulator, () -> fired.add(simulator.now()));
        timer.start(100);
        simulator.schedule(50, () -> timer.start(100)); // moved to 150
        simulator.schedule(120, () -> timer.start(10)); // moved earlier, to 130
        simulator.runUntil(1_000);
        assertEquals(List.of(130L), fired);

        timer.start(100);
        simulator.schedule(20, timer::stop);
        simulator.runUntil(2_000);
        assertEquals(List.of(130L), fired, "a stopped timer does not fire");
    }
}
