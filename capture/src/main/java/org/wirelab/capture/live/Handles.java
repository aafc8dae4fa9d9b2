package org.wirelab.capture.live;

import java.util.stream.Collectors;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;

/**
 * Opens libpcap handles the way every wirelab capture needs them, and turns libpcap's failures into
 * a {@link CaptureProblem}. The only place that decides what a native error means.
 */
final class Handles {
    /** libpcap's PCAP_ERROR_NO_SUCH_DEVICE and PCAP_ERROR_PERM_DENIED (pcap/pcap.h). */
    private static final int NO_SUCH_DEVICE = -5;
    private static final int PERMISSION_DENIED = -8;
    /** In immediate mode the timeout never matters (and never fires on an idle link, see STACK.md). */
    private static final int IMMEDIATE_READ_TIMEOUT_MILLIS = 100;

    private Handles() {
    }

    /** libpcap's version string; throws the "not installed" problem when the library cannot be loaded. */
    static String libraryVersion() throws CaptureUnavailableException {
        try {
            return Pcaps.libVersion();
        } catch (LinkageError e) {
            // The first use throws UnsatisfiedLinkError, later ones NoClassDefFoundError: both are LinkageErrors.
            throw new CaptureUnavailableException(CaptureProblem.noLibpcap(e), e);
        }
    }

    /** An active handle with the settings' filter set: from here on the kernel buffers matching frames. */
    static PcapHandle open(CaptureSettings settings, String filter) throws CaptureUnavailableException {
        libraryVersion();
        PcapHandle handle;
        boolean immediate = settings.batchMillis() == 0;
        try {
            handle = new PcapHandle.Builder(settings.interfaceName())
                    .snaplen(settings.snapLength())
                    .promiscuousMode(PromiscuousMode.NONPROMISCUOUS)
                    // Without immediate mode a block is handed over when full or when the timeout ends
                    // (with timeout 0, never on a quiet link): the timeout is the batching delay.
                    .timeoutMillis(immediate ? IMMEDIATE_READ_TIMEOUT_MILLIS : settings.batchMillis())
                    .bufferSize(settings.bufferBytes())
                    .immediateMode(immediate)
                    .timestampPrecision(TimestampPrecision.NANO)
                    .build();
        } catch (PcapNativeException e) {
            throw new CaptureUnavailableException(classify(settings.interfaceName(), e), e);
        } catch (LinkageError e) {
            throw new CaptureUnavailableException(CaptureProblem.noLibpcap(e), e);
        }
        try {
            if (!filter.isEmpty()) {
                handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
            }
            return handle;
        } catch (PcapNativeException e) {
            handle.close();
            throw new CaptureUnavailableException(CaptureProblem.badFilter(filter, e.getMessage()), e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("a handle just built is open", e);
        }
    }

    /** Whether libpcap flags the interface as a loopback one (Linux's lo); needs no privilege. */
    static boolean isLoopback(String interfaceName) {
        try {
            PcapNetworkInterface device = Pcaps.getDevByName(interfaceName);
            return device != null && device.isLoopBack();
        } catch (PcapNativeException | LinkageError e) {
            return false;
        }
    }

    static CaptureProblem classify(String interfaceName, PcapNativeException e) {
        String message = String.valueOf(e.getMessage());
        Integer code = e.getReturnCode();
        // From openLive the text is "lo: You don't have permission to perform this capture on that device
        // (socket: Operation not permitted)"; from Builder.build() "socket: Operation not permitted", rc -8.
        if ((code != null && code == PERMISSION_DENIED) || message.contains("Operation not permitted")
                || message.contains("permission")) {
            return CaptureProblem.refusedToLibpcap(interfaceName);
        }
        if ((code != null && code == NO_SUCH_DEVICE) || message.contains("No such device")) {
            return CaptureProblem.noSuchInterface(interfaceName, interfaceNames());
        }
        return CaptureProblem.failed(interfaceName, message);
    }

    private static String interfaceNames() {
        try {
            return Pcaps.findAllDevs().stream().map(PcapNetworkInterface::getName).collect(Collectors.joining(", "));
        } catch (PcapNativeException e) {
            return "";
        }
    }
}
