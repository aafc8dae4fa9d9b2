package org.wirelab.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.encode.FrameBuilder;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * The explanations of the sample captures: each sentence must state the facts of its own frame, so the
 * numbers expected here are tshark's for that frame, never copied from our output.
 */
class ExplainerTest {
    private static final byte[] LOCALHOST = {127, 0, 0, 1};

    @Test
    void theSynGivesItsIsnAndSaysTheAnswerAcknowledgesIsnPlusOne() throws IOException {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        String[] syn = tshark(file, "tcp.seq_raw", "tcp.srcport", "tcp.dstport").get(0);
        long isn = Long.parseLong(syn[0]);

        String text = explain(file, 0, Locale.ENGLISH);

        assertTrue(text.contains("initial sequence number (ISN) is " + isn + ","), text);
        assertTrue(text.contains("will acknowledge " + (isn + 1) + "."), text);
        assertTrue(text.startsWith("The client (127.0.0.1:" + syn[1] + ") asks the server (127.0.0.1:" + syn[2] + ")"), text);
        assertTrue(text.contains("carries no data but uses one sequence number"), text);
    }

    @Test
    void theSynAckAcknowledgesTheClientsIsnPlusOneAndBringsItsOwn() throws IOException {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        List<String[]> rows = tshark(file, "tcp.seq_raw", "tcp.ack_raw");
        long clientIsn = Long.parseLong(rows.get(0)[0]);
        long serverIsn = Long.parseLong(rows.get(1)[0]);
        assertEquals(clientIsn + 1, Long.parseLong(rows.get(1)[1]), "the sample's SYN-ACK acknowledges ISN+1");

        String text = explain(file, 1, Locale.ENGLISH);

        assertTrue(text.contains("acknowledges " + rows.get(1)[1] + ", the client’s ISN + 1"), text);
        assertTrue(text.contains("its own ISN, " + serverIsn + "."), text);
        assertTrue(text.contains("the client will acknowledge " + (serverIsn + 1) + "."), text);
    }

    @Test
    void theThirdPacketCompletesTheHandshakeAndReleasesAccept() throws IOException {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        String ack = tshark(file, "tcp.ack").get(2)[0];

        String text = explain(file, 2, Locale.ENGLISH);

        assertTrue(text.contains("acknowledges the server’s SYN (ack " + ack + ")"), text);
        assertTrue(text.contains("accept() returns once this third packet arrives"), text);
        assertTrue(explain(file, 2, Locale.FRENCH).contains("accept() rend la main"), "French");
    }

    @Test
    void dataSaysHowManyBytesAndWhichAcknowledgementWillCoverThem() throws IOException {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        String[] data = tshark(file, "tcp.len", "tcp.seq", "tcp.nxtseq").get(3);

        String text = explain(file, 3, Locale.ENGLISH);

        assertTrue(text.contains("sends " + data[0] + " bytes of data, numbered from " + data[1]), text);
        assertTrue(text.contains("will acknowledge " + data[2] + ", the next byte"), text);
    }

    @Test
    void aPureAckGivesTheAcknowledgementAndTheWindow() throws IOException {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        String[] ack = tshark(file, "tcp.ack", "tcp.window_size").get(4);

        String text = explain(file, 4, Locale.ENGLISH);

        assertTrue(text.contains("acknowledges every byte before " + ack[0] + " (relative)"), text);
        // A count of bytes is written as the language writes numbers: 65,536 in English, 65 536 in French.
        String window = java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH).format(Long.parseLong(ack[1]));
        assertTrue(text.contains("can receive " + window + " more bytes"), text);
        String french = explain(file, 4, Locale.FRENCH);
        String fenetre = java.text.NumberFormat.getIntegerInstance(Locale.FRENCH).format(Long.parseLong(ack[1]));
        assertTrue(french.contains("recevoir " + fenetre + " octets"), french);
    }

    @Test
    void theFinUsesOneSequenceNumberAndTheLastAckClosesTheConnection() throws IOException {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        List<String[]> rows = tshark(file, "tcp.seq", "tcp.ack");
        long finSeq = Long.parseLong(rows.get(7)[0]);
        assertEquals(finSeq + 1, Long.parseLong(rows.get(8)[1]), "the sample's server acknowledges the FIN's seq + 1");

        String fin = explain(file, 7, Locale.ENGLISH);
        String last = explain(file, 9, Locale.ENGLISH);

        assertTrue(fin.contains("(FIN, sent by close())"), fin);
        assertTrue(fin.contains("the answer will acknowledge " + (finSeq + 1) + "."), fin);
        assertTrue(last.contains("acknowledges the FIN (ack " + rows.get(9)[1] + ")"), last);
        assertTrue(last.contains("TIME-WAIT"), last);
    }

    @Test
    void aUdpDatagramNeedsNoConnection() throws IOException {
        Path file = Environment.samples().resolve("udp-echo.pcap");
        List<String[]> rows = tshark(file, "udp.length");

        String first = explain(file, 0, Locale.ENGLISH);
        String reply = explain(file, 1, Locale.FRENCH);

        assertTrue(first.contains("UDP datagram of " + (Integer.parseInt(rows.get(0)[0]) - 8) + " bytes"), first);
        assertTrue(first.contains("UDP needs no connection"), first);
        assertTrue(reply.startsWith("Le serveur (127.0.0.1:3000) envoie un datagramme UDP de "
                + (Integer.parseInt(rows.get(1)[0]) - 8) + " octets"), reply);
    }

    @Test
    void httpRequestAndResponseAreNamed() throws IOException {
        Path file = Environment.samples().resolve("http-get.pcap");
        // wirelab decodes each segment by itself: tshark must not wait for the body to show the status line.
        List<String[]> rows = tshark(file, List.of("-o", "http.desegment_body:FALSE"), "http.request.method",
                "http.request.uri", "http.response.code");
        int request = indexWhere(rows, 0);
        int response = indexWhere(rows, 2);

        String requestText = explain(file, request, Locale.ENGLISH);
        String responseText = explain(file, response, Locale.ENGLISH);

        assertTrue(requestText.contains("It is an HTTP request: " + rows.get(request)[0] + " " + rows.get(request)[1]
                + "."), requestText);
        assertTrue(responseText.contains("It is the HTTP response: status " + rows.get(response)[2]), responseText);
    }

    @Test
    void anRstRightAfterTheSynSaysNothingListens(@TempDir Path directory) throws IOException {
        FrameStore frames = new FrameStore();
        frames.append(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 1))
                .transport(TcpHeader.of(40000, 3001, 1000, 0, Tcp.SYN, 65495)).toRawFrame(1, 1_000_000L));
        frames.append(new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, 0))
                .transport(TcpHeader.of(3001, 40000, 0, 1001, Tcp.RST | Tcp.ACK, 0)).toRawFrame(2, 2_000_000L));
        Path file = directory.resolve("refused.pcap");
        PcapWriter.write(frames, file, PcapWriter.Resolution.NANOSECONDS);
        assertEquals("3001", tshark(file, "tcp.srcport").get(1)[0]);

        String text = explain(file, 1, Locale.ENGLISH);

        assertTrue(text.startsWith("Nothing listens on port 3001"), text);
        assertTrue(text.contains("Connection refused"), text);
    }

    @Test
    void aSegmentSentTwiceIsARetransmission(@TempDir Path directory) throws IOException {
        FrameStore frames = new FrameStore();
        byte[] hello = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long[] times = {1, 2, 3, 4, 300};
        frames.append(tcp(40000, 3000, 1000, 0, Tcp.SYN, new byte[0], 1, times[0]));
        frames.append(tcp(3000, 40000, 5000, 1001, Tcp.SYN | Tcp.ACK, new byte[0], 2, times[1]));
        frames.append(tcp(40000, 3000, 1001, 5001, Tcp.ACK, new byte[0], 3, times[2]));
        frames.append(tcp(40000, 3000, 1001, 5001, Tcp.PSH | Tcp.ACK, hello, 4, times[3]));
        frames.append(tcp(40000, 3000, 1001, 5001, Tcp.PSH | Tcp.ACK, hello, 5, times[4]));
        Path file = directory.resolve("retransmission.pcap");
        PcapWriter.write(frames, file, PcapWriter.Resolution.NANOSECONDS);
        assertEquals("1", tshark(file, "tcp.analysis.retransmission").get(4)[0], "tshark calls frame 5 a retransmission");
        String seq = tshark(file, "tcp.seq").get(4)[0];

        String text = explain(file, 4, Locale.ENGLISH);

        assertTrue(text.contains("sends again 5 bytes from " + seq + " (relative): a retransmission"), text);
    }

    @Test
    void aPingAndItsReply() throws IOException {
        Path file = org.wirelab.core.testing.Corpus.capture("dpkt__dns_icmp.pcap");
        List<String[]> rows = tshark(file, "icmp.type", "ip.src");
        assertEquals("8", rows.get(2)[0], "tshark: frame 3 is an echo request");
        assertEquals("0", rows.get(3)[0], "tshark: frame 4 is an echo reply");

        assertEquals(rows.get(2)[1] + " sends an ICMP echo request (ping): the destination should answer with an echo reply.",
                explain(file, 2, Locale.ENGLISH));
        assertTrue(explain(file, 3, Locale.FRENCH).startsWith(rows.get(3)[1] + " répond au ping"));
    }

    @Test
    void everyFrameOfEverySampleIsExplainedInBothLanguages() throws IOException {
        for (String sample : List.of("tcp-hello.pcap", "udp-echo.pcap", "tcp-hello-ipv6.pcap", "http-get.pcap")) {
            CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(Environment.samples().resolve(sample)).frames());
            Explainer explainer = Explainer.of(analysis);
            for (int i = 0; i < analysis.size(); i++) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                    Explanation explanation = explainer.explain(i, locale);
                    assertFalse(explanation.sentences().isEmpty(), sample + " frame " + (i + 1));
                    assertFalse(explanation.text().contains("{"), explanation.text());
                    assertFalse(explanation.text().contains("wirelab does not explain")
                            || explanation.text().contains("n’explique pas"), sample + ": " + explanation.text());
                }
            }
        }
    }

    private static org.wirelab.core.frame.RawFrame tcp(int from, int to, long seq, long ack, int flags, byte[] payload,
            int number, long millis) {
        return new FrameBuilder().network(Ipv4Header.of(LOCALHOST, LOCALHOST, number))
                .transport(TcpHeader.of(from, to, seq, ack, flags, 65495)).payload(payload)
                .toRawFrame(number, millis * 1_000_000L);
    }

    private static int indexWhere(List<String[]> rows, int column) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length > column && !rows.get(i)[column].isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("tshark found no frame with that field");
    }

    private static String explain(Path file, int index, Locale locale) throws IOException {
        return Explainer.of(CaptureAnalysis.of(CaptureFiles.read(file).frames())).explain(index, locale).text();
    }

    /** tshark's values for each frame, one row per frame in order (frame.number keeps empty rows). */
    private static List<String[]> tshark(Path file, String... fields) {
        return tshark(file, List.of(), fields);
    }

    private static List<String[]> tshark(Path file, List<String> options, String... fields) {
        Tshark.require();
        List<String> args = new ArrayList<>(List.of("-r", file.toString()));
        args.addAll(options);
        args.addAll(List.of("-T", "fields", "-E", "separator=/t", "-e", "frame.number"));
        for (String field : fields) {
            args.addAll(List.of("-e", field));
        }
        return Arrays.stream(Tshark.run(args.toArray(String[]::new)).split("\n"))
                .filter(line -> !line.isEmpty())
                .map(line -> Arrays.copyOfRange(line.split("\t", -1), 1, fields.length + 1))
                .toList();
    }
}
