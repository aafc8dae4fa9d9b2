package org.wirelab.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.header.Tcp;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.pcap.CaptureFiles;

/** Every summary column of every corpus frame equals tshark's answer in truth/F.tsv and F.analysis.tsv. */
class SummaryDecoderCorpusTest {

    /** The captures tshark could read (the rejected malformed files have empty truth). */
    static Stream<Path> captures() {
        return Corpus.captures().stream().filter(p -> !Corpus.readTsv(Corpus.truth(p, "tsv")).isEmpty()
                && !Corpus.readTsv(Corpus.truth(p, "tsv")).get(0)[0].isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyColumnMatchesTshark(Path capture) throws IOException {
        FrameStore frames = CaptureFiles.read(capture).frames();
        PacketTable table = new SummaryDecoder().decode(frames);
        List<String[]> truth = Corpus.readTsv(Corpus.truth(capture, "tsv"));
        List<String[]> analysis = Corpus.readTsv(Corpus.truth(capture, "analysis.tsv"));
        List<String> header = List.of(truth.get(0));
        List<String> analysisHeader = List.of(analysis.get(0));
        int rows = truth.size() - 1;
        assertEquals(rows, table.size(), "frames in " + capture.getFileName());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String column : List.of("ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "tcp.srcport",
                    "tcp.dstport", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "tcp.window_size_value",
                    "udp.srcport", "udp.dstport", "udp.length")) {
                expected.put(column, truth.get(i + 1)[header.indexOf(column)]);
            }
            for (String column : List.of("ipv6.nxt", "tcp.hdr_len", "tcp.flags.str")) {
                expected.put(column, analysis.get(i + 1)[analysisHeader.indexOf(column)]);
            }
            Map<String, String> actual = columns(frames, table, i);
            for (var e : expected.entrySet()) {
                String ours = actual.getOrDefault(e.getKey(), "");
                if (!ours.equals(e.getValue())) {
                    mismatches.add("frame " + (i + 1) + " " + e.getKey() + ": tshark '" + e.getValue()
                            + "', ours '" + ours + "'");
                }
            }
        }
        assertEquals(List.of(), mismatches, capture.getFileName().toString());
    }

    /** tshark's text for each summary column, computed from the row and the frame's bytes. */
    static Map<String, String> columns(FrameStore frames, PacketTable table, int i) {
        Map<String, String> out = new LinkedHashMap<>();
        byte[] b = frames.buffer();
        int net = frames.offset(i) + table.networkOffset(i);
        if (table.network(i) == PacketTable.NETWORK_IPV4) {
            out.put("ip.src", AddressText.ipv4(b, net + 12));
            out.put("ip.dst", AddressText.ipv4(b, net + 16));
            out.put("ip.proto", Integer.toString(b[net + 9] & 0xff));
        } else if (table.network(i) == PacketTable.NETWORK_IPV6) {
            out.put("ipv6.src", AddressText.ipv6(b, net + 8));
            out.put("ipv6.dst", AddressText.ipv6(b, net + 24));
            out.put("ipv6.nxt", Integer.toString(b[net + 6] & 0xff));
        }
        boolean truncated = table.hasStatus(i, PacketTable.STATUS_TRANSPORT_TRUNCATED);
        if (table.transport(i) == PacketTable.TRANSPORT_TCP) {
            out.put("tcp.srcport", Integer.toString(table.sourcePort(i)));
            out.put("tcp.dstport", Integer.toString(table.destinationPort(i)));
            if (!truncated) {
                out.put("tcp.flags", String.format("0x%04x", table.tcpFlags(i)));
                out.put("tcp.flags.str", Tcp.flagsString(table.tcpFlags(i)));
                out.put("tcp.seq_raw", Integer.toUnsignedString(table.sequence(i)));
                out.put("tcp.ack_raw", Integer.toUnsignedString(table.acknowledgement(i)));
                out.put("tcp.len", Integer.toString(table.payloadLength(i)));
                out.put("tcp.hdr_len", Integer.toString(table.tcpHeaderLength(i)));
                out.put("tcp.window_size_value", Integer.toString(table.window(i)));
            }
        } else if (table.transport(i) == PacketTable.TRANSPORT_UDP) {
            out.put("udp.srcport", Integer.toString(table.sourcePort(i)));
            out.put("udp.dstport", Integer.toString(table.destinationPort(i)));
            if (!truncated) {
                out.put("udp.length", Integer.toString(table.udpLength(i)));
            }
        }
        return out;
    }
}
