package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.decode.CraftedFrames.Crafted;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;
import org.wirelab.core.summary.SummaryColumns;
import org.wirelab.core.testing.Tshark;

/**
 * The hand-built frames (every link type, extension headers, fragments, ICMP errors, DNS ...) written to
 * one pcap per link type and decoded by tshark: the field tree and the summary decoder must agree with it.
 * tshark runs without IP reassembly, since wirelab decodes each fragment on its own.
 */
class CraftedFramesTsharkTest {
    static final List<String> FIELDS = List.of(
            "eth.src", "eth.dst", "eth.type", "vlan.id", "vlan.etype", "vlan.priority", "ieee8021ad.id",
            "ieee8021ad.svid", "ieee8021ad.priority", "ieee8021ah.etype", "sll.pkttype", "sll.hatype",
            "sll.halen", "sll.src.eth", "sll.etype", "sll.ifindex", "null.family",
            "ip.version", "ip.hdr_len", "ip.len", "ip.id", "ip.flags", "ip.flags.df", "ip.flags.mf", "ip.frag_offset",
            "ip.ttl", "ip.proto", "ip.src", "ip.dst", "ip.opt.type", "ip.opt.len",
            "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src", "ipv6.dst",
            "ipv6.hopopts.nxt", "ipv6.hopopts.len", "ipv6.dstopts.nxt", "ipv6.dstopts.len", "ipv6.routing.nxt",
            "ipv6.routing.type", "ipv6.routing.segleft", "ipv6.fraghdr.nxt", "ipv6.fraghdr.offset",
            "ipv6.fraghdr.more", "ipv6.fraghdr.ident", "ah.spi", "ah.sequence",
            "arp.hw.type", "arp.proto.type", "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4",
            "arp.dst.hw_mac", "arp.dst.proto_ipv4",
            "icmp.type", "icmp.code", "icmp.ident", "icmp.seq",
            "icmpv6.type", "icmpv6.code", "icmpv6.echo.identifier", "icmpv6.echo.sequence_number",
            "icmpv6.nd.ns.target_address",
            "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "tcp.hdr_len", "tcp.flags",
            "tcp.flags.str", "tcp.window_size_value", "tcp.option_kind", "tcp.option_len", "tcp.options.mss_val",
            "tcp.options.wscale.shift", "tcp.options.wscale.multiplier", "tcp.options.sack_perm",
            "tcp.options.sack.count", "tcp.options.timestamp.tsval", "tcp.options.timestamp.tsecr",
            "udp.srcport", "udp.dstport", "udp.length", "udp.checksum",
            "dns.id", "dns.flags", "dns.flags.response", "dns.count.queries", "dns.count.answers", "dns.qry.name",
            "dns.qry.type", "dns.resp.name", "dns.resp.type", "dns.resp.ttl", "dns.cname", "dns.a", "dns.length",
            "http.response.version", "http.response.code", "http.response.phrase", "http.server");

    @Test
    void treeAndSummaryAgreeWithTshark(@TempDir Path dir) throws IOException {
        Tshark.require();
        Map<Integer, List<Crafted>> byLinkType = new LinkedHashMap<>();
        for (Crafted frame : CraftedFrames.all()) {
            byLinkType.computeIfAbsent(frame.linkType(), k -> new ArrayList<>()).add(frame);
        }
        List<String> mismatches = new ArrayList<>();
        FrameDecoder decoder = FrameDecoder.standard();
        for (var entry : byLinkType.entrySet()) {
            Path file = dir.resolve("crafted-" + entry.getKey() + ".pcap");
            FrameStore store = new FrameStore();
            for (Crafted frame : entry.getValue()) {
                store.append(frame.raw(store.size() + 1));
            }
            PcapWriter.write(store, file, PcapWriter.Resolution.NANOSECONDS);
            List<String[]> tshark = fields(file);
            PacketTable table = new SummaryDecoder().decode(store);
            List<String> header = List.of(tshark.get(0));
            for (int i = 0; i < store.size(); i++) {
                String what = entry.getValue().get(i).what();
                DecodedFrame frame = decoder.decode(store, i);
                String[] row = tshark.get(i + 1);
                for (String field : FIELDS) {
                    String expected = row[header.indexOf(field)];
                    if (!expected.equals(frame.text(field))) {
                        mismatches.add(what + ": " + field + " tshark '" + expected + "', tree '" + frame.text(field)
                                + "'");
                    }
                }
                boolean icmp = table.transport(i) == PacketTable.TRANSPORT_ICMP
                        || table.transport(i) == PacketTable.TRANSPORT_ICMPV6;
                for (var column : SummaryColumns.of(store, table, i).entrySet()) {
                    String expected = row[header.indexOf(column.getKey())];
                    if (icmp) {
                        // The summary keeps the outer header and never treats an ICMP error's quoted
                        // datagram as a segment: compare the outer occurrence and no transport column.
                        if (column.getKey().startsWith("tcp.") || column.getKey().startsWith("udp.")) {
                            continue;
                        }
                        expected = expected.split(",")[0];
                    }
                    if (!expected.equals(column.getValue())) {
                        mismatches.add(what + ": " + column.getKey() + " tshark '" + expected + "', summary '"
                                + column.getValue() + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static List<String[]> fields(Path file) {
        List<String> args = new ArrayList<>(List.of("-r", file.toString(), "-o", "ip.defragment:FALSE", "-o",
                "ipv6.defragment:FALSE", "-T", "fields", "-E", "header=y", "-E", "separator=/t"));
        for (String field : FIELDS) {
            args.add("-e");
            args.add(field);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Tshark.run(args.toArray(String[]::new)).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
