package org.wirelab.core.pcap;

import java.util.List;
import org.wirelab.core.frame.FrameStore;

/**
 * A capture file read whole: its frames, what the file says about itself, and what was wrong with it
 * (empty for a sound file; otherwise the damage that ended the frames early, with frame and byte).
 */
public record CaptureFile(CaptureInfo info, FrameStore frames, List<String> warnings) {

    public CaptureFile {
        warnings = List.copyOf(warnings);
    }

    public String format() {
        return info.format();
    }
}
