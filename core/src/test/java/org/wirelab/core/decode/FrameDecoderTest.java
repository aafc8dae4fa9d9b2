package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.net.InternetChecksum;
import org.wirelab.core.testing.FrameBytes;

/** The field tree of hand-built frames: layers, ranges, diagnostics, checksums, the lab chat, summaries. */
class FrameDecoderTest {
    private static final byte[] NONE = new byte[0];
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private final FrameDecoder decoder = FrameDecoder.standard();

    private DecodedFrame decode(int linkType, byte[] bytes, int originalLength) {
        return decoder.decode(new RawFrame(1, 0, linkType, bytes, originalLength));
    }

    private DecodedFrame decode(int linkType, byte[] bytes) {
        return decode(linkType, bytes, bytes.length);
    }

    private static List<String> protocols(DecodedFrame frame) {
        return frame.layers().stream().map(Layer::protocol).toList();
    }

    @Test
    void httpRequestLayersHaveTheirOsiLayerAndByteRange() {
        byte[] http = "GET /index.html HTTP/1.1\r\nHost: lab.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        DecodedFrame frame = decode(LinkType.ETHERNET, FrameBytes.of().ethernet(0x0800)
                .ipv4(6, "10.0.0.1", "10.0.0.2", 20 + http.length).tcp(3372, 80, 1, 1, PSH | ACK, 8760, NONE)
                .bytes(http).build());
        assertEquals(List.of("Ethernet", "IPv4", "TCP", "HTTP"), protocols(frame));
        assertEquals(List.of(2, 3, 4, 7), frame.layers().stream().map(Layer::osiLayer).toList());
        assertEquals(List.of(new ByteRange(0, 14), new ByteRange(14, 20), new ByteRange(34, 20),
                new ByteRange(54, http.length)), frame.layers().stream().map(Layer::range).toList());
        assertEquals("GET", frame.text("http.request.method"));
        assertEquals("/index.html", frame.text("http.request.uri"));
        assertEquals("lab.example", frame.text("http.host"));
        assertEquals(new ByteRange(54, 3), frame.fields("http.request.method").get(0).range());
        assertEquals(List.of(), frame.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.NOTE
                && !d.message().contains("checksum")).toList());
    }

    @Test
    void aCutTcpHeaderKeepsTheLayersBeforeItAndSaysWhy() {
        byte[] options = new byte[40];
        byte[] whole = FrameBytes.of().ethernet(0x0800).ipv4(6, "10.0.0.1", "10.0.0.2", 60)
                .tcp(1000, 2000, 1, 0, SYN, 100, options).build();
        DecodedFrame frame = decode(LinkType.ETHERNET, java.util.Arrays.copyOf(whole, 54), whole.length);
        assertEquals(List.of("Ethernet", "IPv4", "TCP"), protocols(frame));
        Layer tcp = frame.layers().get(2);
        assertTrue(tcp.hasErrors());
        assertEquals(List.of("TCP header claims 60 bytes, 20 captured"), tcp.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::message).toList());
        assertEquals("1000", frame.text("tcp.srcport"));
        assertEquals("0", frame.text("tcp.len"));
    }

    @Test
    void flagBitsCarryTheirMaskAndBytes() {
        DecodedFrame frame = decode(LinkType.IPV4, FrameBytes.of().ipv4(6, "10.0.0.1", "10.0.0.2", 24)
                .tcp(3372, 80, 0, 0, SYN, 8760, FrameBytes.hex("020405b4")).build());
        Field syn = frame.fields("tcp.flags.syn").get(0);
        assertEquals(Boolean.TRUE, syn.value());
        assertEquals(0x002, syn.bitMask());
        assertEquals(new ByteRange(32, 2), syn.range());
        assertEquals("1", syn.text());
        assertEquals("0", frame.text("tcp.flags.ack"));
        assertEquals("0x0002", frame.text("tcp.flags"));
        assertEquals("TCP 3372 → 80 [SYN] Seq=0 Win=8760 Len=0 MSS=1460", frame.summary());
    }

    private static byte[] loopbackSegment(int checksum) {
        byte[] frame = FrameBytes.of().ipv4(6, "127.0.0.1", "127.0.0.1", 24)
                .tcp(40000, 9090, 5, 6, PSH | ACK, 512, NONE).hexBytes("68690d0a").build();
        frame[20 + 16] = (byte) (checksum >>> 8);
        frame[20 + 17] = (byte) checksum;
        int ipChecksum = InternetChecksum.of(frame, 0, 20);
        frame[10] = (byte) (ipChecksum >>> 8);
        frame[11] = (byte) ipChecksum;
        return frame;
    }

    /** The pseudo-header of RFC 9293 section 3.1 for 127.0.0.1 to itself, TCP, 24 bytes. */
    private static long pseudoHeaderSum() {
        long sum = InternetChecksum.add(0, new byte[] {127, 0, 0, 1, 127, 0, 0, 1}, 0, 8);
        return InternetChecksum.addWord(InternetChecksum.addWord(sum, 6), 24);
    }

    @Test
    void checksumsAreVerifiedAndLoopbackOffloadIsNotAnError() {
        byte[] zero = loopbackSegment(0);
        int correct = InternetChecksum.finish(InternetChecksum.add(pseudoHeaderSum(), zero, 20, 24));
        DecodedFrame good = decode(LinkType.IPV4, loopbackSegment(correct));
        assertEquals("1", good.text("ip.checksum.status"));
        assertEquals("1", good.text("tcp.checksum.status"));

        int partial = ~InternetChecksum.finish(pseudoHeaderSum()) & 0xffff;
        DecodedFrame offloaded = decode(LinkType.IPV4, loopbackSegment(partial));
        Field status = offloaded.fields("tcp.checksum.status").get(0);
        assertEquals("not verified (offloaded on loopback)", status.value());
        assertTrue(offloaded.diagnostics().stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR));

        DecodedFrame bad = decode(LinkType.IPV4, loopbackSegment(correct ^ 0x0101));
        assertEquals("0", bad.text("tcp.checksum.status"));
        assertTrue(bad.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR
                && d.message().equals("TCP checksum " + String.format("0x%04x", correct ^ 0x0101) + " is wrong, "
                + String.format("0x%04x", correct) + " expected")));
    }

    private DecodedFrame chat(int sourcePort, int destinationPort, String payload) {
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        return decode(LinkType.IPV4, FrameBytes.of().ipv4(6, "127.0.0.1", "127.0.0.1", 20 + text.length)
                .tcp(sourcePort, destinationPort, 1, 1, PSH | ACK, 512, NONE).bytes(text).build());
    }

    @Test
    void theLabChatProtocol() {
        DecodedFrame greeting = chat(9090, 51000, "2");
        assertEquals("Chat", greeting.layers().get(2).protocol());
        assertEquals("greeting", greeting.text("chat.kind"));
        assertEquals("2", greeting.text("chat.client_number"));

        DecodedFrame broadcast = chat(9090, 51000, "\n>>hello\n\n>>bye all\n");
        assertEquals("broadcast", broadcast.text("chat.kind"));
        assertEquals(List.of("hello", "bye all"), broadcast.fields("chat.message").stream().map(Field::value).toList());
        assertEquals(new ByteRange(40 + 3, 5), broadcast.fields("chat.message").get(0).range());

        assertEquals("message", chat(51000, 9090, "hello").text("chat.kind"));
        assertEquals("quit", chat(51000, 9090, "quit").text("chat.kind"));
        assertEquals("client number", chat(51000, 9090, "2").text("chat.kind"));
    }

    @Test
    void textPayloadOnAnUnknownPortIsShownLineByLine() {
        DecodedFrame frame = chat(3000, 3001, "hello serveur\n");
        assertEquals("Text", frame.layers().get(2).protocol());
        assertEquals("68656c6c6f2073657276657572" + "0a", frame.text("data.data"));
        DecodedFrame binary = decode(LinkType.IPV4, FrameBytes.of().ipv4(17, "10.0.0.1", "10.0.0.2", 11)
                .udp(3000, 3001, 3).hexBytes("00ff01").build());
        assertEquals("Data", binary.layers().get(2).protocol());
        assertEquals("00ff01", binary.text("data.data"));
    }

    @Test
    void anUnsupportedLinkTypeIsADiagnosticAndData() {
        DecodedFrame frame = decode(147, FrameBytes.hex("0102030405"));
        assertEquals(List.of("Frame", "Data"), protocols(frame));
        assertEquals("unsupported link type 147 (link type 147)", frame.diagnostics().get(0).message());
    }

    @Test
    void aDnsNamePointerLoopEndsWithADiagnostic() {
        byte[] dns = FrameBytes.of().u16(1).u16(0x0100).u16(1).u16(0).u16(0).u16(0).u16(0xc00c).u16(1).u16(1).build();
        DecodedFrame frame = decode(LinkType.IPV4, FrameBytes.of().ipv4(17, "10.0.0.1", "10.0.0.2", 8 + dns.length)
                .udp(3333, 53, dns.length).bytes(dns).build());
        assertEquals("DNS", frame.layers().get(2).protocol());
        assertTrue(frame.layers().get(2).hasErrors());
        assertEquals("0x0001", frame.text("dns.id"));
    }
}
