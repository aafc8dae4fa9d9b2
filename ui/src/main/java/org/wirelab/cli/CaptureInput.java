package org.wirelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;

/** Opens the capture file a command was given, with the checks that make one-line errors possible. */
public final class CaptureInput {
    private CaptureInput() {
    }

    public static CaptureFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a directory, not a capture file");
        }
        return CaptureFiles.read(file);
    }

    /** The 0-based index of frame {@code number}, or a one-line error naming the frames there are. */
    static int frameIndex(FrameStore frames, int number) {
        if (number < 1 || number > frames.size()) {
            throw new UserError(frames.size() == 0 ? "no frame " + number + ": the file has no frames"
                    : "no frame " + number + ": the file has frames 1 to " + frames.size());
        }
        return number - 1;
    }
}
