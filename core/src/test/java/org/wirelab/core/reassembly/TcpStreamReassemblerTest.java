package org.wirelab.core.reassembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpStreamReassemblerTest {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;

    private final TcpStreamReassembler reassembler = new TcpStreamReassembler();
    private int frame;

    private void send(int direction, int flags, long seq, long ack, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        reassembler.segment(++frame, direction, flags, (int) seq, (int) ack, bytes.length, bytes, 0, bytes.length);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void firstDataWinsOverARetransmissionWithDifferentBytes() {
        send(0, SYN, 99, 0, "");
        send(0, ACK, 100, 1, "hello ");
        send(0, ACK, 100, 1, "HELLO world");   // overlaps: only "world" is new
        send(0, ACK, 111, 1, "!");
        ReassembledStream s = reassembler.result();
        assertEquals("hello world!", text(s.bytes(0)));
        assertEquals(List.of(), s.gaps(0));
        assertEquals(6, ((StreamPiece.Data) s.pieces().get(1)).offset());
    }

    @Test
    void outOfOrderSegmentWaitsForTheBytesBeforeIt() {
        send(0, ACK, 1000, 1, "abc");
        send(0, ACK, 1006, 1, "ghi");
        send(0, ACK, 1003, 1, "def");
        ReassembledStream s = reassembler.result();
        assertEquals("abcdefghi", text(s.bytes(0)));
        assertEquals(List.of(1, 3, 2), s.pieces().stream().map(StreamPiece::frameNumber).toList());
    }

    @Test
    void segmentAcknowledgedButNeverCapturedBecomesAGap() {
        send(0, ACK, 1000, 500, "abc");
        send(0, ACK, 1010, 500, "klm");            // 7 bytes (1003..1009) never captured
        send(1, ACK, 500, 1013, "");               // the peer acknowledges everything
        ReassembledStream s = reassembler.result();
        assertEquals("abcklm", text(s.bytes(0)));
        assertEquals(List.of(new StreamPiece.Gap(0, 3, 3, 7, StreamPiece.Cause.NOT_CAPTURED)), s.gaps(0));
        String follow = FollowText.render("tcp", 0, "a:1", "b:2", s);
        assertEquals(String.join("\n", "", "===================================================================",
                "Follow: tcp,ascii", "Filter: tcp.stream eq 0", "Node 0: a:1", "Node 1: b:2",
                "3", "abc", "34", "[7 bytes missing in capture file].", "3", "klm",
                "===================================================================", ""), follow);
    }

    @Test
    void payloadCutBySnapLengthLeavesATruncatedGap() {
        byte[] payload = "0123456789".getBytes(StandardCharsets.US_ASCII);
        reassembler.segment(1, 0, ACK, 5000, 1, 10, payload, 0, 4);
        reassembler.segment(2, 0, ACK, 5010, 1, 2, "ab".getBytes(StandardCharsets.US_ASCII), 0, 2);
        ReassembledStream s = reassembler.result();
        assertEquals("0123ab", text(s.bytes(0)));
        assertEquals(List.of(new StreamPiece.Gap(0, 1, 4, 6, StreamPiece.Cause.TRUNCATED)), s.gaps(0));
    }

    @Test
    void sequenceNumbersWrapAround() {
        send(1, ACK, 0xFFFF_FFFEL, 1, "xy");
        send(1, ACK, 0, 1, "z");
        send(0, ACK, 1, 1, "q");
        ReassembledStream s = reassembler.result();
        assertEquals(1, s.node0Direction());
        assertEquals("xyz", text(s.bytes(0)));
        assertEquals("q", text(s.bytes(1)));
    }

    @Test
    void unprintableBytesShowAsDots() {
        assertEquals("a.b\r\n.", FollowText.printable(new byte[] {'a', 0, 'b', '\r', '\n', (byte) 0xe9}));
    }
}
