package org.wirelab.app.save;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.wirelab.app.capture.Capture;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.pcap.PcapNgWriter;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Saves what the window shows, whatever it came from (a file, a live capture, a simulated run), so the
 * file opened in Wireshark carries the lesson: in pcapng, each frame's explanation (in the window's
 * language) as its comment and what was run as the section's comment. Both formats are written
 * atomically: a failed save leaves the previous file as it was.
 */
public final class CaptureSaver {
    private CaptureSaver() {
    }

    public static void save(Capture capture, Path file, String settings, Locale language) throws IOException {
        if (SaveFormat.of(file) == SaveFormat.PCAP) {
            PcapWriter.writeAtomically(capture.frames(), file);
            return;
        }
        Explainer explainer = capture.explainer();
        PcapNgWriter.write(capture.frames(), file, settings, index -> explainer.explain(index, language).text());
    }
}
