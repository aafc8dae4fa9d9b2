package org.wirelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.wirelab.core.analysis.FileWindow;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.ladder.LadderInParts;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.pcap.FileReading;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the capture file a command was given, with the checks that make one-line errors possible. */
public final class CaptureInput {
    private CaptureInput() {
    }

    /**
     * Frames a one-pass command reads at a time: 65,536 frames cost a few megabytes of columns, and the
     * whole file is never held.
     */
    static final int SEGMENT_FRAMES = 1 << 16;

    public static CaptureFile read(Path file) throws IOException {
        check(file);
        return CaptureFiles.read(file);
    }

    /** The file read {@link #SEGMENT_FRAMES} frames at a time, for a command that needs one pass. */
    public static CaptureSegments segments(Path file) throws IOException {
        check(file);
        return CaptureSegments.open(file, SEGMENT_FRAMES);
    }

    /**
     * The window of frame {@code number} of {@code file} ({@link FileWindow#aroundFrame}), or a one-line error
     * naming the frames there are.
     */
    static FileWindow aroundFrame(Path file, int number) throws IOException {
        check(file);
        FileWindow window = FileWindow.aroundFrame(file, SEGMENT_FRAMES, number - 1);
        if (!window.found()) {
            throw new UserError(noFrame(number, window.reading().frames()));
        }
        return window;
    }

    /**
     * The window of TCP stream {@code stream} of {@code file} ({@link FileWindow#ofTcpStream}), or a one-line
     * error naming the streams there are.
     */
    public static FileWindow ofTcpStream(Path file, int stream) throws IOException {
        FileWindow window = tcpStreamWindow(file, stream);
        if (!window.found()) {
            throw noStream(stream, window.tcpStreamCount());
        }
        return window;
    }

    /** The same, not found ({@link FileWindow#found()} false) when the file has no such stream. */
    public static FileWindow tcpStreamWindow(Path file, int stream) throws IOException {
        check(file);
        return FileWindow.ofTcpStream(file, SEGMENT_FRAMES, stream);
    }

    /**
     * The first reading of {@code file} for its ladder ({@link LadderInParts#plan}), {@link #SEGMENT_FRAMES}
     * frames at a time.
     */
    static LadderInParts.Plan ladderPlan(Path file, Integer stream, DisplayFilter filter, int maxLanes)
            throws IOException {
        check(file);
        return LadderInParts.plan(file, SEGMENT_FRAMES, stream, filter, maxLanes);
    }

    /** The one-line error for a TCP stream number the capture does not have. */
    public static UserError noStream(int stream, int streams) {
        return new UserError("no TCP stream " + stream + ": " + (streams == 0 ? "the capture has none"
                : "the capture has streams 0 to " + (streams - 1)));
    }

    private static void check(Path file) throws NoSuchFileException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a directory, not a capture file");
        }
    }

    /**
     * Flushes the command's output, then says on its standard error what was wrong with the file, one
     * line per reader warning (as tshark reports a file cut short, after what it printed), and returns the
     * exit status: 0 when every byte of the file was read as frames, {@link ErrorReporter#INPUT_ERROR} when
     * damage ended the frames early, so that a script never takes part of a file for the whole of it.
     */
    public static int exitStatus(CaptureFile capture, Path file, CommandSpec command) {
        return exitStatus(capture.warnings(), capture.complete(), capture.frames().size(), file, command);
    }

    /** The same for a file read to its end a part at a time (for a window of it, a plan, or in segments). */
    public static int exitStatus(FileReading reading, Path file, CommandSpec command) {
        return exitStatus(reading.warnings(), reading.readWhole(), reading.frames(), file, command);
    }

    private static int exitStatus(List<String> warnings, boolean complete, int read, Path file, CommandSpec command) {
        command.commandLine().getOut().flush();
        PrintWriter err = command.commandLine().getErr();
        for (String warning : warnings) {
            err.println("wirelab " + command.name() + ": " + file + ": " + warning);
        }
        if (complete) {
            return 0;
        }
        err.println("wirelab " + command.name() + ": " + file + ": " + (read == 0 ? "no frame could be read"
                : "reading stopped after frame " + read + ": the output above covers "
                + (read == 1 ? "frame 1" : "frames 1 to " + read) + " only"));
        return ErrorReporter.INPUT_ERROR;
    }

    private static String noFrame(int number, int frames) {
        return frames == 0 ? "no frame " + number + ": the file has no frames"
                : "no frame " + number + ": the file has frames 1 to " + frames;
    }
}
