package org.wirelab.core.pcap;

/**
 * One capture interface: a classic pcap file has one, a pcapng file one per Interface Description
 * Block. {@code ticksPerSecond} is the time resolution (1,000,000 for microseconds, 1,000,000,000 for
 * nanoseconds, a power of 2 when pcapng's if_tsresol says so); {@code offsetSeconds} is pcapng's
 * if_tsoffset, already added to every timestamp. A snap length of 0 means "no limit".
 */
public record CaptureInterface(int linkType, long snapLength, long ticksPerSecond, long offsetSeconds) {

    /** The resolution as capinfos words it: "microseconds (6)", "nanoseconds (9)", else ticks per second. */
    public String resolutionText() {
        if (ticksPerSecond == 1_000_000L) {
            return "microseconds (6)";
        }
        if (ticksPerSecond == 1_000_000_000L) {
            return "nanoseconds (9)";
        }
        return ticksPerSecond + " ticks per second";
    }
}
