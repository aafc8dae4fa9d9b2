package org.wirelab.simulator.net;

import java.util.List;
import org.wirelab.core.protocol.tcp.Tcp;

/** The scripted faults of one run and what they have matched so far. */
final class FaultPlan {
    private final Fault[] faults;
    private final boolean[] spent;
    private int clientSegments;
    private int serverSegments;

    FaultPlan(List<Fault> faults) {
        this.faults = faults.toArray(new Fault[0]);
        this.spent = new boolean[this.faults.length];
    }

    /** What the faults do to a packet: drop it, or hold it and copy it (nanoseconds; -1: no copy). */
    record Effect(boolean drop, long holdNanos, long copyAfterNanos) {
        static final Effect NONE = new Effect(false, 0, -1);
    }

    /** What the faults do to {@code packet}, the {@code frameNumber}th packet sent, at {@code now}. */
    Effect effect(Packet packet, int frameNumber, long now) {
        int segmentNumber = 0;
        if (packet.protocol == Packet.TCP) {
            segmentNumber = packet.fromClient ? ++clientSegments : ++serverSegments;
        }
        boolean drop = false;
        long hold = 0;
        long copyAfter = -1;
        for (int i = 0; i < faults.length; i++) {
            if (spent[i]) {
                continue;
            }
            boolean match = matches(faults[i], packet, frameNumber, segmentNumber, now);
            if (match && !(faults[i] instanceof Fault.CutAt)) {
                spent[i] = true;
            }
            if (!match) {
                continue;
            }
            if (faults[i] instanceof Fault.HoldNthSegment held) {
                hold += held.extra().toNanos();
            } else if (faults[i] instanceof Fault.DuplicateNthSegment copied) {
                copyAfter = copied.gap().toNanos();
            } else {
                drop = true;
            }
        }
        return drop ? new Effect(true, 0, -1) : hold == 0 && copyAfter < 0 ? Effect.NONE : new Effect(false, hold, copyAfter);
    }

    private static boolean matches(Fault fault, Packet packet, int frameNumber, int segmentNumber, long now) {
        boolean tcp = packet.protocol == Packet.TCP;
        if (fault instanceof Fault.DropFrame drop) {
            return drop.number() == frameNumber;
        } else if (fault instanceof Fault.DropNthSegment drop) {
            return tcp && drop.fromClient() == packet.fromClient && drop.n() == segmentNumber;
        } else if (fault instanceof Fault.HoldNthSegment held) {
            return tcp && held.fromClient() == packet.fromClient && held.n() == segmentNumber;
        } else if (fault instanceof Fault.DuplicateNthSegment copied) {
            return tcp && copied.fromClient() == packet.fromClient && copied.n() == segmentNumber;
        } else if (fault instanceof Fault.DropSynAck) {
            return tcp && packet.has(Tcp.SYN | Tcp.ACK);
        } else if (fault instanceof Fault.DropSequence drop) {
            return tcp && packet.payload.length > 0 && drop.fromClient() == packet.fromClient
                    && drop.relativeSequence() == packet.relativeSequence;
        } else if (fault instanceof Fault.CutAt cut) {
            return now >= cut.at().toNanos();
        }
        throw new IllegalStateException("unknown fault " + fault);
    }
}
