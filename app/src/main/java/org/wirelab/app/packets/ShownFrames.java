package org.wirelab.app.packets;

import java.util.Arrays;

/**
 * The frame indices the packet list shows, in order, without an object per frame: either the first
 * {@code count} frames, or the ones a filter kept. Replaced as a whole when the filter changes.
 */
final class ShownFrames {
    private int[] kept;
    private int count;

    void showFirst(int frames) {
        kept = null;
        count = frames;
    }

    void show(int[] indices) {
        kept = indices;
        count = indices.length;
    }

    int size() {
        return count;
    }

    /** The index of the frame at {@code position} in the list. */
    int frame(int position) {
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException(position);
        }
        return kept == null ? position : kept[position];
    }

    /** Where frame {@code index} is in the list, or -1. */
    int positionOf(int index) {
        if (kept == null) {
            return index >= 0 && index < count ? index : -1;
        }
        int at = Arrays.binarySearch(kept, 0, count, index);
        return at >= 0 ? at : -1;
    }
}
