package org.wirelab.core.filter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.fields.FieldTypes;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.TsharkAnswers;

/**
 * What the tshark comparisons ask: a list of display filters that uses every operator and every type of
 * value, every field name wirelab knows, and the captures they are asked of (every sample and every
 * corpus file wirelab reads). One tshark run per capture answers both.
 */
final class FilterCases {
    static final List<String> FILTERS = List.of(
            // protocols and fields alone
            "frame", "eth", "ip", "ipv6", "arp", "tcp", "udp", "icmp", "icmpv6", "dns", "http", "data", "vlan", "sll",
            "tcp.options.mss_val", "http.request", "dns.a", "tcp.analysis.retransmission", "tcp.analysis.duplicate_ack",
            // every comparison, in symbols and words
            "tcp.port == 80", "tcp.port eq 3000", "tcp.srcport != 8080", "tcp.dstport ne 22", "tcp.port === 3000",
            "tcp.port all_eq 3000", "tcp.port ~= 3000", "tcp.port any_ne 3000", "tcp.port !== 3000", "tcp.len > 0", "tcp.len gt 100",
            "tcp.len >= 1", "ip.ttl ge 64", "ip.ttl < 64", "ip.ttl lt 100", "frame.len <= 60", "frame.len le 100",
            "tcp.port any_eq 8080",
            // logic
            "tcp.flags.syn == 1 && tcp.flags.ack == 0", "tcp.flags.syn == 1 and tcp.flags.ack == 1",
            "tcp.flags.fin == 1 || tcp.flags.reset == 1", "tcp.flags.fin == 1 or udp", "!tcp", "not udp",
            "!(tcp.port == 8080)", "not tcp.port == 8080 and tcp",
            "tcp.port == 3000 or tcp.port == 8080 and tcp.len > 0", "(tcp.port == 3000 or tcp.port == 8080) and tcp.len > 0",
            "(tcp || udp) && !(tcp.port == 22)", "tcp.port == 80 && (ip.src == 127.0.0.1 || ipv6.src == ::1)",
            // booleans
            "tcp.flags.reset == True", "tcp.flags.push == False", "dns.flags.response == 1", "ip.flags.df == 0",
            // IPv4, CIDR, IPv6, Ethernet
            "ip.src == 127.0.0.1", "ip.addr == 127.0.0.0/8", "ip.src == 10.0.0.0/8 || ip.dst == 192.168.0.0/16",
            "ip.dst != 127.0.0.1", "ip.addr != 127.0.0.1", "ip.addr ~= 127.0.0.1", "ip.src > 100.0.0.0",
            "ipv6.addr == ::1", "ipv6.src == fe80::/10", "ipv6.dst != ::1", "ipv6.addr == 2001:db8::/32",
            "eth.src == 00:00:00:00:00:00", "eth.addr == ff:ff:ff:ff:ff:ff", "eth.dst == ff-ff-ff-ff-ff-ff",
            "eth.dst == ffff.ffff.ffff", "eth.type == 0x0800", "eth.type == 0x86dd", "dns.a == 8.8.8.8/24",
            // strings, contains, matches, functions
            "http.request.method == \"GET\"", "http.request.method == GET", "http.request.method != \"POST\"",
            "http.response.code == 200", "http.response.code >= 300", "http.host contains \"127\"",
            "http.request.uri matches \"^/\"", "http.user_agent matches \"curl|python\"",
            "http.request.method matches \"get\"", "dns.qry.name contains \"google\"",
            "dns.qry.name matches \"\\\\.com$\"", "dns.qry.name > \"m\"", "dns.qry.type == 1",
            "dns.count.answers > 0", "http.request.uri == \"\\x2f\"", "tcp.flags.str contains \"S\"",
            "frame.protocols contains \"dns\"", "len(http.request.uri) > 1", "len(dns.qry.name) > 10",
            "len(ip.src) == 4", "len(tcp.port) == 2", "len(eth) == 14", "lower(http.request.method) == \"get\"",
            "upper(dns.qry.name) contains \"COM\"", "count(ip.src) == 2", "count(tcp.options.nop) > 1",
            // sets and ranges
            "tcp.port in {80, 443, 8080}", "tcp.port in {1..1024}", "tcp.port not in {80, 3000}",
            "udp.port in {53, 3000..3010}", "ip.ttl in {64, 128, 255}", "frame.number in {1, 3, 5}",
            "ip.src in {127.0.0.1, 10.0.0.0/8}", "http.request.method in {\"GET\", \"HEAD\"}",
            // bitwise and
            "tcp.flags & 0x02", "tcp.flags & 0x12 == 0x12", "ip.flags & 0x02", "tcp.flags bitwise_and 0x04",
            "ip.dsfield & 0x03",
            // slices, byte strings, bytes contained
            "frame[0:2] == 00:00", "frame[12:2] == 08:00", "frame[12:2] == 0800", "tcp[13] == 12",
            "tcp[13] == 0x18", "frame[0] == 0xff", "eth.src[0:3] == 00:00:00", "ip[0] == 45", "ip.src[0] == 7f",
            "frame[-1] == 0a", "frame[0-1] == ff:ff", "frame[:2] == 00:00", "frame[6:] contains 08:00",
            "frame[0:1,12:2] == 00:08:00", "tcp[0:2] == 0b:b8", "frame[0] == 'E'", "tcp[-1:] == 0a",
            "frame contains \"GET\"", "tcp contains \"HTTP\"", "frame contains 47:45:54", "udp contains 00:35",
            "frame matches \"hello\"", "ip[0] > 45", "eth.dst[0] & 01",
            // generated and analysis fields, times
            "tcp.analysis.flags && !tcp.analysis.window_update", "tcp.stream == 1", "udp.stream eq 0",
            "tcp.analysis.ack_rtt > 0.0001", "frame.time_relative >= 1", "frame.time_delta > 0.5",
            "frame.number <= 3", "tcp.time_relative > 0.01", "tcp.analysis.acks_frame",
            // other protocols and fields
            "ip.proto == 17", "icmp.type == 3", "icmp.type == 8 || icmp.type == 0", "icmpv6.type == 128",
            "arp.opcode == 1", "vlan.id > 0", "sll.pkttype == 4", "tcp.options.mss_val >= 1460",
            "tcp.options.wscale.shift == 7", "tcp.window_size_value < 1000", "tcp.window_size > 65535",
            "tcp.seq == 1", "tcp.ack == 1 and tcp.len == 0", "tcp.nxtseq > 1000", "ip.src == ip.dst",
            "tcp.srcport > tcp.dstport", "tcp.srcport == tcp.dstport", "ip.dsfield.dscp != 0", "ip.len > 1000",
            "ip.id == 0x0000", "udp.length < 30", "tcp.checksum == 0x0000", "dns.flags.rcode != 0",
            "http.content_length_header", "data.len > 10", "ipv6.hlim == 255", "ipv6.nxt == 58", "ip.ttl == 0x40",
            // TCP options and analysis, absolute time
            "tcp.options.sack_le > 1000", "tcp.options.sack.dsack", "tcp.options.timestamp", "tcp.options.wscale",
            "tcp.analysis.bytes_in_flight > 10000", "tcp.analysis.push_bytes_sent == tcp.len",
            "tcp.analysis.initial_rtt < 0.001", "tcp.analysis.rto_frame", "tcp.analysis.duplicate_ack_frame",
            "tcp.completeness == 31", "tcp.connection.fin_active", "tcp.connection.synack || tcp.connection.rst",
            "frame.time >= \"Jan  1, 2020 00:00:00\"", "frame.time < \"2013-03-08 00:00:00\"",
            // address bits, padding and trailer, host names, echo pairs, frame record fields
            "eth.ig == 1", "eth.dst.ig == 1", "eth.src.lg == 0", "eth.lg", "eth.padding", "eth.trailer",
            "eth.padding_bad", "eth.padding == 00:00:00:00:00:00", "ip.host == \"127.0.0.1\"",
            "ip.src_host contains \"192.168\"", "ip.dst_host matches \"^10\\\\.\"", "ipv6.host contains \"::\"",
            "ipv6.src_host == \"::1\"", "icmp.resp_to", "icmp.resptime > 300", "icmp.resp_to == 3", "icmp.unused",
            "frame.encap_type == 25", "frame.encap_type in {1, 15}", "frame.marked == 0", "frame.ignored",
            "frame.offset_shift == 0", "sll.unused", "tcp.reset_cause", "tcp.reset_cause contains \"3\"",
            // application fields that pair messages or read bodies
            "http.request.uri.query.parameter contains \"lang\"", "http.request.uri.path == \"/search\"",
            "http.response_for.uri contains \"index\"", "http.request_in", "http.time > 0.001",
            "http.prev_response_in", "http.prev_request_in", "http.request_number >= 2", "http.response_number == 1",
            "http.chunk_size > 10", "http.file_data contains \"html\"", "http.content_length > 100",
            "http.response.code.desc == \"OK\"", "http.request.full_uri contains \"127.0.0.1\"", "http.chat",
            "data-text-lines", "dns.time < 0.01", "dns.response_to", "dns.soa.mname contains \"root\"",
            "dns.opt.code == 10", "dns.resp.ttl > 3600", "dns.count.labels > 3", "dns.qry.name.len < 10",
            "dns.rr.udp_payload_size == 4096", "dns.opt.cookie.client", "ssh.direction == 1", "ssh.encrypted_packet",
            // TCP's items where HTTP is put together from several segments
            "tcp.segments", "tcp.segment == 8", "tcp.segment.count > 2", "tcp.reassembled.length > 1000",
            "tcp.reassembled.data contains \"HTTP/1.1 200\"", "tcp.reassembled_in");

    /** Names tshark 4.0 does not have: wirelab's own lab protocol. */
    static final List<String> WIRELAB_ONLY = List.of("chat", "chat.kind", "chat.message", "chat.client_number");

    static final List<String> FIELDS = FieldTypes.names().stream().filter(n -> !WIRELAB_ONLY.contains(n)).toList();

    private static boolean prefetched;

    private FilterCases() {
    }

    /** Every sample and corpus capture that wirelab reads (the others are refused, as tshark refuses them). */
    static List<Path> captures() {
        List<Path> all = new ArrayList<>(Environment.sampleFiles());
        all.addAll(Corpus.captures());
        List<Path> readable = new ArrayList<>();
        for (Path capture : all) {
            try {
                CaptureFiles.read(capture);
                readable.add(capture);
            } catch (Exception e) {
                // A capture wirelab refuses with a one-line error: nothing to compare.
            }
        }
        return readable;
    }

    static TsharkAnswers tshark(Path capture) {
        if (!prefetched) {
            prefetched = true;
            TsharkAnswers.prefetch(captures(), FIELDS, FILTERS);
        }
        return TsharkAnswers.of(capture, FIELDS, FILTERS);
    }
}
