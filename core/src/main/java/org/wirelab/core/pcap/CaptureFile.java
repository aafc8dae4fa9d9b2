package org.wirelab.core.pcap;

import java.util.List;
import org.wirelab.core.frame.FrameStore;

/**
 * A capture file read: its frames, what the file says about itself, what was wrong with it (empty for a
 * sound file; otherwise the damage, with frame and byte), and whether its frames are all of the file
 * ({@code complete} is false when damage ended the frames early or only the first frames were read).
 */
public record CaptureFile(CaptureInfo info, FrameStore frames, List<ReadProblem> problems, boolean complete) {

    public CaptureFile {
        problems = List.copyOf(problems);
    }

    /** The problems in English, as the command line prints them. */
    public List<String> warnings() {
        return problems.stream().map(ReadProblem::toString).toList();
    }

    public String format() {
        return info.format();
    }
}
