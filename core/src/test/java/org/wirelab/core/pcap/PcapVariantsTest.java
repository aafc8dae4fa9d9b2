package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** pcap in the byte order the corpus lacks, files that are not captures, the writer's flush, describe. */
class PcapVariantsTest {
    @TempDir
    Path temp;

    /** The nanosecond corpus file with every header field byte-swapped: a big-endian nanosecond pcap. */
    @Test
    void bigEndianNanosecondPcapReadsAsTsharkReadsIt() throws IOException {
        Path capture = Corpus.capture("tcpdump__tcp-handshake-nano.pcap");
        Path swapped = temp.resolve("big-endian-nano.pcap");
        Files.write(swapped, swapByteOrder(Files.readAllBytes(capture)));
        CaptureFile file = CaptureFiles.read(swapped);
        assertEquals(ByteOrder.BIG_ENDIAN, file.info().byteOrder());
        assertEquals(1_000_000_000L, file.info().interfaces().get(0).ticksPerSecond());
        RoundTripTest.assertSameFrames(CaptureFiles.read(capture).frames(), file.frames());
        List<String[]> tshark = Tshark.fields(swapped, List.of("frame.time_epoch", "frame.len"));
        assertEquals(tshark.size() - 1, file.frames().size());
        for (int i = 0; i < file.frames().size(); i++) {
            assertEquals(tshark.get(i + 1)[0], Timestamps.epochText(file.frames().timestampNanos(i)));
        }
    }

    /** What a viewer shows while it reads the rest: the file's first frames, as tshark numbers them. */
    @Test
    void readFirstGivesTheFirstFramesAsTsharkReadsThem() throws IOException {
        for (String name : List.of("zeek__pcapng-multi-interface.pcapng", "zeek__retransmit-fast009.pcap")) {
            Path capture = Corpus.capture(name);
            List<String[]> tshark = Tshark.fields(capture, List.of("frame.time_epoch", "frame.cap_len"));
            CaptureFile first = CaptureFiles.readFirst(capture, 3);
            assertEquals(3, first.frames().size(), name);
            for (int i = 0; i < 3; i++) {
                assertEquals(tshark.get(i + 1)[0], Timestamps.epochText(first.frames().timestampNanos(i)), name);
                assertEquals(Integer.parseInt(tshark.get(i + 1)[1]), first.frames().capturedLength(i), name);
            }
            RoundTripTest.assertSameFrames(CaptureFiles.read(capture).frames(),
                    CaptureFiles.readFirst(capture, Integer.MAX_VALUE).frames());
        }
    }

    private static byte[] swapByteOrder(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.wrap(pcap.clone()).order(ByteOrder.BIG_ENDIAN);
        out.putInt(0, in.getInt(0)).putShort(4, in.getShort(4)).putShort(6, in.getShort(6));
        for (int at = 8; at < 24; at += 4) {
            out.putInt(at, in.getInt(at));
        }
        for (int at = 24; at + 16 <= pcap.length; at += 16 + in.getInt(at + 8)) {
            for (int field = 0; field < 16; field += 4) {
                out.putInt(at + field, in.getInt(at + field));
            }
        }
        return out.array();
    }

    @Test
    void aFileThatIsNotACaptureSaysWhatWasExpectedAndFound() throws IOException {
        Path html = temp.resolve("page.pcap");
        Files.writeString(html, "<!DOCTYPE html><html></html>", StandardCharsets.US_ASCII);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> CaptureFiles.read(html));
        assertEquals("not a capture file: expected a pcap magic number (a1b2c3d4 or a1b23c4d) or a pcapng"
                + " section header (0a0d0d0a), found 3c21444f", e.getMessage());

        Path empty = Files.createFile(temp.resolve("empty.pcap"));
        assertEquals("not a capture file: the file is empty",
                assertThrows(CaptureFormatException.class, () -> CaptureFiles.read(empty)).getMessage());
    }

    @Test
    void flushedFramesAreInTheFileBeforeClose() throws IOException {
        Path live = temp.resolve("live.pcap");
        try (PcapWriter writer = PcapWriter.create(live, 1)) {
            writer.append(new RawFrame(1, 1_700_000_000_123_456_789L, 1, new byte[60], 60));
            writer.append(new RawFrame(2, 1_700_000_001_000_000_001L, 1, new byte[54], 1514));
            writer.flush();
            // As a capture stopped by Ctrl-C leaves it: flushed, never closed.
            CaptureFile file = CaptureFiles.read(live);
            assertEquals(2, file.frames().size());
            assertEquals(List.of(), file.warnings());
            assertEquals(1514, file.frames().originalLength(1));
            assertEquals(1_700_000_001_000_000_001L, file.frames().timestampNanos(1));
        }
    }

    @Test
    void writerRefusesWhatClassicPcapCannotHold() throws IOException {
        try (PcapWriter writer = PcapWriter.create(temp.resolve("w.pcap"), 1)) {
            assertThrows(IllegalArgumentException.class,
                    () -> writer.append(new RawFrame(1, 0, 113, new byte[20], 20)));
            assertThrows(IllegalArgumentException.class,
                    () -> writer.append(new RawFrame(1, -1, 1, new byte[20], 20)));
        }
    }

    @Test
    void describeNamesFormatLinkTypesFramesAndWarnings() throws IOException {
        CaptureFile multi = CaptureFiles.read(Corpus.capture("zeek__pcapng-multi-interface.pcapng"));
        String text = CaptureFiles.describe(multi);
        int truthFrames = Corpus.readTsv(Corpus.truth(Corpus.capture("zeek__pcapng-multi-interface.pcapng"), "tsv"))
                .size() - 1;
        assertTrue(text.startsWith("pcapng file (little-endian), 2 interfaces: Ethernet (nanoseconds (9)"), text);
        assertTrue(text.endsWith("; " + truthFrames + " frames."), text);

        CaptureFile damaged = CaptureFiles.read(Corpus.capture("dpkt__truncated_dns_2.pcap"));
        String damagedText = CaptureFiles.describe(damaged);
        assertTrue(damagedText.contains("1 frame. Warnings: file ends in the middle of frame 2"), damagedText);
    }

    /** libpcap writes 2.4 and reads later versions; so does tshark (checked on the same bytes). */
    @Test
    void aLaterMajorVersionIsReadAsTsharkReadsIt() throws IOException {
        Path capture = Environment.samples().resolve("tcp-hello.pcap");
        byte[] bytes = Files.readAllBytes(capture);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(4, (short) 3).putShort(6, (short) 0);
        Path later = temp.resolve("version-3.0.pcap");
        Files.write(later, bytes);
        CaptureFile file = CaptureFiles.read(later);
        assertTrue(file.complete());
        assertEquals(Tshark.fields(later, List.of("frame.number")).size() - 1, file.frames().size());
        RoundTripTest.assertSameFrames(CaptureFiles.read(capture).frames(), file.frames());
    }

    /** A file cut inside its last frame is read up to the damage and says it was not read whole. */
    @Test
    void aFileCutShortIsNotComplete() throws IOException {
        byte[] bytes = Files.readAllBytes(Environment.samples().resolve("tcp-hello.pcap"));
        Path cut = temp.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        CaptureFile file = CaptureFiles.read(cut);
        assertEquals(9, file.frames().size());
        assertFalse(file.complete());
        assertEquals(1, file.warnings().size(), file.warnings().toString());
        assertTrue(CaptureFiles.read(Environment.samples().resolve("tcp-hello.pcap")).complete());
        assertFalse(CaptureFiles.readFirst(Environment.samples().resolve("tcp-hello.pcap"), 3).complete());
    }
}
