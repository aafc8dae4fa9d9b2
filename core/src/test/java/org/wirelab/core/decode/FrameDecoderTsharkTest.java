package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Tshark;

/**
 * Fields beyond the truth files (link headers, every IPv4 field, TCP flags and options, ICMP, DNS, the
 * HTTP request line) compared with tshark run live on every corpus file.
 */
class FrameDecoderTsharkTest {
    static final List<String> FIELDS = List.of(
            "eth.src", "eth.dst", "eth.type", "vlan.id", "vlan.etype", "sll.pkttype", "sll.hatype", "sll.halen",
            "sll.src.eth", "sll.etype", "null.family",
            "ip.version", "ip.hdr_len", "ip.dsfield", "ip.dsfield.dscp", "ip.dsfield.ecn", "ip.len", "ip.id",
            "ip.flags", "ip.flags.rb", "ip.flags.df", "ip.flags.mf", "ip.frag_offset", "ip.ttl", "ip.checksum",
            "ipv6.version", "ipv6.tclass", "ipv6.flow", "ipv6.plen", "ipv6.hlim",
            "tcp.checksum", "tcp.urgent_pointer", "tcp.flags.res", "tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece",
            "tcp.flags.urg", "tcp.flags.ack", "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin",
            "tcp.options", "tcp.option_kind", "tcp.option_len", "tcp.options.mss_val", "tcp.options.wscale.shift",
            "tcp.options.wscale.multiplier", "tcp.options.sack_perm", "tcp.options.timestamp.tsval",
            "tcp.options.timestamp.tsecr", "tcp.options.nop", "tcp.options.eol", "tcp.options.sack.count",
            "udp.checksum",
            "icmp.type", "icmp.code", "icmp.checksum", "icmp.ident", "icmp.seq",
            "arp.opcode",
            "http.request.method", "http.request.uri", "http.request.version",
            "dns.id", "dns.flags", "dns.flags.response", "dns.qry.name", "dns.qry.type", "dns.count.queries",
            "dns.count.answers", "dns.a", "dns.resp.ttl");

    static Stream<Path> captures() {
        return FrameDecoderCorpusTest.captures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void fieldsMatchTsharkLive(Path capture) throws IOException {
        Tshark.require();
        FrameStore frames = CaptureFiles.read(capture).frames();
        List<String[]> tshark = tsharkFields(capture);
        FrameDecoder decoder = FrameDecoder.standard();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < frames.size() && i + 1 < tshark.size(); i++) {
            FrameDecoderCorpusTest.compare(decoder.decode(frames, i), tshark, FIELDS, i, mismatches);
        }
        assertEquals(List.of(), mismatches, capture.getFileName().toString());
    }

    /** tshark stops with an error on the damaged files after their good frames: keep what it printed. */
    private static List<String[]> tsharkFields(Path capture) {
        return Tshark.fields(capture, FIELDS, true);
    }
}
