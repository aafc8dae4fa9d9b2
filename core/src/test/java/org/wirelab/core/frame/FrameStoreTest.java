package org.wirelab.core.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The store keeps every frame whole when its bytes fill several chunks, as a capture over 2 GiB does. */
class FrameStoreTest {

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
}
