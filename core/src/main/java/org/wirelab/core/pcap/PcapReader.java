package org.wirelab.core.pcap;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Classic pcap (tcpdump.org's file format, draft-ietf-opsawg-pcap): a 24-byte file header, then
 * records of a 16-byte header and the captured bytes. Micro- or nanosecond timestamps, either byte
 * order, told by the magic number.
 */
public final class PcapReader extends CaptureReader {
    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    static final int MAGIC_MODIFIED = 0xa1b2cd34;
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;
    /**
     * Wireshark refuses a record larger than this (WTAP_MAX_PACKET_SIZE_STANDARD) unless the file's
     * snap length is larger; the check stops a damaged length from being taken as a frame.
     */
    static final int MAX_STANDARD_FRAME = 262_144;
    /** The reserved bits of the link-type field; tshark rejects a file with any of them set. */
    private static final int LINK_TYPE_RESERVED = 0x03ff0000;

    private final CaptureInfo info;
    private final boolean nanoseconds;
    private final int maxFrame;
    private final int linkType;

    PcapReader(ChannelInput input, ByteOrder order, boolean nanoseconds) throws IOException {
        super(input);
        this.nanoseconds = nanoseconds;
        input.order(order);
        if (!input.request(FILE_HEADER)) {
            throw new CaptureFormatException(ReadProblem.of("pcap.shortHeader", FILE_HEADER, input.available()));
        }
        int major = input.u16(4);
        int minor = input.u16(6);
        // libpcap writes 2.4 and reads any later version, as Wireshark does; both refuse 1.x
        // (the corpus's libpcap__pcap-invalid-version-1.pcap records tshark's words).
        if (major < 2) {
            throw new CaptureFormatException(ReadProblem.of("pcap.version", String.valueOf(major), String.valueOf(minor)));
        }
        long snapLength = input.u32(16);
        int linkField = input.i32(20);
        if ((linkField & LINK_TYPE_RESERVED) != 0) {
            throw new CaptureFormatException(ReadProblem.of("pcap.reservedLink", String.format("%08x", linkField)));
        }
        // The upper bits may carry an FCS length (draft-ietf-opsawg-pcap section 4); the type is the low 16.
        linkType = linkField & 0xffff;
        long ticks = nanoseconds ? 1_000_000_000L : 1_000_000L;
        info = new CaptureInfo("pcap", order, List.of(new CaptureInterface(linkType, snapLength, ticks, 0)));
        maxFrame = (int) Math.max(MAX_STANDARD_FRAME, Math.min(snapLength, Integer.MAX_VALUE - 64));
        input.skip(FILE_HEADER);
    }

    @Override
    public CaptureInfo info() {
        return info;
    }

    /** Whether timestamps are nanoseconds (magic a1b23c4d) rather than microseconds. */
    public boolean nanosecondResolution() {
        return nanoseconds;
    }

    @Override
    boolean advance() throws IOException {
        long start = input.filePosition();
        if (!input.request(RECORD_HEADER)) {
            return input.available() > 0 && endsInFrame(start, "header", RECORD_HEADER);
        }
        long seconds = input.u32(0);
        long fraction = input.u32(4);
        long captured = input.u32(8);
        long original = input.u32(12);
        if (captured > maxFrame) {
            warn(ReadProblem.of("pcap.tooLong", start, frameNumber + 1, captured, maxFrame));
            return false;
        }
        int recordLength = RECORD_HEADER + (int) captured;
        if (!input.request(recordLength)) {
            input.skip(RECORD_HEADER);
            return endsInFrame(start, "data", (int) captured);
        }
        long nanos = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1000L);
        setFrame(nanos, linkType, 0, 0, (int) captured, original,
                input.position() + RECORD_HEADER);
        input.skip(recordLength);
        return true;
    }
}
