package org.wirelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
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

    /**
     * Says on {@code err} what was wrong with the file, one line per reader warning, after the
     * command's output (as tshark reports a file cut short), and returns the exit status: 0 when every
     * byte of the file was read as frames, {@link ErrorReporter#INPUT_ERROR} when damage ended the
     * frames early, so that a script never takes part of a file for the whole of it.
     */
    public static int exitStatus(CaptureFile capture, Path file, String command, PrintWriter err) {
        for (String warning : capture.warnings()) {
            err.println("wirelab " + command + ": " + file + ": " + warning);
        }
        if (capture.complete()) {
            return 0;
        }
        int read = capture.frames().size();
        err.println("wirelab " + command + ": " + file + ": " + (read == 0 ? "no frame could be read"
                : "reading stopped after frame " + read + ": the output above covers "
                + (read == 1 ? "frame 1" : "frames 1 to " + read) + " only"));
        return ErrorReporter.INPUT_ERROR;
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
