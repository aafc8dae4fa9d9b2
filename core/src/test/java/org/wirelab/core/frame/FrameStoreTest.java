package org.wirelab.core.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps every frame whole when its bytes fill several chunks, as a capture over 2 GiB does,
 * on the heap and left in a mapped file.
 */
class FrameStoreTest {
    @TempDir
    Path temp;

    @Test
    void framesAcrossSeveralChunksKeepTheirBytesLengthsAndOrder() {
        Random random = new Random(7);
        FrameStore store = new FrameStore(64, 16, 1000);
        byte[][] written = new byte[500][];
        for (int i = 0; i < written.length; i++) {
            written[i] = new byte[random.nextInt(300)];
            random.nextBytes(written[i]);
            store.append(1_000L * i, 1, written[i], 0, written[i].length, written[i].length + i);
        }
        long total = 0;
        for (int i = 0; i < written.length; i++) {
            total += written[i].length;
            assertEquals(written[i].length, store.capturedLength(i), "captured length of frame " + (i + 1));
            assertEquals(written[i].length + i, store.originalLength(i));
            assertEquals(1_000L * i, store.timestampNanos(i));
            byte[] inPlace = Arrays.copyOfRange(store.buffer(i), store.offset(i), store.offset(i) + store.capturedLength(i));
            assertArrayEquals(written[i], inPlace, "bytes of frame " + (i + 1));
            assertArrayEquals(written[i], store.frame(i).bytes());
        }
        assertEquals(total, store.storedBytes());
        store.trimToSize();
        assertArrayEquals(written[written.length - 1], store.frame(written.length - 1).bytes());
    }

    @Test
    void aFrameThatDoesNotFitTheChunkLeftStartsTheNextOneWithItsBytesWhole() {
        FrameStore store = new FrameStore(64, 16, 100);
        byte[] sixty = new byte[60];
        Arrays.fill(sixty, (byte) 6);
        byte[] fifty = new byte[50];
        Arrays.fill(fifty, (byte) 5);
        store.append(0, 1, sixty, 0, 60, 60);
        store.append(0, 1, fifty, 0, 50, 50);
        store.append(0, 1, new byte[0], 0, 0, 0);
        assertEquals(60, store.capturedLength(0));
        assertEquals(50, store.capturedLength(1));
        assertEquals(0, store.capturedLength(2));
        assertEquals(0, store.offset(1), "the second frame begins a chunk of its own");
        assertArrayEquals(fifty, store.frame(1).bytes());
    }

    /**
     * Frames left in a file, with record headers between them, read back through windows of 1,000 bytes
     * over regions of 4,096 bytes: frames that end a window, begin one, and cross a region's edge.
     */
    @Test
    void framesLeftInAMappedFileAreReadWholeAcrossWindowsAndRegions() throws IOException {
        Random random = new Random(11);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        byte[][] written = new byte[400][];
        long[] positions = new long[written.length];
        for (int i = 0; i < written.length; i++) {
            file.writeBytes(new byte[1 + random.nextInt(24)]);                     // a record header
            written[i] = new byte[random.nextInt(i == 100 ? 3000 : 300)];           // one frame above a window
            random.nextBytes(written[i]);
            positions[i] = file.size();
            file.write(written[i], 0, written[i].length);
        }
        Path path = Files.write(temp.resolve("frames.bin"), file.toByteArray());
        FrameStore store;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            store = FrameStore.mapped(channel, 16, 1000, 4096);
            for (int i = 0; i < written.length; i++) {
                store.appendInFile(1_000L * i, 1, positions[i], written[i].length, written[i].length + 1);
            }
        }
        assertTrue(store.isMapped());
        // Read backwards first, so that every window is copied out of order, then forwards; through the
        // store's shared windows, then through a reader's own array.
        FrameReader reader = store.reader();
        for (int pass = 0; pass < 4; pass++) {
            for (int k = 0; k < written.length; k++) {
                int i = pass % 2 == 0 ? written.length - 1 - k : k;
                byte[] buffer = pass < 2 ? store.buffer(i) : reader.buffer(i);
                byte[] inPlace = Arrays.copyOfRange(buffer, store.offset(i), store.offset(i) + store.capturedLength(i));
                assertArrayEquals(written[i], inPlace, "bytes of frame " + (i + 1) + ", pass " + pass);
                assertEquals(written[i].length + 1, store.originalLength(i));
                assertEquals(1_000L * i, store.timestampNanos(i));
            }
        }
        assertTrue(store.retainedBytes() < 22L * 400 + 64 * 1024, "the heap holds the columns and a few windows");
        assertThrows(IllegalStateException.class, () -> store.append(0, 1, new byte[1], 0, 1, 1));
    }

    /**
     * A reader copies a window again when frames were appended to it after it was copied (a file read
     * while it is analysed), and a heap store's reader reads its chunks in place.
     */
    @Test
    void aReaderSeesFramesAppendedToTheWindowItHolds() throws IOException {
        byte[] content = new byte[3000];
        new Random(3).nextBytes(content);
        Path path = Files.write(temp.resolve("growing.bin"), content);
        FrameStore store;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            store = FrameStore.mapped(channel, 16, 1000, 4096);
        }
        FrameReader reader = store.reader();
        FrameStore onHeap = new FrameStore();
        FrameReader heapReader = onHeap.reader();
        for (int i = 0; i < 30; i++) {
            store.appendInFile(i, 1, 100L * i, 100, 100);
            onHeap.append(i, 1, content, 100 * i, 100, 100);
            for (int j = 0; j <= i; j++) {
                byte[] expected = Arrays.copyOfRange(content, 100 * j, 100 * j + 100);
                byte[] mapped = reader.buffer(j);
                assertArrayEquals(expected, Arrays.copyOfRange(mapped, store.offset(j), store.offset(j) + 100),
                        "frame " + (j + 1) + " of " + (i + 1));
                byte[] heap = heapReader.buffer(j);
                assertSame(onHeap.buffer(j), heap);
                assertArrayEquals(expected, Arrays.copyOfRange(heap, onHeap.offset(j), onHeap.offset(j) + 100));
            }
        }
    }

    /** Several threads read a mapped store at once (the app's views do): each sees every frame whole. */
    @Test
    void readersOnSeveralThreadsSeeTheSameFrames() throws Exception {
        Random random = new Random(5);
        byte[] content = new byte[200_000];
        random.nextBytes(content);
        Path path = Files.write(temp.resolve("shared.bin"), content);
        FrameStore store;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            store = FrameStore.mapped(channel, 16, 512, 1 << 16);
            for (int at = 0; at + 100 <= content.length; at += 100) {
                store.appendInFile(at, 1, at, 90, 90);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] readers = new Future<?>[4];
            for (int t = 0; t < readers.length; t++) {
                int seed = t;
                readers[t] = pool.submit(() -> {
                    Random order = new Random(seed);
                    for (int n = 0; n < 20_000; n++) {
                        int i = order.nextInt(store.size());
                        byte[] bytes = store.frame(i).bytes();
                        assertArrayEquals(Arrays.copyOfRange(content, 100 * i, 100 * i + 90), bytes, "frame " + (i + 1));
                    }
                    return null;
                });
            }
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
