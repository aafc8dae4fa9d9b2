package org.wirelab.core.pcap;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.wirelab.core.output.OutputFile;

/**
 * Writes a capture all at once or not at all, through {@link OutputFile}: a full disk or a crash mid-save
 * leaves the old file (or none), never half a capture.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** What writes the content; closing the stream it is given only flushes it ({@link #write} closes the file). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, Content content) throws IOException {
        OutputFile.writeStream(file, out -> content.writeTo(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }));
    }
}
