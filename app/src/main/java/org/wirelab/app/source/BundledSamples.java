package org.wirelab.app.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.wirelab.source.FileSource;

/**
 * The sample captures shipped inside the application (copied from the repository's samples/ at build
 * time), so the Samples menu works from the jar alone.
 */
public final class BundledSamples {
    /** Real loopback captures of the lab's programs, the first ones a student opens. */
    public static final List<String> NAMES = List.of("tcp-hello.pcap", "udp-echo.pcap", "http-get.pcap",
            "tcp-hello-ipv6.pcap", "scenarios/chat.pcap", "scenarios/tcp-refused.pcap", "scenarios/tcp-bulk.pcap",
            "scenarios/udp-burst.pcap");
    private static final String FOLDER = "/org/wirelab/app/samples/";

    private BundledSamples() {
    }

    /** The sample as a file source (copied to a temporary file: the readers need a seekable channel). */
    public static FileSource open(String name) {
        try (InputStream in = BundledSamples.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled sample " + name);
            }
            Path directory = Files.createTempDirectory("wirelab-sample");
            // Deleted at exit in the reverse order of these calls: the file first, then its directory.
            directory.toFile().deleteOnExit();
            Path file = directory.resolve(Path.of(name).getFileName().toString());
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new FileSource(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
