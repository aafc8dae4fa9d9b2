package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.testing.Tshark;

/**
 * The pcapng features the corpus lacks (power-of-2 and millisecond resolutions, if_tsoffset, simple
 * and obsolete packet blocks, big-endian and mixed-order sections, skipped blocks), each in a built
 * file that tshark reads too: our frames must be tshark's.
 */
class PcapNgFeaturesTest {
    private static final List<String> FIELDS = List.of("frame.number", "frame.time_epoch", "frame.len",
            "frame.cap_len", "frame.interface_id");

    @TempDir
    Path temp;

    private static byte[] frame(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    @Test
    void resolutionsOffsetsAndPacketBlocksAsTsharkReadsThem() throws IOException {
        byte[] file = new PcapNgBuilder()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, -1, 0)                         // default microseconds
                .interfaceDescription(1, 65535, 0x80 | 20, 0)              // 2^-20 s
                .interfaceDescription(1, 262144, 3, 1_600_000_000L)        // ms, offset in seconds
                .interfaceDescription(1, 262144, 0x80 | 30, -5)            // 2^-30 s, negative offset
                .otherBlock(4, 16)                                         // name resolution: skipped
                .enhancedPacket(0, 1_700_000_000_123_456L, frame(60, 1), 60)
                .enhancedPacket(1, (1_700_000_001L << 20) + 777_777, frame(42, 2), 100)
                .enhancedPacket(2, 123_456_789L, frame(54, 3), 54)
                .enhancedPacket(3, (1_700_000_002L << 30) + 999_999_999, frame(61, 4), 61)
                .simplePacket(frame(64, 5), 64)
                .obsoletePacket(1, (1_700_000_003L << 20) + 1, frame(70, 6), 70)
                .otherBlock(5, 20)                                         // statistics: skipped
                .bytes();
        compareWithTshark(file);
    }

    @Test
    void sectionsInBothByteOrdersEachWithTheirOwnInterfaces() throws IOException {
        byte[] file = new PcapNgBuilder()
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(1, 262144, 9, 0)
                .enhancedPacket(0, 1_700_000_000_000_000_001L, frame(60, 1), 60)
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(113, 262144, 6, 0)
                .interfaceDescription(1, 262144, 9, 0)
                .enhancedPacket(1, 1_700_000_000_000_000_002L, frame(61, 2), 61)
                .enhancedPacket(0, 1_700_000_000_000_003L, frame(62, 3), 62)
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(0, 262144, -1, 0)
                .enhancedPacket(0, 1_700_000_000_000_004L, frame(63, 4), 63)
                .bytes();
        CaptureFile capture = compareWithTshark(file);
        assertEquals(ByteOrder.BIG_ENDIAN, capture.info().byteOrder());
        assertEquals(List.of(1, 113, 0), capture.info().linkTypes());
        FrameStore frames = capture.frames();
        assertEquals(List.of(1, 1, 113, 0), List.of(frames.linkType(0), frames.linkType(1), frames.linkType(2),
                frames.linkType(3)));
    }

    @Test
    void simplePacketIsCutToTheFirstInterfacesSnapLength() throws IOException {
        byte[] file = new PcapNgBuilder()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 50, -1, 0)
                .simplePacket(frame(50, 1), 80)   // the block holds only the snap length's bytes
                .bytes();
        CaptureFile capture = compareWithTshark(file);
        assertEquals(50, capture.frames().capturedLength(0));
        assertEquals(80, capture.frames().originalLength(0));
    }

    private CaptureFile compareWithTshark(byte[] bytes) throws IOException {
        Path file = temp.resolve("built.pcapng");
        Files.write(file, bytes);
        CaptureFile capture = CaptureFiles.read(file);
        assertEquals(List.of(), capture.warnings());
        List<String[]> tshark = Tshark.fields(file, FIELDS);
        FrameStore frames = capture.frames();
        assertEquals(tshark.size() - 1, frames.size(), "frame count");
        for (int i = 0; i < frames.size(); i++) {
            String[] row = tshark.get(i + 1);
            String where = "frame " + (i + 1);
            if (row[1].isEmpty()) {
                // A simple packet block has no time stamp: tshark prints none, the store holds 0.
                assertEquals(0, frames.timestampNanos(i), where + " has no time stamp");
            } else {
                assertEquals(row[1], Timestamps.epochText(frames.timestampNanos(i)), where + " frame.time_epoch");
            }
            assertEquals(row[2], Integer.toString(frames.originalLength(i)), where + " frame.len");
            assertEquals(row[3], Integer.toString(frames.capturedLength(i)), where + " frame.cap_len");
        }
        try (CaptureReader reader = CaptureReader.open(file)) {
            for (int i = 0; reader.next(); i++) {
                // tshark numbers interfaces within their section; interfaceIndex() counts across sections.
                assertEquals(tshark.get(i + 1)[4], Integer.toString(reader.interfaceId()),
                        "frame " + (i + 1) + " frame.interface_id");
                CaptureInterface described = reader.info().interfaces().get(reader.interfaceIndex());
                assertEquals(described.linkType(), reader.linkType(), "frame " + (i + 1) + " link type");
                assertEquals(i + 1, reader.frameNumber());
            }
        }
        return capture;
    }
}
