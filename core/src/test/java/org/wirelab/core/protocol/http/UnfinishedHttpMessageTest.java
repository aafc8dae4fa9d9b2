package org.wirelab.core.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/**
 * A message the capture ends in the middle of: its first segments show TCP alone, as tshark's one pass
 * shows them (it asked for more bytes that never came), not the first segment decoded as HTTP on its own.
 * This is what lets a file read a part at a time decide each frame's role from the frames before it.
 */
class UnfinishedHttpMessageTest {
    private static final List<String> FIELDS = List.of("frame.number", "frame.protocols", "http.response.code");

    @Test
    void aResponseCutByTheEndOfTheCaptureShowsTcpAloneAsTsharkShowsIt(@TempDir Path directory) throws IOException {
        Tshark.require();
        // http-get.pcap's response comes in frames 6 and 8: keep frames 1 to 7, so that it never completes.
        FrameStore whole = CaptureFiles.read(Environment.samples().resolve("http-get.pcap")).frames();
        FrameStore cut = new FrameStore();
        for (int i = 0; i < 7; i++) {
            cut.append(whole.frame(i));
        }
        Path capture = directory.resolve("cut.pcap");
        PcapWriter.writeAtomically(cut, capture);

        List<String[]> tshark = Tshark.fields(capture, FIELDS);
        CaptureFields fields = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(capture).frames()));
        assertEquals(fields.size() + 1, tshark.size(), "frames (and tshark's header line)");
        for (int i = 0; i < fields.size(); i++) {
            for (int f = 0; f < FIELDS.size(); f++) {
                assertEquals(tshark.get(i + 1)[f], String.join(",", fields.texts(FIELDS.get(f), i)),
                        "frame " + (i + 1) + ", " + FIELDS.get(f));
            }
        }
    }
}
