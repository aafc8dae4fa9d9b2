package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * A snap length that cuts TCP headers between their 16th and 20th byte (before the checksum): tshark
 * still files those segments under a stream, so the next connection is stream 1, not 0, and every
 * field it prints for them must be ours too.
 */
class SnapLengthCutTcpHeaderTest {
    private static final int ETHERNET_IPV4 = 14 + 20;
    private static final int SERVER_PORT = 3000;

    @TempDir
    Path dir;

    @Test
    void segmentsCutBeforeTheChecksumKeepTheirStreamAsInTshark() throws IOException {
        Tshark.require();
        FrameStore hello = CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).frames();
        for (int tcpBytes = 16; tcpBytes < 20; tcpBytes++) {
            FrameStore store = new FrameStore();
            for (int i = 0; i < hello.size(); i++) {
                store.append(hello.timestampNanos(i), hello.linkType(i), hello.buffer(i), hello.offset(i),
                        ETHERNET_IPV4 + tcpBytes, hello.originalLength(i));
            }
            for (int i = 0; i < hello.size(); i++) {
                byte[] whole = hello.frame(i).bytes();
                // The second connection comes from another port of the client, in both directions.
                boolean fromServer = Tcp.sourcePort(whole, ETHERNET_IPV4) == SERVER_PORT;
                whole[ETHERNET_IPV4 + (fromServer ? 3 : 1)] ^= 1;
                store.append(hello.timestampNanos(i) + 1_000_000_000L, hello.linkType(i), whole, 0, whole.length,
                        hello.originalLength(i));
            }
            Path file = dir.resolve("tcp-cut-at-" + tcpBytes + ".pcap");
            PcapWriter.write(store, file, PcapWriter.Resolution.NANOSECONDS);
            CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(file).frames());
            assertEquals(List.of(), TsharkAgreement.differences(file, analysis),
                    "TCP headers cut at " + tcpBytes + " bytes");
        }
    }
}
