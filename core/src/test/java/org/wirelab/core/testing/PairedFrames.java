package org.wirelab.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;

/**
 * The frames paired with earlier ones beyond TCP, DNS messages (a response with its query, a message sent
 * again) and ICMP echo replies (with their request), and the sample and corpus files that have them: the
 * pairs a file read a part at a time must carry from part to part.
 */
public final class PairedFrames {
    private PairedFrames() {
    }

    /** The samples and corpus captures with a DNS message or an ICMP echo reply. */
    public static Stream<Path> captures() {
        return Corpus.readableWithSamples()
                .filter(capture -> !of(CaptureAnalysis.of(Corpus.read(capture).orElseThrow().frames())).isEmpty());
    }

    /** The DNS messages and ICMP echo replies of {@code analysis} (0-based indexes), paired or not. */
    public static List<Integer> of(CaptureAnalysis analysis) {
        CaptureFields fields = new CaptureFields(analysis);
        List<Integer> frames = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.texts("dns.id", i).isEmpty() || fields.texts("icmp.type", i).equals(List.of("0"))) {
                frames.add(i);
            }
        }
        return frames;
    }
}
