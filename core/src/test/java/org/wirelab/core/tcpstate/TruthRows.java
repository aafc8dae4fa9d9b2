package org.wirelab.core.tcpstate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.testing.Corpus;

/**
 * The per-frame values of a corpus file as tshark reported them (truth/F.tsv), so the TCP state,
 * conversation and follow logic can be checked against the corpus independently of our decoder.
 */
public record TruthRows(List<Row> rows) {

    /** One frame of truth/F.tsv; ports and streams are -1 when empty. */
    public record Row(int number, long epochNanos, int frameLength, String source, String destination,
            int sourcePort, int destinationPort, int tcpFlags, long sequence, long acknowledgement,
            int tcpLength, int tcpStream, int udpStream) {

        public boolean isTcp() {
            return tcpStream >= 0;
        }

        public String sourceSocket() {
            return source + ":" + sourcePort;
        }

        public String destinationSocket() {
            return destination + ":" + destinationPort;
        }
    }

    /** Reads truth/F.tsv for the corpus file named {@code captureName}, or null when tshark read nothing. */
    public static TruthRows of(String captureName) {
        Path tsv = Corpus.truth(Corpus.capture(captureName), "tsv");
        if (!Files.exists(tsv)) {
            return null;
        }
        List<String[]> cells = Corpus.readTsv(tsv);
        if (cells.isEmpty() || cells.get(0).length < 2) {
            return null;
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < cells.get(0).length; i++) {
            column.put(cells.get(0)[i], i);
        }
        List<Row> rows = new ArrayList<>();
        for (String[] c : cells.subList(1, cells.size())) {
            if (c.length < 2) {
                continue;
            }
            String ipSource = first(c[column.get("ip.src")]);
            String source = ipSource.isEmpty() ? first(c[column.get("ipv6.src")]) : ipSource;
            String ipDestination = first(c[column.get("ip.dst")]);
            String destination = ipDestination.isEmpty() ? first(c[column.get("ipv6.dst")]) : ipDestination;
            boolean tcp = !c[column.get("tcp.stream")].isEmpty();
            String sport = c[column.get(tcp ? "tcp.srcport" : "udp.srcport")];
            String dport = c[column.get(tcp ? "tcp.dstport" : "udp.dstport")];
            String flags = c[column.get("tcp.flags")];
            rows.add(new Row(Integer.parseInt(c[0]), epochNanos(c[column.get("frame.time_epoch")]),
                    Integer.parseInt(c[column.get("frame.len")]), source, destination,
                    (int) number(sport), (int) number(dport), flags.isEmpty() ? 0 : Integer.decode(flags),
                    number(c[column.get("tcp.seq_raw")]), number(c[column.get("tcp.ack_raw")]),
                    (int) number(c[column.get("tcp.len")]), (int) number(c[column.get("tcp.stream")]),
                    (int) number(c[column.get("udp.stream")])));
        }
        return new TruthRows(rows);
    }

    private static String first(String cell) {
        int comma = cell.indexOf(',');
        return comma < 0 ? cell : cell.substring(0, comma);
    }

    private static long number(String cell) {
        String v = first(cell);
        return v.isEmpty() ? -1 : Long.parseLong(v);
    }

    /** "1513204139.656584000" as nanoseconds (tshark prints nine decimals). */
    static long epochNanos(String text) {
        boolean negative = text.startsWith("-");
        String t = negative ? text.substring(1) : text;
        int dot = t.indexOf('.');
        long seconds = Long.parseLong(t.substring(0, dot));
        String fraction = (t.substring(dot + 1) + "000000000").substring(0, 9);
        long nanos = seconds * 1_000_000_000L + Long.parseLong(fraction);
        return negative ? -nanos : nanos;
    }

    /**
     * Feeds every frame to a timeline, numbering each stream's endpoints by first appearance: the
     * sender of the stream's first frame is endpoint 0.
     */
    public TcpStateTimeline timeline() {
        TcpStateTimeline.Builder builder = new TcpStateTimeline.Builder(rows.size());
        Map<Integer, String> firstSender = new HashMap<>();
        for (Row r : rows) {
            if (!r.isTcp() || r.sequence() < 0) {
                builder.skip();
                continue;
            }
            String first = firstSender.computeIfAbsent(r.tcpStream(), s -> r.sourceSocket());
            int sender = first.equals(r.sourceSocket()) ? 0 : 1;
            builder.segment(r.tcpStream(), sender, r.tcpFlags(), (int) r.sequence(), (int) r.acknowledgement(),
                    r.tcpLength());
        }
        return builder.build();
    }
}
