package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sender's and receiver's array structures (SentSegments, SequenceRanges, SequenceMap) answer as the
 * sorted maps they replaced, over random sequences of segments sent, sent again at other boundaries,
 * SACKed, acknowledged, reported lost and held beyond a gap: the maps are the definition, the arrays the
 * fast form.
 */
class FlightStructuresTest {

    /** The model of SentSegments: by start, and the undelivered ones in the order they were last sent. */
    private static final class Model {
        final TreeMap<Long, long[]> inFlight = new TreeMap<>(); // start -> {end, sentAt, retransmitted}
        final TreeMap<Long, long[]> undelivered = new TreeMap<>();
        final LinkedHashMap<Long, long[]> bySendTime = new LinkedHashMap<>();

        void sent(long start, long end, long now, boolean again) {
            long[] segment = inFlight.computeIfAbsent(start, s -> new long[] {end, now, 0});
            segment[0] = Math.max(segment[0], end);
            segment[1] = now;
            segment[2] |= again ? 1 : 0;
            undelivered.put(start, segment);
            bySendTime.remove(start);
            bySendTime.put(start, segment);
        }

        List<Long> delivered(long start, long end) {
            List<Long> starts = new ArrayList<>();
            for (long key : new ArrayList<>(undelivered.subMap(start, true, end, false).keySet())) {
                if (undelivered.get(key)[0] <= end) {
                    undelivered.remove(key);
                    bySendTime.remove(key);
                    starts.add(key);
                }
            }
            return starts;
        }

        void acknowledged(long sndUna) {
            while (!inFlight.isEmpty() && inFlight.firstEntry().getValue()[0] <= sndUna) {
                long start = inFlight.pollFirstEntry().getKey();
                undelivered.remove(start);
                bySendTime.remove(start);
            }
        }
    }

    @Test
    void sentSegmentsAnswerAsTheMapsTheyReplaced() {
        for (int seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Model model = new Model();
            SentSegments segments = new SentSegments();
            long sndUna = 0;
            long sndMax = 0;
            long now = 0;
            for (int step = 0; step < 1000; step++) {
                now += random.nextInt(3); // often the same instant: bursts
                int action = random.nextInt(10);
                if (action < 4) { // new data
                    long end = sndMax + 1 + random.nextInt(1500);
                    model.sent(sndMax, end, now, false);
                    segments.sent(sndMax, end, now, false, null);
                    sndMax = end;
                } else if (action < 6 && sndMax > sndUna) { // sent again, from a segment's start or anywhere
                    long start = random.nextBoolean() && !model.inFlight.isEmpty()
                            ? pick(random, model.inFlight.keySet()) : sndUna + random.nextLong(sndMax - sndUna);
                    long end = Math.min(sndMax, start + 1 + random.nextInt(1500));
                    model.sent(start, end, now, true);
                    segments.sent(start, end, now, true, null);
                } else if (action < 9 && sndMax > sndUna) { // a SACK block or a cumulative ACK's range
                    long start = sndUna + random.nextLong(sndMax - sndUna);
                    long end = Math.min(sndMax, start + random.nextInt(6000));
                    List<Long> delivered = new ArrayList<>();
                    for (int place = segments.firstUndeliveredFrom(start); place < segments.end()
                            && segments.start(segments.slotAt(place)) < end; place = segments.nextUndelivered(place)) {
                        int slot = segments.slotAt(place);
                        if (segments.end(slot) <= end) {
                            segments.delivered(place);
                            delivered.add(segments.start(slot));
                        }
                    }
                    assertEquals(model.delivered(start, end), delivered, "seed " + seed + ", step " + step);
                } else if (sndMax > sndUna) {
                    sndUna += random.nextLong(sndMax - sndUna + 1);
                    model.acknowledged(sndUna);
                    segments.acknowledged(sndUna);
                }
                assertSame(model, segments, "seed " + seed + ", step " + step);
            }
        }
    }

    private static long pick(SplittableRandom random, java.util.Set<Long> keys) {
        int index = random.nextInt(keys.size());
        for (long key : keys) {
            if (index-- == 0) {
                return key;
            }
        }
        throw new AssertionError();
    }

    private static void assertSame(Model model, SentSegments segments, String where) {
        assertEquals(model.undelivered.size(), segments.undeliveredCount(), where);
        assertEquals(model.inFlight.isEmpty() ? -1 : model.inFlight.lastKey(), segments.lastStart(), where);
        int first = segments.firstUndelivered();
        assertEquals(model.undelivered.isEmpty() ? -1 : model.undelivered.firstKey(),
                first == SentSegments.NONE ? -1 : segments.start(first), where);
        List<String> expected = new ArrayList<>();
        for (Map.Entry<Long, long[]> entry : model.bySendTime.entrySet()) {
            long[] segment = entry.getValue();
            expected.add(entry.getKey() + "-" + segment[0] + "@" + segment[1] + (segment[2] != 0 ? "r" : ""));
        }
        List<String> actual = new ArrayList<>();
        for (int slot = segments.oldestSent(); slot != SentSegments.NONE; slot = segments.sentAfter(slot)) {
            actual.add(segments.start(slot) + "-" + segments.end(slot) + "@" + segments.sentAt(slot)
                    + (segments.retransmitted(slot) ? "r" : ""));
        }
        assertEquals(expected, actual, where);
    }

    @Test
    void sequenceRangesMergeAsATreeMapOfRanges() {
        for (int seed = 1; seed <= 100; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            TreeMap<Long, Long> model = new TreeMap<>();
            SequenceRanges ranges = new SequenceRanges();
            long floor = 0;
            for (int step = 0; step < 500; step++) {
                int action = random.nextInt(10);
                if (action == 0) { // the sender's cumulative ACK
                    floor += random.nextInt(3000);
                    removeBefore(model, floor);
                    ranges.removeBefore(floor);
                } else if (action == 1) { // the receiver's next byte moved: the ranges it reached go whole
                    floor += random.nextInt(3000);
                    model.headMap(floor, true).clear();
                    ranges.removeStartingUpTo(floor);
                } else {
                    long start = floor + random.nextInt(20_000);
                    long end = start + 1 + random.nextInt(3000);
                    add(model, start, end);
                    ranges.add(start, end);
                }
                List<Long> expected = new ArrayList<>();
                model.forEach((start, end) -> {
                    expected.add(start);
                    expected.add(end);
                });
                List<Long> actual = new ArrayList<>();
                for (int i = 0; i < ranges.size(); i++) {
                    actual.add(ranges.start(i));
                    actual.add(ranges.end(i));
                }
                assertEquals(expected, actual, "seed " + seed + ", step " + step);
                long probe = floor + random.nextInt(25_000);
                Map.Entry<Long, Long> holding = model.floorEntry(probe);
                boolean contains = holding != null && holding.getValue() > probe;
                assertEquals(contains, ranges.contains(probe));
                assertEquals(contains ? holding.getValue() : probe, ranges.endOfRangeHolding(probe));
                Long higher = model.higherKey(probe);
                int next = ranges.firstStartingAfter(probe);
                assertEquals(higher == null ? -1 : higher, next == ranges.size() ? -1 : ranges.start(next));
            }
        }
    }

    /**
     * As the receiver uses it (segments beyond a gap join mostly at the end, sometimes before, leave from
     * the front as the gap fills) and as the scoreboard does (ranges marked lost, forgotten below SND.UNA
     * when they end there), with floor lookups anywhere; past its first arrays' length, so that it grows
     * and moves its entries to the front.
     */
    @Test
    void sequenceMapAnswersAsATreeMap() {
        for (int seed = 1; seed <= 100; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            TreeMap<Long, Long> model = new TreeMap<>();
            SequenceMap<Long> map = new SequenceMap<>();
            long floor = 0;
            long highest = 0;
            for (int step = 0; step < 600; step++) {
                String where = "seed " + seed + ", step " + step;
                int action = random.nextInt(10);
                // Keys, values and bounds on a grid of 100, so that they often fall on each other.
                if (action < 5) { // mostly after the highest, as segments arriving in order beyond a gap
                    long key = 100 * (action < 4 ? highest / 100 + random.nextInt(15) : floor / 100 + random.nextInt(400));
                    long value = key + 100 * random.nextInt(30);
                    highest = Math.max(highest, key);
                    assertEquals(model.get(key), map.get(key), where);
                    model.put(key, value);
                    map.put(key, value);
                } else if (action < 7) { // the gap filled: the lowest ones taken
                    for (int n = random.nextInt(4); n > 0 && !model.isEmpty(); n--) {
                        assertEquals(model.firstKey(), map.key(0), where);
                        assertEquals(model.pollFirstEntry().getValue(), map.value(0), where);
                        map.removeFirst();
                    }
                } else if (action < 8) { // SND.UNA moved: those below it that end by it go
                    floor += 100 * random.nextInt(50);
                    long sndUna = floor;
                    model.headMap(sndUna).entrySet().removeIf(range -> range.getValue() <= sndUna);
                    map.removeBelow(sndUna, end -> end <= sndUna);
                } else if (action < 9 && random.nextInt(20) == 0) {
                    model.clear();
                    map.clear();
                } else {
                    long probe = floor + 50 * random.nextInt(900);
                    Map.Entry<Long, Long> expected = model.floorEntry(probe);
                    int index = map.floor(probe);
                    assertEquals(expected == null ? -1 : model.headMap(probe, true).size() - 1, index, where);
                    if (expected != null) {
                        assertEquals(expected.getKey(), map.key(index), where);
                        assertEquals(expected.getValue(), map.value(index), where);
                    }
                }
                assertEquals(model.size(), map.size(), where);
                assertEquals(model.isEmpty(), map.isEmpty(), where);
                List<Long> actual = new ArrayList<>();
                for (int i = 0; i < map.size(); i++) {
                    actual.add(map.key(i));
                    actual.add(map.value(i));
                }
                List<Long> entries = new ArrayList<>();
                model.forEach((key, value) -> {
                    entries.add(key);
                    entries.add(value);
                });
                assertEquals(entries, actual, where);
            }
        }
    }

    private static void add(TreeMap<Long, Long> ranges, long start, long end) {
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
    }

    private static void removeBefore(TreeMap<Long, Long> ranges, long position) {
        while (!ranges.isEmpty() && ranges.firstKey() < position) {
            Map.Entry<Long, Long> first = ranges.pollFirstEntry();
            if (first.getValue() > position) {
                ranges.put(position, first.getValue());
                return;
            }
        }
    }
}
