package org.wirelab.core.frame;

/** Where a {@link FrameStore} keeps its frames' bytes: numbered chunks, each read as one array. */
sealed interface FrameChunks permits HeapChunks, MappedChunks {
    /** The chunk the last frame went into; a frame appended after a new chunk began has a higher one. */
    int last();

    /** The array holding chunk {@code chunk}'s bytes; never written to by its readers. */
    byte[] bytes(int chunk);

    /** Heap bytes these chunks hold now. */
    long retainedBytes();

    /** Releases spare capacity once no more frames will be appended. */
    void trimToSize();
}
