package org.wirelab.app.packets;

import javafx.collections.ObservableListBase;

/**
 * The frame indices a table shows, without a boxed object per frame: either the first {@code count}
 * indices, or the ones a filter kept. Read-only; replaced as a whole when the filter changes.
 */
final class FrameIndexList extends ObservableListBase<Integer> {
    private int[] indices;
    private int count;

    void showFirst(int frames) {
        replace(null, frames);
    }

    void show(int[] kept) {
        replace(kept, kept.length);
    }

    private void replace(int[] kept, int size) {
        int old = count;
        beginChange();
        indices = kept;
        count = size;
        if (old > 0) {
            nextRemove(0, java.util.Collections.nCopies(old, 0));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    /** Where frame {@code index} is in the list, or -1. */
    int positionOf(int index) {
        if (indices == null) {
            return index < count ? index : -1;
        }
        int at = java.util.Arrays.binarySearch(indices, 0, count, index);
        return at >= 0 ? at : -1;
    }

    @Override
    public Integer get(int position) {
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException(position);
        }
        return indices == null ? position : indices[position];
    }

    @Override
    public int size() {
        return count;
    }
}
