package org.wirelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/** The capture files the command-line tests run on: the committed samples and the corpus. */
final class TestCaptures {
    private TestCaptures() {
    }

    static List<Path> samples() {
        return Environment.sampleFiles();
    }

    /** Corpus files tshark reads without error (its recorded exit code for the fields run is 0). */
    static List<Path> soundCorpusFiles() {
        List<Path> sound = new ArrayList<>();
        for (Path capture : Corpus.captures()) {
            try {
                if (Files.readString(Corpus.truth(capture, "status.txt")).contains("[fields] rc=0")) {
                    sound.add(capture);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sound;
    }

    /** Corpus files that tshark refuses outright or stops reading with an error. */
    static List<Path> damagedCorpusFiles() {
        List<Path> damaged = new ArrayList<>(Corpus.captures());
        damaged.removeAll(soundCorpusFiles());
        return damaged;
    }

    static List<Path> samplesAndSoundCorpusFiles() {
        List<Path> all = new ArrayList<>(samples());
        all.addAll(soundCorpusFiles());
        return all;
    }
}
