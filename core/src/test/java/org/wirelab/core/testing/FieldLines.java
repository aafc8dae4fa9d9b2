package org.wirelab.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureSegments;

/** Fields' texts one line per frame, as packets -T fields prints them: for comparing two readings of a file. */
public final class FieldLines {
    private FieldLines() {
    }

    /** One line per frame: each field's name and its texts. */
    public static List<String> of(CaptureFields fields, List<String> names) {
        List<String> lines = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            StringBuilder line = new StringBuilder();
            for (String name : names) {
                line.append(name).append('=').append(fields.texts(name, i)).append(' ');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The same lines with the file read {@code partFrames} frames at a time, each part's analysis carried to the next. */
    public static List<String> inParts(Path capture, int partFrames, List<String> names) throws IOException {
        List<String> lines = new ArrayList<>();
        try (CaptureSegments segments = CaptureSegments.open(capture, partFrames)) {
            CaptureFields fields = null;
            for (FrameStore frames = segments.next(); frames != null; frames = segments.next()) {
                CaptureAnalysis analysis = fields == null ? CaptureAnalysis.of(frames)
                        : CaptureAnalysis.after(fields.analysis(), frames);
                analysis.carryPairs();   // as packets does when it reads trees
                fields = fields == null ? new CaptureFields(analysis) : CaptureFields.after(fields, analysis);
                lines.addAll(of(fields, names));
            }
        }
        return lines;
    }
}
