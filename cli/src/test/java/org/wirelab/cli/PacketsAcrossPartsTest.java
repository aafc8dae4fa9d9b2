package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.FarPairsCapture;

/**
 * {@code packets} reads a file {@link CaptureInput#SEGMENT_FRAMES} frames at a time: an HTTP response whose
 * header is the last frame of the first part and whose body is in the second is put back together there,
 * and every line with HTTP fields and the frames' protocols is the one the whole file's analysis gives (the
 * command, as run, against the fields of the file analysed at once).
 */
class PacketsAcrossPartsTest {
    private static final List<String> FIELDS = List.of("frame.number", "tcp.stream", "tcp.len", "frame.protocols",
            "http.request.method", "http.request.uri", "http.response.code", "http.content_length",
            "http.request_in", "http.time", "http.response_for.uri", "http.file_data");

    @Test
    void anHttpMessageSplitByAPartBoundaryIsTheWholeFilesMessage(@TempDir Path directory) throws IOException {
        // http-get's response: its header in frame 6 (TCP alone until the body comes), its body in frame 8.
        // After 65,530 datagrams (udp-echo's request, a microsecond apart), frame 6 is the last of the first
        // part, frame 8 in the second.
        Path capture = directory.resolve("split.pcap");
        int before = CaptureInput.SEGMENT_FRAMES - 6;
        FrameStore frames = new FrameStore();
        RawFrame datagram = CaptureFiles.read(Environment.samples().resolve("udp-echo.pcap")).frames().frame(0);
        for (int i = 0; i < before; i++) {
            frames.append(datagram.timestampNanos() + 1_000L * i, datagram.linkType(), datagram.bytes(), 0,
                    datagram.bytes().length, datagram.originalLength());
        }
        FrameStore get = CaptureFiles.read(Environment.samples().resolve("http-get.pcap")).frames();
        long shift = frames.timestampNanos(before - 1) + 1_000_000 - get.timestampNanos(0);
        for (int i = 0; i < get.size(); i++) {
            RawFrame frame = get.frame(i);
            frames.append(frame.timestampNanos() + shift, frame.linkType(), frame.bytes(), 0, frame.bytes().length,
                    frame.originalLength());
        }
        PcapWriter.write(frames, capture, PcapWriter.Resolution.NANOSECONDS);
        CaptureFields whole = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        int header = CaptureInput.SEGMENT_FRAMES - 1;
        assertEquals(List.of("eth:ethertype:ip:tcp"), whole.texts("frame.protocols", header), "the header alone");
        assertEquals(List.of("200"), whole.texts("http.response.code", header + 2), "the response, whole");

        List<String> args = new ArrayList<>(List.of("packets", capture.toString(), "-T", "fields"));
        for (String field : FIELDS) {
            args.add("-e");
            args.add(field);
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        String[] expected = fieldsOfTheWholeFile(whole).split("\n");
        String[] printed = run.out().split("\n");
        assertEquals(frames.size(), printed.length);
        for (int i = 0; i < printed.length; i++) {
            assertEquals(expected[i], printed[i], "frame " + (i + 1));
        }
        assertTrue(printed[header + 2].contains("\t200\t"), printed[header + 2]);
    }

    private static String fieldsOfTheWholeFile(CaptureFields whole) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            FieldsOutput output = new FieldsOutput(FIELDS, FieldsOutput.Options.parse(List.of(), null), false, out);
            output.begin();
            output.frames(whole, null);
            output.end();
        }
        return text.toString();
    }

    /**
     * A DNS response and an echo reply 70,000 frames after their query and request, in the second part: the
     * filter selects them (it reads dns.response_to and icmp.resp_to from the trees), paired as tshark pairs
     * them, though the first part's frames were all left out by the filter.
     */
    @Test
    void aResponseAndAnEchoReplyAPartAfterTheirRequestsArePaired(@TempDir Path directory) throws IOException {
        Path capture = directory.resolve("far-pairs.pcap");
        int between = 70_000;
        FarPairsCapture.write(capture, between);
        CliRun run = CliRun.of("packets", capture.toString(), "-T", "fields", "-e", "frame.number", "-e",
                "dns.response_to", "-e", "icmp.resp_to", "-Y", "dns.response_to || icmp.resp_to");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(FarPairsCapture.dnsResponse(between) + "\t1\t", FarPairsCapture.echoReply(between) + "\t\t2"),
                run.out().lines().toList());
    }
}
