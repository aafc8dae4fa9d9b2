package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.testing.Environment;

/**
 * Every command that reads a file prints what it could read, then says on standard error why the
 * rest is missing and exits 1: a script must never take part of a file for all of it.
 */
class DamagedFileCommandsTest {
    @TempDir
    static Path temp;

    private static Path cutFile() throws IOException {
        Path cut = temp.resolve("cut.pcap");
        if (!Files.exists(cut)) {
            byte[] bytes = Files.readAllBytes(Environment.samples().resolve("tcp-hello.pcap"));
            Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        }
        return cut;
    }

    @ParameterizedTest
    @ValueSource(strings = {"packets", "conversations", "follow", "show", "show --frame 2", "export"})
    void theWarningIsPrintedAndTheExitCodeSaysTheFileWasNotReadWhole(String command) throws IOException {
        Path cut = cutFile();
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add(1, cut.toString());
        switch (args.get(0)) {
            case "packets" -> args.addAll(List.of("-T", "fields", "-e", "frame.number"));
            case "follow" -> args.addAll(List.of("--stream", "0"));
            case "export" -> args.addAll(List.of("--diagram", temp.resolve("cut.svg").toString()));
            default -> { }
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        String name = args.get(0);
        assertTrue(run.err().contains("wirelab " + name + ": " + cut + ": file ends in the middle of frame 10"),
                run.err());
        assertTrue(run.err().contains("reading stopped after frame 9: the output above covers frames 1 to 9 only"), run.err());
        if (name.equals("packets")) {
            assertEquals("1\n2\n3\n4\n5\n6\n7\n8\n9\n", run.out());
        }
    }
}
