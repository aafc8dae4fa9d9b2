package org.wirelab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.compare.Comparison;
import org.wirelab.core.compare.Workload;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;
import org.wirelab.simulator.SimulatedWorkloadRunner;
import org.wirelab.simulator.SimulationOptions;

/**
 * The comparison report: a page with three inline SVG charts and the two captures beside it, read
 * back by tshark, and opened in headless Chromium, where the charts must be drawn.
 */
class ComparisonReportTest {
    private static final Pattern SVG_ID = Pattern.compile("<svg[^>]*id=['\"]([a-z]+)-chart['\"]");

    @TempDir
    static Path dir;
    private static Comparison comparison;
    private static Path html;

    @BeforeAll
    static void writeReport() throws IOException {
        SimulationOptions lossy = SimulationOptions.defaults().withSeed(3)
                .withLink(SimulationOptions.LOOPBACK.withDelay(Duration.ofMillis(10)).withLoss(0.1));
        comparison = Comparison.run(new Workload(30, 200, Workload.Pattern.ECHO), "simulated for a test",
                new SimulatedWorkloadRunner(lossy));
        html = dir.resolve("compare.html");
        ComparisonReport.write(comparison, html);
    }

    @Test
    void thePageHoldsTheTableAndThreeChartsAndLinksTheCaptures() throws IOException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        List<String> charts = new ArrayList<>();
        Matcher matcher = SVG_ID.matcher(page);
        while (matcher.find()) {
            charts.add(matcher.group(1));
        }
        assertEquals(List.of("bytes", "messages", "wire"), charts);
        assertTrue(page.contains("Messages the server received"), "the table");
        for (String title : List.of("Where the bytes on the wire went", "Messages received by the server",
                "Bytes on the wire, added up")) {
            assertTrue(page.contains(title), title);
        }
        assertTrue(page.contains("href=\"compare-udp.pcap\"") && page.contains("href=\"compare-tcp.pcap\""));
        assertTrue(!page.contains("<script") && !page.contains("<link") && !page.contains("src="),
                "self-contained: nothing loaded from anywhere");
    }

    @Test
    void inFrenchThePageTableChartsAndCaptionsAreFrench() throws IOException {
        Path french = dir.resolve("comparaison.html");
        ComparisonReport.write(comparison, french, Locale.FRENCH);
        String page = Files.readString(french, StandardCharsets.UTF_8);

        assertTrue(page.contains("<html lang=\"fr\">"), "the page says its language");
        assertTrue(page.contains("<h1>Les mêmes messages en <span class=\"udp\">UDP</span> et en"), "the heading");
        assertTrue(page.contains("30 messages de 200 octets, chacun renvoyé par le serveur"), "the headline");
        assertTrue(page.contains("Messages reçus par le serveur"), "the table's label and the chart's title");
        assertTrue(page.contains(comparison.tcp().messages().delivered() + " sur 30"), "the table's fractions");
        assertTrue(page.contains("Où vont les octets envoyés sur le réseau"), "the first chart's title");
        assertTrue(page.contains("Les trames : <a href=\"comparaison-udp.pcap\">"), "the captures' links");
        assertTrue(page.contains("2\u202f000<") || page.contains("2\u202f000 <"),
                "the axes' thousands as French writes them (a narrow no-break space)");
        for (String english : List.of("What each protocol", "The frames:", "Made by", "Messages the server received",
                " of 30")) {
            assertTrue(!page.contains(english), "no English left: " + english);
        }
    }

    @Test
    void theCapturesBesideItAreTheRunsFramesAsTsharkReadsThem() {
        Tshark.require();
        for (var result : List.of(comparison.udp(), comparison.tcp())) {
            Path pcap = dir.resolve("compare-" + result.transport().name().toLowerCase() + ".pcap");
            List<String[]> rows = Tshark.fields(pcap, List.of("frame.len"));
            assertEquals(result.cost().bytes().frames(), rows.size() - 1, result.transport() + " frames");
            assertEquals(result.cost().bytes().wire(), rows.stream().skip(1).mapToLong(r -> Long.parseLong(r[0])).sum(),
                    result.transport() + " wire bytes");
        }
    }

    @Test
    void headlessChromiumDrawsTheChartsInBothProtocolsColours() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            Environment.missing("chromium is not installed (apt-get install chromium): the report cannot be opened");
        }
        Path shot = dir.resolve("report.png");
        Process process = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1100,2900", "--screenshot=" + shot, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.size(shot) > 0, Files.readString(dir.resolve("chromium.log")));
        BufferedImage image = ImageIO.read(shot.toFile());
        // The step lines of both charts over time are drawn in UDP's orange and TCP's blue.
        assertTrue(pixels(image, ComparisonCharts.UDP.getRGB()) > 500, "UDP's orange lines are drawn");
        assertTrue(pixels(image, ComparisonCharts.TCP.getRGB()) > 500, "TCP's blue lines are drawn");
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift < 24; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }
}
