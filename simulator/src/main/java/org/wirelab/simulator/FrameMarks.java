package org.wirelab.simulator;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * What the simulator knows it did in each captured frame (a retransmission, a duplicate ACK, a zero
 * window...), as {@link Marks} bits by frame number: what tshark's analysis flags should find. Only
 * frames with a mark are kept, so the list stays small in a long transfer.
 */
public final class FrameMarks {
    private int[] frames = new int[16];
    private int[] marks = new int[16];
    private int size;

    void add(int frame, int mark) {
        if (mark == 0) {
            return;
        }
        if (size == frames.length) {
            frames = java.util.Arrays.copyOf(frames, size * 2);
            marks = java.util.Arrays.copyOf(marks, size * 2);
        }
        frames[size] = frame;
        marks[size] = mark;
        size++;
    }

    /** Adds {@code mark} to each of {@code numbers} (ascending), keeping the list in frame order. */
    void addToEach(int[] numbers, int mark) {
        int[] mergedFrames = new int[size + numbers.length];
        int[] mergedMarks = new int[size + numbers.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size || j < numbers.length) {
            if (j == numbers.length || (i < size && frames[i] < numbers[j])) {
                mergedFrames[n] = frames[i];
                mergedMarks[n++] = marks[i++];
            } else if (i < size && frames[i] == numbers[j]) {
                mergedFrames[n] = frames[i];
                mergedMarks[n++] = marks[i++] | mark;
                j++;
            } else {
                mergedFrames[n] = numbers[j++];
                mergedMarks[n++] = mark;
            }
        }
        frames = mergedFrames;
        marks = mergedMarks;
        size = n;
    }

    /** The marks of frame {@code number} (1-based), 0 for none. */
    public int of(int number) {
        int at = java.util.Arrays.binarySearch(frames, 0, size, number);
        return at >= 0 ? marks[at] : 0;
    }

    /** The numbers of the frames carrying {@code mark}, in order. */
    public List<Integer> framesWith(int mark) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if ((marks[i] & mark) != 0) {
                found.add(frames[i]);
            }
        }
        return found;
    }
}
