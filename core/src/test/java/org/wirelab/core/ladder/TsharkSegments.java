package org.wirelab.core.ladder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.testing.Tshark;

/** What tshark says of each TCP segment of a capture: the referee of the drawing and export tests. */
public record TsharkSegments(List<Segment> segments) {

    /** One segment: sockets, flag names (from the Info column's brackets), numbers as tshark prints them. */
    public record Segment(int frame, String source, String destination, String flags, String seq, String ack,
            String len, String window, String rawSeq, String rawAck, boolean hasAck, byte[] payload) {

        /** "Seq=1 Ack=1 Len=0 Win=65536" from tshark's values (Ack only when the ACK flag is set). */
        public String numbers(boolean raw) {
            return "Seq=" + (raw ? rawSeq : seq) + (hasAck ? " Ack=" + (raw ? rawAck : ack) : "") + " Len=" + len
                    + " Win=" + window;
        }
    }

    /** RFC 9293 3.1's control bits named as Wireshark's Info column lists them, lowest bit first. */
    private static String flagNames(int bits) {
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < names.length; bit++) {
            if ((bits & (1 << bit)) != 0) {
                set.add(names[bit]);
            }
        }
        return String.join(", ", set);
    }

    /** tshark's bytes ("68656c6c6f" or "68:65:6c:6c:6f") as bytes. */
    private static byte[] hex(String text) {
        String digits = text.replace(":", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    public static TsharkSegments of(Path capture) {
        List<Segment> segments = new ArrayList<>();
        List<String[]> rows = Tshark.fields(capture, List.of("frame.number", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst",
                "ipv6.dst", "tcp.dstport", "frame.protocols", "tcp.seq", "tcp.ack", "tcp.len", "tcp.window_size",
                "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "tcp.payload"));
        for (String[] f : rows.subList(1, rows.size())) {   // after the header line
            if (f[3].isEmpty()) {
                continue;
            }
            String source = f[1].isEmpty() ? "[" + f[2] + "]" : f[1];
            String destination = f[4].isEmpty() ? "[" + f[5] + "]" : f[4];
            int bits = Integer.decode(f[12]);
            String flags = flagNames(bits);
            boolean ack = (bits & 0x10) != 0;
            segments.add(new Segment(Integer.parseInt(f[0]), source + ":" + f[3], destination + ":" + f[6], flags,
                    f[8], f[9], f[10], f[11], f[13], f[14], ack, f.length > 15 ? hex(f[15]) : new byte[0]));
        }
        return new TsharkSegments(segments);
    }
}
