package org.wirelab.app.save;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.wirelab.source.Capture;
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
        save(capture, file, settings, language, fraction -> { });
    }

    /**
     * The same, telling {@code progress} how far it is (0 to 1): a pcapng about a hundred times on the
     * way, as it explains each frame (most of the time it takes); a pcap, which only copies the frames'
     * bytes, once at the end.
     */
    public static void save(Capture capture, Path file, String settings, Locale language, DoubleConsumer progress)
            throws IOException {
        if (SaveFormat.of(file) == SaveFormat.PCAP) {
            PcapWriter.writeAtomically(capture.frames(), file);
            progress.accept(1);
            return;
        }
        Explainer explainer = capture.explainer();
        int size = Math.max(1, capture.size());
        int reportEvery = Math.max(1, size / 100);
        PcapNgWriter.write(capture.frames(), file, settings, index -> {
            if (index % reportEvery == 0) {
                progress.accept((double) index / size);
            }
            return explainer.explain(index, language).text();
        });
        progress.accept(1);
    }
}
