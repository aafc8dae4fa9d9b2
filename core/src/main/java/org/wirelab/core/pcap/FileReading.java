package org.wirelab.core.pcap;

import java.util.List;

/**
 * What reading a capture file to its end found: how many frames, what was wrong (as
 * {@link CaptureFile#warnings()}), whether every byte was read as frames, and the file's format.
 */
public record FileReading(int frames, List<String> warnings, boolean readWhole, CaptureInfo info) {
    public FileReading {
        warnings = List.copyOf(warnings);
    }
}
