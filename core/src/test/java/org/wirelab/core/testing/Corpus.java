package org.wirelab.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;

/** The conformance corpus in ../shared/corpus: capture files and tshark's answers for each. */
public final class Corpus {
    private Corpus() {
    }

    public static Path directory() {
        return Environment.shared().resolve("corpus");
    }

    /** Every capture file of the corpus, sorted by name. */
    public static List<Path> captures() {
        try (Stream<Path> files = Files.list(directory().resolve("pcaps"))) {
            return new ArrayList<>(files.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's samples, then every corpus capture. */
    public static List<Path> withSamples() {
        List<Path> files = new ArrayList<>(Environment.sampleFiles());
        files.addAll(captures());
        return files;
    }

    /** The samples and the corpus captures that read as captures (the corpus holds malformed ones on purpose). */
    public static Stream<Path> readableWithSamples() {
        return withSamples().stream().filter(Corpus::readable);
    }

    /** Whether {@code capture} reads as a capture: the corpus holds malformed files on purpose (the reader's tests). */
    public static boolean readable(Path capture) {
        return read(capture).isPresent();
    }

    /** {@code capture} read, or nothing for the malformed files the reader refuses (its own tests cover them). */
    public static Optional<CaptureFile> read(Path capture) {
        try {
            return Optional.of(CaptureFiles.read(capture));
        } catch (CaptureFormatException notACapture) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path capture(String fileName) {
        return directory().resolve("pcaps").resolve(fileName);
    }

    /** tshark's answer for {@code capture}: {@code suffix} is e.g. "tsv", "analysis.tsv", "conv.txt". */
    public static Path truth(Path capture, String suffix) {
        return directory().resolve("truth").resolve(capture.getFileName() + "." + suffix);
    }

    /** A truth TSV as rows of cells; the first row is the header. Empty cells are "". */
    public static List<String[]> readTsv(Path tsv) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(tsv)) {
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
