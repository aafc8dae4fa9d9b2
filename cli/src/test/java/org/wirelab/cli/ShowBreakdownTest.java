package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wirelab.core.testing.Tshark;

/**
 * {@code wirelab show} on the samples, against tshark: the ladder has one arrow per frame between the
 * sockets tshark sees; {@code --frame N} shows each layer with its OSI number and the byte range tshark's
 * PDML gives the protocol, and the addressing fields with tshark's own label, value and bytes.
 */
class ShowBreakdownTest {
    private static final Pattern SLANTED_START = Pattern.compile("\\|( +-+|-+ +)\\|");
    /** tshark's protocol name in PDML and the OSI layer wirelab must print for it. */
    private static final Map<String, Integer> OSI_LAYERS = Map.of("eth", 2, "ip", 3, "ipv6", 3, "tcp", 4, "udp", 4);
    /**
     * Fields whose PDML showname is the same text as wirelab's. Not eth.*: tshark names Ethernet vendors and
     * wirelab does not.
     */
    private static final Set<String> FIELDS = Set.of("ip.src", "ip.dst", "ip.ttl", "ipv6.src", "ipv6.dst",
            "tcp.srcport", "tcp.dstport", "tcp.seq", "tcp.seq_raw", "tcp.ack", "tcp.ack_raw", "tcp.window_size_value",
            "udp.srcport", "udp.dstport", "udp.length");

    static Stream<Path> samples() {
        return TestCaptures.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theLadderHasOneArrowPerFrameBetweenTsharksSockets(Path sample) {
        List<String> sockets = Tshark.run("-r", sample.toString(), "-T", "fields", "-E", "separator=/s",
                "-e", "ip.src", "-e", "ipv6.src", "-e", "tcp.srcport", "-e", "udp.srcport").lines().toList();
        CliRun run = CliRun.of("show", sample.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Arrays.asList(run.out().split("\n"));
        // A segment taken rows later (crossing FINs) starts as a headless stroke from its sender's lane,
        // "|        -------|", and ends rows below, where another arrow may hide its head.
        long arrows = lines.stream().filter(line -> line.contains("->|") || line.contains("|<-")
                || SLANTED_START.matcher(line).find()).count();
        assertEquals(sockets.size(), arrows, run.out());
        Set<String> distinct = new LinkedHashSet<>();
        for (String socket : sockets) {
            String[] parts = socket.trim().split(" +");
            if (parts[0].contains(",")) {
                continue;   // an ICMP error: two addresses, and the ports of the datagram it quotes
            }
            distinct.add(parts[0] + ":" + parts[1]);
        }
        for (String socket : distinct) {
            String shown = socket.contains("::") ? "[" + socket.substring(0, socket.lastIndexOf(':')) + "]"
                    + socket.substring(socket.lastIndexOf(':')) : socket;
            assertTrue(lines.get(0).contains(": " + shown), shown + " missing from the lane titles: " + lines.get(0));
        }
        assertTrue(lines.get(lines.size() - 1).startsWith(sample.getFileName() + ": "), run.out());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyFrameShowsTsharksLayersAndFieldsWithTheirBytes(Path sample) throws Exception {
        Document pdml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                Tshark.run("-r", sample.toString(), "-T", "pdml").getBytes(StandardCharsets.UTF_8)));
        NodeList packets = pdml.getElementsByTagName("packet");
        for (int p = 0; p < packets.getLength(); p++) {
            int number = p + 1;
            CliRun run = CliRun.of("show", sample.toString(), "--frame", Integer.toString(number));
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = Arrays.stream(run.out().split("\n")).map(String::strip).toList();
            String where = sample.getFileName() + " frame " + number;
            NodeList protocols = ((Element) packets.item(p)).getElementsByTagName("proto");
            for (int i = 0; i < protocols.getLength(); i++) {
                Element protocol = (Element) protocols.item(i);
                Integer osi = OSI_LAYERS.get(protocol.getAttribute("name"));
                if (osi != null) {
                    String heading = "Layer " + osi + " (" + FrameBreakdown.osiName(osi) + "): ";
                    String range = range(protocol);
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith(heading) && l.endsWith(range)),
                            where + ": no line '" + heading + "... " + range + "' for " + protocol.getAttribute("name")
                                    + " in\n" + run.out());
                }
            }
            NodeList fields = ((Element) packets.item(p)).getElementsByTagName("field");
            for (int i = 0; i < fields.getLength(); i++) {
                Element field = (Element) fields.item(i);
                if (FIELDS.contains(field.getAttribute("name"))) {
                    // Wireshark puts four spaces before "(relative sequence number)": compared as one.
                    String expected = field.getAttribute("showname").replaceAll(" {2,}", " ") + " " + range(field);
                    assertTrue(lines.stream().anyMatch(l -> l.replaceAll(" {2,}", " ").equals(expected)),
                            where + ": no line '" + expected + "' in\n" + run.out());
                }
            }
        }
    }

    private static String range(Element element) {
        int position = Integer.parseInt(element.getAttribute("pos"));
        int size = Integer.parseInt(element.getAttribute("size"));
        return "[" + position + ".." + (position + size - 1) + "]";
    }

    /** With --lang fr the breakdown is French: headings, field names and values, with tshark's numbers. */
    @org.junit.jupiter.api.Test
    void inFrenchTheBreakdownReadsInFrench() {
        Path sample = org.wirelab.core.testing.Environment.samples().resolve("tcp-hello.pcap");
        String[] tshark = Tshark.fields(sample, List.of("frame.len", "tcp.srcport", "tcp.dstport")).get(1);
        CliRun run = CliRun.of("show", sample.toString(), "--frame", "1", "--lang", "fr");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().map(String::strip).toList();
        assertTrue(lines.get(0).startsWith("Trame 1 : " + tshark[0] + " octets sur le réseau, " + tshark[0]
                + " capturés, "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Couche 4 (transport) : Protocole de contrôle de "
                + "transmission (TCP), port source : " + tshark[1] + ", port de destination : " + tshark[2])), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Port source : " + tshark[1] + " ")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(".... .... .... ..1. = Synchronisation (SYN) : Activé")),
                run.out());
        assertTrue(lines.contains("Octets (" + tshark[0] + ") :"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("En bref : ")), run.out());
    }
}
