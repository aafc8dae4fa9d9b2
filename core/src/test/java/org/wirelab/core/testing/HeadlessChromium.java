package org.wirelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in headless Chromium and returns the document as its scripts left it ({@code --dump-dom}).
 * Skips (or fails in CI) without /usr/bin/chromium.
 */
public final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static void require() {
        if (!Files.isExecutable(CHROMIUM)) {
            Environment.missing("chromium is not installed (apt-get install chromium): the page cannot be opened");
        }
    }

    /** The DOM of {@code url} after its scripts ran; {@code scratch} holds Chromium's profile and log. */
    public static String dumpDom(String url, Path scratch) throws IOException, InterruptedException {
        require();
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path dom = Files.createTempFile(scratch, "dom", ".html");
        Path log = Files.createTempFile(scratch, "chromium", ".log");
        Process process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", url))
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        assertTrue(!text.isBlank(), "chromium dumped nothing: " + Files.readString(log, StandardCharsets.UTF_8));
        return text;
    }
}
