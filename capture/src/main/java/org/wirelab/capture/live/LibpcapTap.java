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

    private LibpcapTap(PcapHandle handle) {
        this.handle = handle;
        this.linkType = handle.getDlt().value();
    }

    /** Opens the interface with {@code filter} set: from here on the kernel buffers matching frames. */
    static LibpcapTap open(CaptureSettings settings, String filter) throws CaptureUnavailableException {
        return new LibpcapTap(Handles.open(settings, filter));
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public void run(Receiver receiver) throws IOException {
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
    public void close() {
        handle.close();
    }
}
