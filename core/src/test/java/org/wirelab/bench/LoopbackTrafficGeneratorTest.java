package org.wirelab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.testing.Tshark;

/** The generated traffic is deterministic, well formed for tshark, and has the mix the benchmark claims. */
class LoopbackTrafficGeneratorTest {
    private static final int FRAMES = 20_000;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws IOException {
        LoopbackTrafficGenerator.write(dir.resolve("a.pcap"), 3000, 7);
        LoopbackTrafficGenerator.write(dir.resolve("b.pcap"), 3000, 7);
        LoopbackTrafficGenerator.write(dir.resolve("c.pcap"), 3000, 8);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.pcap")), Files.readAllBytes(dir.resolve("b.pcap")));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a.pcap")),
                Files.readAllBytes(dir.resolve("c.pcap"))));
    }

    @Test
    void tsharkSeesWellFormedLoopbackTrafficWithTheAdvertisedMix(@TempDir Path dir) throws IOException {
        Path pcap = dir.resolve("traffic.pcap");
        LoopbackTrafficGenerator.write(pcap, FRAMES, 1);
        List<String> fields = List.of("eth.src", "eth.dst", "ip.version", "ipv6.src", "tcp.flags", "tcp.len",
                "tcp.analysis.retransmission", "udp.srcport", "ip.checksum.status", "tcp.checksum.status",
                "udp.checksum.status", "_ws.malformed");
        List<String> args = new java.util.ArrayList<>(List.of("-r", pcap.toString(), "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-T", "fields", "-E", "separator=/t"));
        fields.forEach(f -> {
            args.add("-e");
            args.add(f);
        });
        String[] lines = Tshark.run(args.toArray(String[]::new)).split("\n");
        assertEquals(FRAMES, lines.length);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            String[] c = line.split("\t", -1);
            assertEquals("00:00:00:00:00:00", c[0], line);
            assertEquals("00:00:00:00:00:00", c[1], line);
            assertEquals("", c[11], "malformed: " + line);
            for (int status = 8; status <= 10; status++) {
                assertTrue(c[status].isEmpty() || c[status].equals("1"), "bad checksum: " + line);
            }
            if (!c[3].isEmpty()) {
                counts.merge("ipv6", 1, Integer::sum);
            }
            if (!c[4].isEmpty()) {
                int flags = Integer.decode(c[4]);
                counts.merge((flags & 0x002) != 0 ? "syn" : (flags & 0x004) != 0 ? "rst" : (flags & 0x001) != 0 ? "fin"
                        : !c[5].equals("0") ? (Integer.parseInt(c[5]) >= 1448 ? "full segment" : "small segment")
                        : "ack", 1, Integer::sum);
            }
            if (!c[6].isEmpty()) {
                counts.merge("retransmission", 1, Integer::sum);
            }
            if (!c[7].isEmpty()) {
                counts.merge("udp", 1, Integer::sum);
            }
        }
        for (String kind : List.of("ipv6", "syn", "rst", "fin", "full segment", "small segment", "ack",
                "retransmission", "udp")) {
            assertTrue(counts.getOrDefault(kind, 0) > 0, "no " + kind + " frame in " + counts);
        }
        assertTrue(counts.get("ipv6") > FRAMES / 10 && counts.get("ipv6") < FRAMES / 3, "about a fifth IPv6: " + counts);
        assertTrue(counts.get("udp") > FRAMES / 20, "UDP flows: " + counts);
    }
}
