package org.wirelab.core.encode;

import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;

/**
 * Issue 2 section 7: decoding then re-encoding headers gives the same bytes, for every frame of every
 * corpus file and sample. So that "the same bytes" cannot be had by calling everything payload, the
 * parse is also held to the summary decoder: where it found a whole TCP or UDP header, so must we,
 * with the same ports.
 */
class HeaderRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusAndSampleFrameReEncodesToItsBytes() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.captures());
        files.addAll(Environment.sampleFiles());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> roundTrip(file)));
    }

    private static void roundTrip(Path file) throws IOException {
        FrameStore frames;
        try {
            frames = CaptureFiles.read(file).frames();
        } catch (CaptureFormatException notACapture) {
            return;   // the malformed corpus files: the reader's tests cover their errors
        }
        PacketTable summary = new SummaryDecoder().decode(frames);
        for (int i = 0; i < frames.size(); i++) {
            int number = i + 1;
            byte[] bytes = Arrays.copyOfRange(frames.buffer(i), frames.offset(i), frames.offset(i) + frames.capturedLength(i));
            ParsedFrame parsed = HeaderParser.parse(frames.linkType(i), bytes);
            String where = file.getFileName() + " frame " + number;
            if (parsed.layers().isEmpty()) {
                assertTrue(summary.network(i) == PacketTable.NETWORK_NONE, where + ": " + parsed.problem()
                        + ", yet the summary decoder read a network header");
                continue;
            }
            FrameLayers layers = parsed.layers().get();
            byte[] again = FrameEncoder.encode(layers);
            if (!Arrays.equals(bytes, again)) {
                fail(where + " re-encodes differently from byte " + Arrays.mismatch(bytes, again) + "\n  read    "
                        + HexFormat.of().formatHex(bytes) + "\n  encoded " + HexFormat.of().formatHex(again) + "\n  "
                        + layers);
            }
            agreesWithSummary(summary, i, layers, where);
        }
    }

    private static void agreesWithSummary(PacketTable summary, int i, FrameLayers layers, String where) {
        int network = summary.network(i);
        if (network == PacketTable.NETWORK_IPV4 || network == PacketTable.NETWORK_IPV6) {
            Class<?> expected = network == PacketTable.NETWORK_IPV4 ? Ipv4Header.class : Ipv6Header.class;
            assertTrue(expected.isInstance(layers.network()), where + ": expected " + expected.getSimpleName()
                    + ", parsed " + layers);
        }
        boolean wholeTcp = summary.transport(i) == PacketTable.TRANSPORT_TCP
                && summary.hasStatus(i, PacketTable.STATUS_TCP_HEADER_COMPLETE);
        if (wholeTcp) {
            assertTrue(layers.transport() instanceof TcpHeader, where + ": a whole TCP header, parsed " + layers);
            TcpHeader tcp = (TcpHeader) layers.transport();
            assertEquals(summary.sourcePort(i), tcp.sourcePort(), where);
            assertEquals(summary.destinationPort(i), tcp.destinationPort(), where);
            assertEquals(summary.sequence(i), (int) tcp.sequenceNumber(), where);
            assertEquals(summary.tcpFlags(i), tcp.flags(), where);
        }
        boolean wholeUdp = summary.transport(i) == PacketTable.TRANSPORT_UDP
                && !summary.hasStatus(i, PacketTable.STATUS_TRANSPORT_TRUNCATED);
        if (wholeUdp) {
            assertTrue(layers.transport() instanceof UdpHeader, where + ": a whole UDP header, parsed " + layers);
            assertEquals(summary.sourcePort(i), ((UdpHeader) layers.transport()).sourcePort(), where);
            assertEquals(summary.destinationPort(i), ((UdpHeader) layers.transport()).destinationPort(), where);
        }
    }
}
