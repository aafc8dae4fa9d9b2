package org.wirelab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.wirelab.source.Capture;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;

/** Samples read as the app reads them. */
public final class CaptureFixtures {
    private CaptureFixtures() {
    }

    public static Capture sample(String name) {
        try {
            return new Capture(name, CaptureFiles.read(Environment.samples().resolve(name)).frames(), List.of(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
