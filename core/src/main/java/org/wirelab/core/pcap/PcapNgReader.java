package org.wirelab.core.pcap;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pcapng (draft-ietf-opsawg-pcapng): sections, each a Section Header Block with its own byte order
 * and its own Interface Description Blocks. Frames come from Enhanced Packet Blocks, Simple Packet
 * Blocks and the obsolete Packet Block; other blocks (name resolution, statistics, ...) are skipped.
 * Timestamps use each interface's if_tsresol (a power of 10 or of 2) and if_tsoffset.
 */
public final class PcapNgReader extends CaptureReader {
    static final int SECTION_HEADER = 0x0a0d0d0a;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int OPT_ENDOFOPT = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;
    private static final long MICROSECONDS = 1_000_000L;

    private final ByteOrder firstOrder;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private int sectionStart;                    // index in interfaces of the current section's first IDB
    // Per interface, for the per-frame path without looking into the records.
    private long[] ticksPerSecond = new long[8];
    private long[] offsetNanos = new long[8];
    private int[] linkTypes = new int[8];
    private long[] snapLengths = new long[8];
    private boolean failed;                      // a block was damaged: the frames end here

    PcapNgReader(ChannelInput input) throws IOException {
        super(input);
        ReadProblem problem = readSectionHeader(0);
        if (problem != null) {
            throw new CaptureFormatException(ReadProblem.of("pcapng.damaged", problem));
        }
        firstOrder = input.order();
    }

    @Override
    public CaptureInfo info() {
        return new CaptureInfo("pcapng", firstOrder, interfaces);
    }

    @Override
    boolean advance() throws IOException {
        while (true) {
            long start = input.filePosition();
            if (!input.request(8)) {
                return input.available() > 0 && endsInBlock(start, -1, 8);
            }
            int type = input.i32(0);
            if (type == SECTION_HEADER) {
                ReadProblem problem = readSectionHeader(start);
                if (problem != null) {
                    return stop(problem);
                }
                continue;
            }
            long total = input.u32(4);
            if (total < 12 || total % 4 != 0) {
                return stop(ReadProblem.of("pcapng.blockLength", start, total));
            }
            if (total > input.roomFrom(start) && input.isStream()) {
                return stop(ReadProblem.of("pcapng.blockTooLong", start, total, ChannelInput.MAX_STREAM_RECORD));
            }
            if (total > input.roomFrom(start) || !input.request((int) total)) {
                return endsInBlock(start, type, total);
            }
            if (input.u32((int) total - 4) != total) {
                return stop(ReadProblem.of("pcapng.trailer", start, input.u32((int) total - 4), total));
            }
            boolean frame = switch (type) {
                case INTERFACE_DESCRIPTION -> readInterface(start, (int) total);
                case ENHANCED_PACKET -> readPacket(start, (int) total, input.i32(8), 12, 28);
                case OBSOLETE_PACKET -> readPacket(start, (int) total, input.u16(8), 12, 28);
                case SIMPLE_PACKET -> readSimplePacket(start, (int) total);
                default -> false;
            };
            if (failed) {
                return false;
            }
            input.skip(total);
            if (frame) {
                return true;
            }
        }
    }

    private boolean stop(ReadProblem warning) {
        warn(ReadProblem.of("pcapng.stops", warning, frameNumber));
        failed = true;
        return false;
    }

    private boolean endsInBlock(long start, int type, long total) {
        boolean packet = type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
        if (packet) {
            warn(ReadProblem.of("pcapng.endsIn.frame", frameNumber + 1, start, input.available(), total));
        } else if (type == -1 || type == INTERFACE_DESCRIPTION) {
            warn(ReadProblem.of(type == -1 ? "pcapng.endsIn.block" : "pcapng.endsIn.interface", "", start,
                    input.available(), total));
        } else {
            warn(ReadProblem.of("pcapng.endsIn.type", String.format("%08x", type), start, input.available(), total));
        }
        return false;
    }

    /** Reads the section header at {@code start}; returns what is wrong with it, or null. */
    private ReadProblem readSectionHeader(long start) throws IOException {
        if (!input.request(12)) {
            return ReadProblem.of("shb.cutShort", start, input.available());
        }
        int magic = input.i32(8);
        if (magic == BYTE_ORDER_MAGIC) {
            // already in this order
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            input.order(input.order() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        } else {
            return ReadProblem.of("shb.magic", start, String.format("%08x", magic));
        }
        long total = input.u32(4);
        if (total < 28 || total % 4 != 0) {
            return ReadProblem.of("shb.length", start, total);
        }
        if (total > input.roomFrom(start) || !input.request((int) total)) {
            return ReadProblem.of("shb.cutShortOf", start, input.available(), total);
        }
        int major = input.u16(12);
        int minor = input.u16(14);
        // Wireshark reads 1.0 and 1.2 (written by some old tools) and rejects the rest, as does libpcap.
        if (major != 1 || (minor != 0 && minor != 2)) {
            return ReadProblem.of("shb.version", start, String.valueOf(major), String.valueOf(minor));
        }
        ReadProblem optionProblem = checkOptions(24, (int) total);
        if (optionProblem != null) {
            return ReadProblem.of("shb.option", start, optionProblem);
        }
        sectionStart = interfaces.size();
        input.skip(total);
        return null;
    }

    /**
     * Walks the options from {@code from} to the block's trailer; returns what overruns the block, or
     * null. Wireshark refuses such a block ("Not enough data to handle option of length N").
     */
    private ReadProblem checkOptions(int from, int total) {
        int at = from;
        int end = total - 4;
        while (at + 4 <= end) {
            int code = input.u16(at);
            int length = input.u16(at + 2);
            if (code == OPT_ENDOFOPT) {
                return null;
            }
            int padded = (length + 3) & ~3;
            if (at + 4 + padded > end) {
                return ReadProblem.of("option.overrun", String.valueOf(code), length, at + 4 + padded - end);
            }
            at += 4 + padded;
        }
        return null;
    }

    private boolean readInterface(long start, int total) {
        if (total < 20) {
            return stop(ReadProblem.of("idb.short", start, total));
        }
        int linkType = input.u16(8);
        long snapLength = input.u32(12);
        ReadProblem optionProblem = checkOptions(16, total);
        if (optionProblem != null) {
            return stop(ReadProblem.of("idb.option", start, optionProblem));
        }
        long ticks = MICROSECONDS;
        long offsetSeconds = 0;
        for (int at = 16; at + 4 <= total - 4; ) {
            int code = input.u16(at);
            int length = input.u16(at + 2);
            if (code == OPT_ENDOFOPT) {
                break;
            }
            if (code == IF_TSRESOL && length == 1) {
                ticks = ticksPerSecond(input.u8(at + 4), start);
            } else if (code == IF_TSOFFSET && length == 8) {
                offsetSeconds = input.i64(at + 4);
            }
            at += 4 + ((length + 3) & ~3);
        }
        addInterface(new CaptureInterface(linkType, snapLength, ticks, offsetSeconds));
        return false;
    }

    /** if_tsresol: the high bit chooses a power of 2, else of 10; the rest is the negative exponent. */
    private long ticksPerSecond(int tsresol, long start) {
        int exponent = tsresol & 0x7f;
        boolean powerOfTwo = (tsresol & 0x80) != 0;
        if (powerOfTwo ? exponent > 62 : exponent > 18) {
            warn(ReadProblem.of("idb.tsresol", start, String.format("%02x", tsresol)));
            return MICROSECONDS;
        }
        if (powerOfTwo) {
            return 1L << exponent;
        }
        long ticks = 1;
        for (int i = 0; i < exponent; i++) {
            ticks *= 10;
        }
        return ticks;
    }

    private void addInterface(CaptureInterface description) {
        int index = interfaces.size();
        if (index == linkTypes.length) {
            int grown = index * 2;
            ticksPerSecond = Arrays.copyOf(ticksPerSecond, grown);
            offsetNanos = Arrays.copyOf(offsetNanos, grown);
            linkTypes = Arrays.copyOf(linkTypes, grown);
            snapLengths = Arrays.copyOf(snapLengths, grown);
        }
        interfaces.add(description);
        ticksPerSecond[index] = description.ticksPerSecond();
        offsetNanos[index] = description.offsetSeconds() * 1_000_000_000L;
        linkTypes[index] = description.linkType();
        snapLengths[index] = description.snapLength();
    }

    /**
     * An Enhanced Packet Block or the obsolete Packet Block: the same layout from the timestamp on,
     * only the interface id field differs (32 bits, or 16 bits followed by a drops count).
     */
    private boolean readPacket(long start, int total, int interfaceId, int timestampAt, int dataAt) {
        int frame = frameNumber + 1;
        if (total < dataAt + 4) {
            return stop(ReadProblem.of("packet.short", start, frame, total, dataAt + 4));
        }
        int sectionInterfaces = interfaces.size() - sectionStart;
        if (interfaceId < 0 || interfaceId >= sectionInterfaces) {
            return stop(ReadProblem.of("packet.interface", start, frame, Integer.toUnsignedLong(interfaceId),
                    sectionInterfaces));
        }
        long captured = input.u32(timestampAt + 8);
        long original = input.u32(timestampAt + 12);
        if (captured > total - dataAt - 4) {
            return stop(ReadProblem.of("packet.captured", start, frame, captured, total - dataAt - 4));
        }
        int index = sectionStart + interfaceId;
        long ticks = (input.u32(timestampAt) << 32) | input.u32(timestampAt + 4);
        setFrame(toNanos(ticks, ticksPerSecond[index]) + offsetNanos[index], linkTypes[index], index,
                interfaceId, (int) captured, original, input.position() + dataAt);
        return true;
    }

    /** A Simple Packet Block: no timestamp, no interface id (it is interface 0), cut to its snap length. */
    private boolean readSimplePacket(long start, int total) {
        if (interfaces.size() == sectionStart) {
            return stop(ReadProblem.of("simple.noInterface", start, frameNumber + 1));
        }
        if (total < 16) {
            return stop(ReadProblem.of("simple.short", start, total));
        }
        long original = input.u32(8);
        long captured = Math.min(original, total - 16);
        long snapLength = snapLengths[sectionStart];
        if (snapLength != 0) {
            captured = Math.min(captured, snapLength);
        }
        setFrame(0, linkTypes[sectionStart], sectionStart, 0, (int) captured, original, input.position() + 12);
        return true;
    }

    /** Ticks (an unsigned 64-bit count) at {@code perSecond} to nanoseconds, truncating as Wireshark does. */
    static long toNanos(long ticks, long perSecond) {
        if (perSecond == 1_000_000_000L) {
            return ticks;
        }
        if (perSecond <= 1_000_000_000L && 1_000_000_000L % perSecond == 0) {
            return ticks * (1_000_000_000L / perSecond);
        }
        long seconds = Long.divideUnsigned(ticks, perSecond);
        long remainder = Long.remainderUnsigned(ticks, perSecond);
        long fraction = remainder <= Long.MAX_VALUE / 1_000_000_000L
                ? remainder * 1_000_000_000L / perSecond
                : BigInteger.valueOf(remainder).multiply(BigInteger.valueOf(1_000_000_000L))
                        .divide(BigInteger.valueOf(perSecond)).longValue();
        return seconds * 1_000_000_000L + fraction;
    }
}
