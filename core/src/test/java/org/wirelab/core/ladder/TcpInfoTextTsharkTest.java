package org.wirelab.core.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Tshark;

/**
 * Our TCP labels must read as tshark's Info column for every TCP frame whose Info tshark's TCP
 * dissector wrote (not an application's), ports and expert prefixes removed. Relative numbers and
 * scaled windows come from truth/F.analysis.tsv; flags, options and lengths from our decoder.
 */
class TcpInfoTextTsharkTest {
    /** "[TCP Retransmission] 888 → 64702 [SYN, ACK] Seq=0 ..." : prefixes, ports, flags, the rest. */
    private static final Pattern TCP_INFO = Pattern.compile("^(?:\\[TCP [^\\]]*\\] )*\\d+ → \\d+ \\[([^\\]]*)\\] (.*)$");

    static Stream<String> captures() {
        return Corpus.captures().stream().map(p -> p.getFileName().toString())
                .filter(name -> Files.exists(Corpus.truth(Corpus.capture(name), "analysis.tsv")))
                .filter(name -> Corpus.readTsv(Corpus.truth(Corpus.capture(name), "analysis.tsv")).stream()
                        .skip(1).anyMatch(row -> row.length > 4 && !row[4].isEmpty()));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void labelsReadAsTsharkInfo(String name) throws IOException {
        Path path = Corpus.capture(name);
        FrameStore frames = CaptureFiles.read(path).frames();
        PacketTable table = new SummaryDecoder().decode(frames);
        List<String[]> analysis = Corpus.readTsv(Corpus.truth(path, "analysis.tsv"));
        List<String[]> raw = Corpus.readTsv(Corpus.truth(path, "tsv"));
        Map<String, Integer> a = columns(analysis.get(0));
        Map<String, Integer> r = columns(raw.get(0));
        List<String[]> info = Tshark.fields(path, List.of("frame.number", "_ws.col.Info"));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int row = 1; row < info.size(); row++) {
            Matcher m = TCP_INFO.matcher(info.get(row)[1]);
            String[] an = analysis.get(row);
            if (!m.matches() || an[a.get("tcp.seq")].isEmpty() || an[a.get("tcp.window_size")].isEmpty()) {
                continue;
            }
            int i = row - 1;
            String relAck = an[a.get("tcp.ack")];
            String rawAck = raw.get(row)[r.get("tcp.ack_raw")];
            int sackBase = relAck.isEmpty() || rawAck.isEmpty() ? 0
                    : (int) (Long.parseLong(rawAck) - Long.parseLong(relAck));
            String ours = TcpInfoText.label(table.tcpFlags(i), Long.parseLong(an[a.get("tcp.seq")]),
                    relAck.isEmpty() ? 0 : Long.parseLong(relAck), Long.parseLong(an[a.get("tcp.window_size")]),
                    table.payloadLength(i), frames.buffer(i), frames.offset(i) + table.transportOffset(i),
                    frames.offset(i) + frames.capturedLength(i), sackBase);
            // Remarks other dissectors add to the Info column are not part of TCP's description.
            String expected = (m.group(1) + " " + m.group(2)).replace(" [TCP segment of a reassembled PDU]", "")
                    .replace("[Packet size limited during capture]", "");
            compared++;
            if (!expected.equals(ours)) {
                mismatches.add("frame " + (i + 1) + ": tshark \"" + expected + "\", ours \"" + ours + "\"");
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(compared > 0, "no TCP frame compared");
    }

    @Test
    void flagNamesInWiresharkOrder() {
        assertEquals("FIN, PSH, ACK", TcpInfoText.flags(0x019));
        assertEquals("SYN, ECE, CWR", TcpInfoText.flags(0x0c2));
        assertEquals("<None>", TcpInfoText.flags(0));
    }

    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            map.put(header[i], i);
        }
        return map;
    }
}
