package org.wirelab.core.pcap;

import java.nio.ByteOrder;
import java.util.List;

/**
 * What a capture file says about itself: its format ("pcap" or "pcapng"), the byte order of its
 * (first) header, and its interfaces in file order (every section's, for a pcapng file with several).
 */
public record CaptureInfo(String format, ByteOrder byteOrder, List<CaptureInterface> interfaces) {

    public CaptureInfo {
        interfaces = List.copyOf(interfaces);
    }

    /** The distinct link types of the interfaces, in order of first appearance. */
    public List<Integer> linkTypes() {
        return interfaces.stream().map(CaptureInterface::linkType).distinct().toList();
    }
}
