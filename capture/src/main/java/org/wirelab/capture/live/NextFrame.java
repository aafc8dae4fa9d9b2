package org.wirelab.capture.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import org.pcap4j.core.PcapHandle;

/**
 * libpcap's {@code pcap_next_ex} called directly, one frame at a time, copying into a buffer the
 * caller keeps: nothing is allocated per frame. pcap4j's {@code loop} goes through a JNA callback and
 * builds a byte array, a {@code Timestamp} and two boxed values for every frame, which on loopback
 * caps the capture thread below what one sender produces; libpcap then drops the excess.
 *
 * <p>Reads the {@code pcap_t} pointer out of pcap4j's handle, which keeps opening, filtering,
 * statistics and closing. Not thread-safe: the capture thread alone calls {@link #next}.
 */
final class NextFrame {
    /** What {@link #next} returns besides 1 (a frame): libpcap's codes. */
    static final int TIMEOUT = 0;
    static final int ERROR = -1;
    static final int BROKEN = -2;

    /** {@code struct pcap_pkthdr} on 64-bit Linux: a 16-byte timeval, then caplen and len. */
    private static final int CAPTURED_LENGTH_OFFSET = 16;
    private static final int ORIGINAL_LENGTH_OFFSET = 20;

    private static final boolean REGISTERED = register();

    private final Pointer pcap;
    private final Memory header = new Memory(Native.POINTER_SIZE);
    private final Memory data = new Memory(Native.POINTER_SIZE);
    private final byte[] buffer;

    private long seconds;
    private long fraction;
    private int capturedLength;
    private int originalLength;

    private NextFrame(Pointer pcap, int snapLength) {
        this.pcap = pcap;
        this.buffer = new byte[snapLength];
    }

    /**
     * A reader of {@code handle}'s frames, or null where this platform's layout is not the one read
     * here (not 64-bit Linux) or pcap4j no longer keeps its pointer where it did: the caller then
     * uses pcap4j's own loop.
     */
    static NextFrame of(PcapHandle handle, int snapLength) {
        if (!REGISTERED || Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8) {
            return null;
        }
        try {
            Field field = PcapHandle.class.getDeclaredField("handle");
            field.setAccessible(true);
            Object pointer = field.get(handle);
            return pointer instanceof Pointer p ? new NextFrame(p, snapLength) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** 1 when a frame was read (see the getters), else {@link #TIMEOUT}, {@link #ERROR} or {@link #BROKEN}. */
    int next() {
        int status = pcap_next_ex(pcap, header, data);
        if (status != 1) {
            return status;
        }
        Pointer frameHeader = header.getPointer(0);
        seconds = frameHeader.getLong(0);
        fraction = frameHeader.getLong(8);
        capturedLength = Math.min(frameHeader.getInt(CAPTURED_LENGTH_OFFSET), buffer.length);
        originalLength = frameHeader.getInt(ORIGINAL_LENGTH_OFFSET);
        data.getPointer(0).read(0, buffer, 0, capturedLength);
        return 1;
    }

    /** The frame's time, with the handle opened at nanosecond precision (tv_usec then holds nanoseconds). */
    long timestampNanos() {
        return seconds * 1_000_000_000L + fraction;
    }

    byte[] buffer() {
        return buffer;
    }

    int capturedLength() {
        return capturedLength;
    }

    int originalLength() {
        return originalLength;
    }

    private static boolean register() {
        try {
            Native.register(NextFrame.class, NativeLibrary.getInstance(libraryName()));
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** The library pcap4j loads, so that both use the same one. */
    private static String libraryName() {
        return System.getProperty("org.pcap4j.core.pcapLibName", "pcap");
    }

    private static native int pcap_next_ex(Pointer pcap, Pointer header, Pointer data);
}
