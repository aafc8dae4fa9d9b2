package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.testing.Corpus;

/** Every corpus capture read as tshark read it: the same frames, times, lengths and interfaces. */
class CorpusReadTest {
    /** Frames 2 and 3 of this file carry 1000000000 and 2147483648 ns; tshark prints garbage for them. */
    private static final String INVALID_NANOS = "tcpdump__timestamp_invalid_nano.pcap";

    @TestFactory
    Stream<DynamicTest> everyCaptureMatchesTshark() {
        return Corpus.captures().stream().map(capture ->
                DynamicTest.dynamicTest(capture.getFileName().toString(), () -> check(capture)));
    }

    private static void check(Path capture) throws IOException {
        CaptureTruth truth = CaptureTruth.of(capture);
        CaptureFile file;
        try {
            file = CaptureFiles.read(capture);
        } catch (CaptureFormatException e) {
            // Only a file tshark could not read a single frame of may be refused outright.
            assertTrue(truth.fieldsExitCode() != 0 && truth.frames().isEmpty(),
                    "refused a file tshark reads: " + e.getMessage());
            return;
        }
        FrameStore frames = file.frames();
        assertEquals(truth.frames().size(), frames.size(), "frame count");
        assertEquals(truth.fieldsExitCode() != 0, !file.warnings().isEmpty(),
                "a warning exactly when tshark failed (rc " + truth.fieldsExitCode() + "): " + file.warnings());
        assertEquals(truth.fieldsExitCode() == 0, file.complete(),
                "read whole exactly when tshark read the whole file (rc " + truth.fieldsExitCode() + ")");
        boolean invalidNanos = capture.getFileName().toString().equals(INVALID_NANOS);
        for (int i = 0; i < frames.size(); i++) {
            String[] row = truth.frames().get(i);
            int number = i + 1;
            assertEquals(row[0], Integer.toString(number), "frame.number");
            if (!(invalidNanos && number >= 2)) {
                assertEquals(row[1], Timestamps.epochText(frames.timestampNanos(i)), "frame.time_epoch of frame " + number);
            }
            assertEquals(row[2], Integer.toString(frames.originalLength(i)), "frame.len of frame " + number);
            assertEquals(row[3], Integer.toString(frames.capturedLength(i)), "frame.cap_len of frame " + number);
        }
        List<CaptureInterface> expected = truth.interfaces();
        List<CaptureInterface> actual = file.info().interfaces();
        if (expected.isEmpty() && truth.fieldsExitCode() != 0) {
            return; // capinfos gave up on this damaged file (test901) and printed no interfaces
        }
        assertEquals(expected.size(), actual.size(), "interface count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).linkType(), actual.get(i).linkType(), "link type of interface " + i);
            assertEquals(expected.get(i).ticksPerSecond(), actual.get(i).ticksPerSecond(), "resolution of interface " + i);
            // capinfos prints no "Capture length" line for a snap length of 0 (unset).
            assertEquals(expected.get(i).snapLength(), actual.get(i).snapLength(), "snap length of interface " + i);
        }
        for (int i = 0; i < frames.size(); i++) {
            int linkType = frames.linkType(i);
            if (actual.stream().noneMatch(iface -> iface.linkType() == linkType)) {
                fail("frame " + (i + 1) + " has link type " + linkType + " of no interface");
            }
        }
    }

    @Test
    void truncatedFileKeepsTheFrameBeforeTheDamage() throws IOException {
        CaptureFile file = CaptureFiles.read(Corpus.capture("dpkt__truncated_dns_2.pcap"));
        assertEquals(1, file.frames().size());
        // 24-byte file header + 16 + 200 bytes of frame 1; the README counts 7 stray bytes after it.
        assertEquals(List.of("file ends in the middle of frame 2 at byte 240: 7 of 16 header bytes"), file.warnings());
    }

    @Test
    void secondSectionWithVersionTwoEndsTheFramesAfterFrameOne() throws IOException {
        CaptureFile file = CaptureFiles.read(Corpus.capture("gopacket__test901.pcapng"));
        assertEquals(1, file.frames().size());
        assertEquals(1, file.warnings().size(), file.warnings().toString());
        assertTrue(file.warnings().get(0).contains("unknown SHB version 2.0"), file.warnings().get(0));
    }

    @Test
    void malformedHeadersAreRefusedWithTsharksReason() {
        assertRefused("libpcap__pcap-invalid-version-1.pcap", "pcap: major version 1 unsupported");
        assertRefused("libpcap__shb-option-too-long.pcapng", "Not enough data to handle option of length 12336");
        assertRefused("libpcap__linktype-reserved-field-not-zero.pcap", "00300000");
        assertRefused("libpcap__linktype-reserved-field-not-zero.pcap", "network type reserved field not zero");
    }

    private static void assertRefused(String name, String reason) {
        Path capture = Corpus.capture(name); // outside assertThrows: a missing corpus skips, it is not a refusal
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureFiles.read(capture));
        assertTrue(e.getMessage().contains(reason), name + ": " + e.getMessage());
    }

    @Test
    void multiInterfaceFileScalesEachInterfacesTicks() throws IOException {
        CaptureFile file = CaptureFiles.read(Corpus.capture("zeek__pcapng-multi-interface.pcapng"));
        assertEquals("1767663089.500330493", Timestamps.epochText(file.frames().timestampNanos(0)));
        assertEquals(1_000_000_000L, file.info().interfaces().get(0).ticksPerSecond());
        assertEquals(1_000_000L, file.info().interfaces().get(1).ticksPerSecond());
    }

    @Test
    void emptyPcapngHasNoFramesAndNoWarning() throws IOException {
        CaptureFile file = CaptureFiles.read(Corpus.capture("tcpdump__empty.pcapng"));
        assertEquals(0, file.frames().size());
        assertEquals("pcapng", file.format());
        assertFalse(file.info().interfaces().isEmpty());
        assertEquals(List.of(), file.warnings());
    }
}
