package org.wirelab.core.reassembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.tcpstate.TruthRows;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Tshark;

/** Our follow text must equal {@code tshark -q -z follow,tcp|udp,ascii,N}, run live, for every stream of the corpus. */
class FollowTsharkTest {

    static Stream<Arguments> streams() {
        List<Arguments> all = new ArrayList<>();
        for (Path capture : Corpus.captures()) {
            String name = capture.getFileName().toString();
            TruthRows truth = TruthRows.of(name);
            if (truth == null) {
                continue;
            }
            int tcp = truth.rows().stream().mapToInt(TruthRows.Row::tcpStream).max().orElse(-1);
            int udp = truth.rows().stream().mapToInt(TruthRows.Row::udpStream).max().orElse(-1);
            for (int s = 0; s <= tcp; s++) {
                all.add(Arguments.of(name, "tcp", s));
            }
            for (int s = 0; s <= udp; s++) {
                all.add(Arguments.of(name, "udp", s));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} stream {2}")
    @MethodSource("streams")
    void sameTextAsTshark(String name, String protocol, int stream) throws IOException {
        Path path = Corpus.capture(name);
        String expected = Tshark.runOnDamagedFile("-q", "-r", path.toString(), "-z", "follow," + protocol + ",ascii," + stream);
        assertEquals(expected, follow(path, TruthRows.of(name), protocol, stream));
    }

    /** Stream numbers and directions from tshark's truth/F.tsv; everything else from our reader and decoder. */
    static String follow(Path path, TruthRows truth, String protocol, int stream) throws IOException {
        CaptureFile capture = CaptureFiles.read(path);
        PacketTable table = new SummaryDecoder().decode(capture.frames());
        boolean tcp = protocol.equals("tcp");
        List<TruthRows.Row> rows = truth.rows();
        String[] first = new String[2];
        StreamFollower.Membership membership = (i, s) -> {
            TruthRows.Row r = rows.get(i);
            if ((tcp ? r.tcpStream() : r.udpStream()) != s) {
                return -1;
            }
            if (first[0] == null) {
                first[0] = r.sourceSocket();
            }
            return first[0].equals(r.sourceSocket()) ? 0 : 1;
        };
        ReassembledStream content = tcp ? StreamFollower.tcp(capture.frames(), table, stream, membership)
                : StreamFollower.udp(capture.frames(), table, stream, membership);
        TruthRows.Row firstRow = null;
        for (int i = 0; i < rows.size(); i++) {
            TruthRows.Row r = rows.get(i);
            boolean counted = !tcp || table.hasStatus(i, PacketTable.STATUS_TCP_HEADER_COMPLETE);
            if ((tcp ? r.tcpStream() : r.udpStream()) == stream && counted) {
                firstRow = r;
                break;
            }
        }
        String node0 = firstRow == null ? "" : node(firstRow.source(), firstRow.sourcePort());
        String node1 = firstRow == null ? "" : node(firstRow.destination(), firstRow.destinationPort());
        return FollowText.render(protocol, stream, node0, node1, content);
    }

    private static String node(String address, int port) {
        return address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    }
}
