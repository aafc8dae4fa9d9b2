package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/**
 * The encoder's records hold what the field-tree decoder shows: for every frame of the corpus and the
 * samples, each header field the parser read equals the decoder's field of the same Wireshark name.
 * With {@link HeaderRoundTripTest} this closes the loop decoded values -> records -> identical bytes.
 */
class DecodedFieldsAgreementTest {
    private final FrameDecoder decoder = FrameDecoder.standard();

    @TestFactory
    Stream<DynamicTest> everyParsedHeaderFieldEqualsTheDecodedField() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.captures());
        files.addAll(Environment.sampleFiles());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> agree(file)));
    }

    private void agree(Path file) throws IOException {
        FrameStore frames;
        try {
            frames = CaptureFiles.read(file).frames();
        } catch (CaptureFormatException notACapture) {
            return;
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            RawFrame raw = frames.frame(i);
            ParsedFrame parsed = HeaderParser.parse(raw.linkType(), raw.bytes());
            if (parsed.layers().isEmpty()) {
                continue;
            }
            DecodedFrame decoded = decoder.decode(raw);
            for (Map.Entry<String, Long> expected : fieldsOf(parsed.layers().get()).entrySet()) {
                List<Field> found = decoded.fields(expected.getKey());
                String actual = found.isEmpty() ? "absent" : String.valueOf(number(found.get(0)));
                if (!actual.equals(String.valueOf(expected.getValue()))) {
                    differences.add("frame " + (i + 1) + " " + expected.getKey() + ": parsed " + expected.getValue()
                            + ", decoded " + actual);
                }
            }
        }
        assertTrue(differences.isEmpty(), file.getFileName() + ": " + differences.size() + " differences, first "
                + differences.subList(0, Math.min(10, differences.size())));
    }

    /** The records' values under the field names the decoder uses (outermost header only). */
    private static Map<String, Long> fieldsOf(FrameLayers layers) {
        Map<String, Long> f = new LinkedHashMap<>();
        if (layers.link() instanceof EthernetHeader eth) {
            f.put(eth.vlan() == null ? "eth.type" : "vlan.etype", (long) eth.etherType());
            if (eth.vlan() != null) {
                f.put("vlan.id", (long) eth.vlan().vlanId());
                f.put("vlan.priority", (long) eth.vlan().priority());
            }
        }
        if (layers.network() instanceof Ipv4Header ip) {
            f.put("ip.hdr_len", (long) ip.headerLength());
            f.put("ip.dsfield.dscp", (long) ip.dscp());
            f.put("ip.dsfield.ecn", (long) ip.ecn());
            f.put("ip.len", (long) ip.totalLength());
            f.put("ip.id", (long) ip.identification());
            f.put("ip.frag_offset", 8L * ip.fragmentOffset());
            f.put("ip.ttl", (long) ip.timeToLive());
            f.put("ip.proto", (long) ip.protocol());
            f.put("ip.checksum", (long) ip.headerChecksum());
        }
        if (layers.network() instanceof Ipv6Header ip) {
            f.put("ipv6.tclass", (long) ip.trafficClass());
            f.put("ipv6.flow", (long) ip.flowLabel());
            f.put("ipv6.plen", (long) ip.payloadLength());
            f.put("ipv6.nxt", (long) ip.nextHeader());
            f.put("ipv6.hlim", (long) ip.hopLimit());
        }
        if (layers.transport() instanceof TcpHeader tcp) {
            f.put("tcp.srcport", (long) tcp.sourcePort());
            f.put("tcp.dstport", (long) tcp.destinationPort());
            f.put("tcp.seq_raw", tcp.sequenceNumber());
            f.put("tcp.ack_raw", tcp.acknowledgmentNumber());
            f.put("tcp.hdr_len", (long) tcp.headerLength());
            f.put("tcp.flags", (long) tcp.flags());
            f.put("tcp.window_size_value", (long) tcp.window());
            f.put("tcp.checksum", (long) tcp.checksum());
            f.put("tcp.urgent_pointer", (long) tcp.urgentPointer());
            for (TcpOption option : tcp.options()) {
                if (option instanceof TcpOption.MaximumSegmentSize mss) {
                    f.putIfAbsent("tcp.options.mss_val", (long) mss.mss());
                } else if (option instanceof TcpOption.WindowScale ws) {
                    f.putIfAbsent("tcp.options.wscale.shift", (long) ws.shift());
                } else if (option instanceof TcpOption.Timestamps ts) {
                    f.putIfAbsent("tcp.options.timestamp.tsval", ts.value());
                    f.putIfAbsent("tcp.options.timestamp.tsecr", ts.echoReply());
                }
            }
        }
        if (layers.transport() instanceof UdpHeader udp) {
            f.put("udp.srcport", (long) udp.sourcePort());
            f.put("udp.dstport", (long) udp.destinationPort());
            f.put("udp.length", (long) udp.length());
            f.put("udp.checksum", (long) udp.checksum());
        }
        return f;
    }

    private static long number(Field field) {
        Object value = field.value();
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String text = field.text();
        return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }
}
