package org.wirelab.capture.live;

import java.io.IOException;
import java.sql.Timestamp;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;

/** Frames from libpcap in this process, through pcap4j: the first choice wherever it is permitted. */
final class LibpcapTap implements FrameTap {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final PcapHandle handle;
    private final int linkType;
    private final NextFrame nextFrame;
    private volatile boolean interrupted;

    private LibpcapTap(PcapHandle handle, int snapLength) {
        this.handle = handle;
        this.linkType = handle.getDlt().value();
        this.nextFrame = NextFrame.of(handle, snapLength);
    }

    /** Opens the interface with {@code filter} set: from here on the kernel buffers matching frames. */
    static LibpcapTap open(CaptureSettings settings, String filter) throws CaptureUnavailableException {
        return new LibpcapTap(Handles.open(settings, filter), settings.snapLength());
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public void run(Receiver receiver) throws IOException {
        if (nextFrame != null) {
            readEachFrame(receiver);
        } else {
            loop(receiver);
        }
    }

    /** The fast way: one direct native call per frame, into a buffer reused for every frame. */
    private void readEachFrame(Receiver receiver) throws IOException {
        while (!interrupted) {
            int status = nextFrame.next();
            if (status == 1) {
                receiver.frame(nextFrame.timestampNanos(), linkType, nextFrame.buffer(), 0,
                        nextFrame.capturedLength(), nextFrame.originalLength());
            } else if (status == NextFrame.BROKEN) {
                return;
            } else if (status != NextFrame.TIMEOUT) {
                throw new IOException("libpcap stopped capturing: " + lastError());
            }
        }
    }

    private String lastError() {
        try {
            return handle.getError();
        } catch (NotOpenException e) {
            return "the capture was closed";
        }
    }

    /** pcap4j's own loop, where {@link NextFrame} cannot be used. */
    private void loop(Receiver receiver) throws IOException {
        RawPacketListener listener = bytes -> {
            Timestamp timestamp = handle.getTimestamp();
            // Timestamp keeps whole milliseconds in getTime() and the full fraction of the second in getNanos().
            long nanos = Math.floorDiv(timestamp.getTime(), 1000L) * NANOS_PER_SECOND + timestamp.getNanos();
            receiver.frame(nanos, linkType, bytes, 0, bytes.length, handle.getOriginalLength());
        };
        try {
            handle.loop(-1, listener);
        } catch (InterruptedException e) {
            // pcap_loop returned -2: broken by interrupt(), the normal end.
        } catch (PcapNativeException | NotOpenException e) {
            throw new IOException("libpcap stopped capturing: " + e.getMessage(), e);
        }
    }

    @Override
    public void interrupt() {
        interrupted = true;
        try {
            // pcap_breakloop wakes a blocked poll within milliseconds; repeating it is harmless.
            handle.breakLoop();
        } catch (NotOpenException e) {
            // Already closed: the loop is over anyway.
        }
    }

    @Override
    public Counters counters() {
        try {
            PcapStat stat = handle.getStats();
            return new Counters("libpcap", stat.getNumPacketsReceived(), stat.getNumPacketsDropped(),
                    stat.getNumPacketsDroppedByIf());
        } catch (PcapNativeException | NotOpenException e) {
            return Counters.unknown("libpcap");
        }
    }

    @Override
    public boolean receivedCountsOnlyDeliveredFrames() {
        return false;
    }

    @Override
    public void close() {
        handle.close();
    }
}
