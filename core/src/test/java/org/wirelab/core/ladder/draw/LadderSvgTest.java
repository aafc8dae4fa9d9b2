package org.wirelab.core.ladder.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.ladder.TcpSegment;
import org.wirelab.core.ladder.TsharkSegments;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.core.testing.Environment;

/**
 * The SVG export of the samples, read back as XML: one titled lane per socket and, for every frame, an
 * arrow group whose texts are the flags and numbers tshark reads from the same file.
 */
class LadderSvgTest {

    private static Document svg(Path capture, boolean raw) throws Exception {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        String svg = LadderSvg.render(CaptureLadder.of(analysis, TcpStates.of(analysis)), LadderTexts.ENGLISH, raw,
                capture.getFileName().toString());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Element parent) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static Map<Integer, Element> arrowsByFrame(Document doc) {
        Map<Integer, Element> arrows = new LinkedHashMap<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("arrow".equals(g.getAttribute("class"))) {
                arrows.put(Integer.parseInt(g.getAttribute("data-frame")), g);
            }
        }
        return arrows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-hello.pcap", "http-get.pcap", "tcp-hello-ipv6.pcap"})
    void lanesAndLabelsAreTsharksSocketsFlagsAndNumbers(String sample) throws Exception {
        Path capture = Environment.samples().resolve(sample);
        TsharkSegments tshark = TsharkSegments.of(capture);
        for (boolean raw : new boolean[] {false, true}) {
            Document doc = svg(capture, raw);
            assertEquals("svg", doc.getDocumentElement().getTagName());
            List<String> all = texts(doc.getDocumentElement());
            TsharkSegments.Segment syn = tshark.segments().get(0);
            assertTrue(all.contains("A: " + syn.source()), "client lane titled A: " + syn.source() + " in " + all);
            assertTrue(all.contains("B: " + syn.destination()), "server lane titled B: " + syn.destination());
            assertTrue(all.contains("(client)") && all.contains("(server)"));
            Map<Integer, Element> arrows = arrowsByFrame(doc);
            assertEquals(tshark.segments().size(), arrows.size(), "one arrow per segment");
            for (TsharkSegments.Segment s : tshark.segments()) {
                List<String> label = texts(arrows.get(s.frame()));
                // A segment carrying data is titled by the start of what it carries (tshark's tcp.payload).
                String title = s.payload().length == 0 ? s.flags()
                        : TcpSegment.payloadStart(s.payload(), 0, s.payload().length);
                assertTrue(label.contains(title), "frame " + s.frame() + " titled " + title + " in " + label);
                assertTrue(label.contains(s.numbers(raw)), "frame " + s.frame() + ": " + s.numbers(raw) + " in " + label);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-hello.pcap"})
    void theHandshakeWritesTheStatesOnTheLanes(String sample) throws Exception {
        Map<Integer, Element> arrows = arrowsByFrame(svg(Environment.samples().resolve(sample), false));
        // RFC 9293 3.5: the SYN moves the client to SYN-SENT; the server's SYN-ACK shows it took the SYN
        // (SYN-RECEIVED); the third segment shows the client took the SYN-ACK and establishes the server.
        assertTrue(texts(arrows.get(1)).contains("SYN-SENT"));
        assertFalse(texts(arrows.get(1)).contains("SYN-RECEIVED"), "the SYN is not yet taken when it leaves");
        assertTrue(texts(arrows.get(2)).contains("SYN-RECEIVED"));
        assertEquals(2, texts(arrows.get(3)).stream().filter("ESTABLISHED"::equals).count());
        assertFalse(texts(arrows.get(4)).contains("ESTABLISHED"), "no state written where none changes");
    }
}
