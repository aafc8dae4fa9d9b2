package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.testing.Environment;

/** Every catalog field equals tshark's, run live, for every frame of every capture in samples/. */
class FieldCatalogSamplesTest {

    static List<Path> samples() throws IOException {
        return Environment.sampleFiles();
    }

    @Test
    void theRepositoryHasSamples() throws IOException {
        assertFalse(samples().isEmpty(), "no capture in " + Environment.samples());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyFieldMatchesTshark(Path sample) throws IOException {
        TsharkAgreement.assertAllFieldsAgree(sample);
    }
}
