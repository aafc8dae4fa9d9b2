package org.wirelab.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.wirelab.bench.LoopbackTrafficGenerator;
import org.wirelab.cli.CliRun;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** {@code wirelab export}: every format written and readable, headless; bad requests as one-line errors. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private final String sample = Environment.samples().resolve("http-get.pcap").toString();

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // JFreeSVG names the SVG 1.1 DTD: reading it would need the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void writesTheDiagramInEachFormatAndEachChart() throws Exception {
        Path svg = dir.resolve("ladder.svg");
        Path png = dir.resolve("ladder.png");
        Path puml = dir.resolve("ladder.puml");
        Path mmd = dir.resolve("ladder.mmd");
        Path sequence = dir.resolve("sequence.png");
        Path rtt = dir.resolve("rtt.svg");
        Path traffic = dir.resolve("traffic.png");
        CliRun run = CliRun.of("export", sample, "--diagram", svg.toString(), "--diagram", png.toString(),
                "--diagram", puml.toString(), "--diagram", mmd.toString(), "--chart", "tcp-sequence",
                sequence.toString(), "--chart", "rtt", rtt.toString(), "--chart", "traffic", traffic.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(7, run.out().lines().filter(l -> l.startsWith("wrote ")).count(), run.out());
        assertEquals("svg", xml(svg).getDocumentElement().getTagName());
        assertTrue(Files.readString(svg).contains(">A: 127.0.0.1:60728</text>"));
        BufferedImage ladder = ImageIO.read(png.toFile());
        assertTrue(ladder.getWidth() > 600 && ladder.getHeight() > 12 * 50, ladder.getWidth() + "x" + ladder.getHeight());
        assertTrue(Files.readString(puml).startsWith("@startuml"));
        assertTrue(Files.readString(mmd).contains("sequenceDiagram"));
        assertEquals(1200, ImageIO.read(sequence.toFile()).getWidth());
        assertEquals("svg", xml(rtt).getDocumentElement().getTagName());
        assertTrue(Files.readString(rtt).contains(">Time since the first frame (ms)</text>"), "the time axis title is text");
        assertEquals(700, ImageIO.read(traffic.toFile()).getHeight());
    }

    @Test
    void streamFocusesTheDiagramAndFrenchTranslatesItsWords() throws Exception {
        Path svg = dir.resolve("stream.svg");
        CliRun run = CliRun.of("export", Environment.samples().resolve("scenarios/chat.pcap").toString(),
                "--stream", "1", "--lang", "fr", "--diagram", svg.toString());
        assertEquals(0, run.exitCode(), run.err());
        String text = Files.readString(svg);
        assertTrue(text.contains(">(serveur)</text>"), "roles in French");
        assertTrue(text.contains("TCP stream 1"), "the title names the stream");
        assertEquals(1, text.split(">\\(serveur\\)</text>", -1).length - 1, "one stream: one server lane");
    }

    @Test
    void aFilterKeepsTheFramesTsharkSelectsInTheDiagram() throws Exception {
        Path mmd = dir.resolve("filtered.mmd");
        String chat = Environment.samples().resolve("scenarios/chat.pcap").toString();
        for (String filter : List.of("tcp.len > 0", "tcp.flags.fin == 1 || tcp.stream == 1")) {
            CliRun run = CliRun.of("export", chat, "-Y", filter, "--diagram", mmd.toString());
            assertEquals(0, run.exitCode(), run.err());
            List<String> expected = Tshark.run("-r", chat, "-Y", filter, "-T", "fields", "-e", "frame.number").lines()
                    .map(number -> "(" + number + ")").toList();
            List<String> drawn = Files.readAllLines(mmd).stream().filter(line -> line.contains("->>"))
                    .map(line -> line.substring(line.indexOf(": (") + 2, line.indexOf(')') + 1)).toList();
            assertEquals(expected, drawn, filter);
        }
        CliRun withChart = CliRun.of("export", chat, "-Y", "tcp", "--chart", "rtt", dir.resolve("rtt.png").toString());
        assertEquals(2, withChart.exitCode(), withChart.err());
        assertTrue(withChart.err().contains("-Y selects the frames of the diagram"), withChart.err());
    }

    /**
     * The diagram of a whole capture of more frames than a diagram shows is refused in one line, in the
     * language asked, before the analysis; one stream's diagram and the charts of the same file are written.
     */
    @Test
    void aWholeDiagramOfTooManyFramesIsRefusedAndOneStreamsIsDrawn() throws Exception {
        Path capture = dir.resolve("large.pcap");
        LoopbackTrafficGenerator.write(capture, ExportCommand.MAX_DIAGRAM_FRAMES + 1, 3);
        Path svg = dir.resolve("all.svg");
        CliRun refused = CliRun.of("export", capture.toString(), "--diagram", svg.toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().startsWith("wirelab export: " + capture + " has more than 100,000 frames"),
                refused.err());
        assertTrue(refused.err().contains("--stream N"), refused.err());
        assertFalse(Files.exists(svg));
        CliRun french = CliRun.of("export", capture.toString(), "--lang", "fr", "--diagram", svg.toString());
        assertEquals(1, french.exitCode(), french.err());
        assertTrue(french.err().contains("Tracez un seul flux TCP avec --stream N"), french.err());
        CliRun oneStream = CliRun.of("export", capture.toString(), "--stream", "7", "--diagram", svg.toString(),
                "--chart", "rtt", dir.resolve("rtt.svg").toString(), "--chart", "traffic",
                dir.resolve("traffic.png").toString());
        assertEquals(0, oneStream.exitCode(), oneStream.err());
        assertTrue(Files.readString(svg).contains("TCP stream 7"));
        assertTrue(Files.readString(dir.resolve("rtt.svg")).contains("</svg>"));
        assertEquals(700, ImageIO.read(dir.resolve("traffic.png").toFile()).getHeight());
        CliRun small = CliRun.of("export", capture.toString(), "-Y", "frame.number <= 10", "--diagram",
                svg.toString());
        assertEquals(1, small.exitCode(), "a filter does not save the whole file's analysis: " + small.err());
    }

    @Test
    void badRequestsAreOneLineErrors() {
        for (List<String> args : List.of(List.of("export", sample),
                List.of("export", sample, "--chart", "pie", "x.png"),
                List.of("export", sample, "--diagram", "x.pdf"),
                List.of("export", sample, "--chart", "rtt", "x.gif"),
                List.of("export", sample, "--stream", "4", "--diagram", dir.resolve("x.svg").toString()),
                List.of("export", dir.resolve("missing.pcap").toString(), "--diagram", "x.svg"))) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, run.exitCode(), args + ": " + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("wirelab export: "), run.err());
        }
        assertTrue(CliRun.of("export", sample, "--stream", "4", "--diagram", "x.svg").err()
                .contains("no TCP stream 4: the capture has streams 0 to 0"));
        assertEquals("wirelab export: the rtt chart shows a TCP stream, and udp-echo.pcap has none",
                CliRun.of("export", Environment.samples().resolve("udp-echo.pcap").toString(), "--chart", "rtt",
                        dir.resolve("rtt.png").toString()).err().strip());
    }
}
