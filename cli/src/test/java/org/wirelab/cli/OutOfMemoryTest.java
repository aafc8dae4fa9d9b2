package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.testing.PortScan;

/** A command that runs out of heap says what to do in one line and exits with 3, never a stack trace. */
class OutOfMemoryTest {

    @Test
    void aCaptureLargerThanTheHeapIsOneLineAndExitThree(@TempDir Path dir) throws IOException {
        Path scan = dir.resolve("big-scan.pcap");
        PortScan.write(scan, 60_000);   // 121,200 frames, 8 MB: more than a 12 MB heap holds with its analysis
        CliRun run = CliProcess.run(List.of("-Xmx12m"), dir, "show", scan.toString(), "--lanes", "1000");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("wirelab show: out of memory: the Java heap (at most "), line);
        assertTrue(line.contains("JAVA_TOOL_OPTIONS=-Xmx2g ./wirelab show") && line.contains("--stream N")
                && line.contains("editcap -r"), line);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception in thread"), run.err());
    }

    @Test
    void theLineIsInTheLanguageOfTheCommandsLangOption() {
        assertEquals(Locale.FRENCH, Main.languageOf(new String[] {"show", "f.pcap", "--frame", "3", "--lang", "fr"}));
        assertEquals(Locale.FRENCH, Main.languageOf(new String[] {"show", "--lang=FR", "f.pcap"}));
        assertEquals(Locale.ENGLISH, Main.languageOf(new String[] {"show", "f.pcap", "--lang", "en"}));
        assertEquals(Locale.ENGLISH, Main.languageOf(new String[] {"packets", "f.pcap", "-e", "frame.number"}));
        assertEquals(Locale.ENGLISH, Main.languageOf(new String[] {"show", "--lang"}));
    }
}
