package org.wirelab.simulator.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TCP takes the application's bytes as a ByteSource and hands them to a StreamReader: it never sees
 * the scenario model (core.scenario) nor the simulated programs (simulator.scenario), so that the
 * protocol can be read, tested and reused without them.
 */
class TcpKnowsNoScenarioTest {

    @Test
    void noClassOfTheTcpPackageImportsAScenarioType() throws IOException {
        Path sources = Path.of("src/main/java/org/wirelab/simulator/tcp");
        assertTrue(Files.isDirectory(sources), "run from the simulator module: " + sources.toAbsolutePath());
        List<String> leaks;
        try (Stream<Path> files = Files.list(sources)) {
            leaks = files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream()
                            .filter(line -> line.startsWith("import") && line.contains(".scenario."))
                            .map(line -> file.getFileName() + ": " + line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), leaks);
    }
}
