package org.wirelab.simulator.net;

import java.util.List;

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

    /** True when a fault drops {@code packet}, the {@code frameNumber}th packet sent, at {@code now}. */
    boolean drops(Packet packet, int frameNumber, long now) {
        int segmentNumber = 0;
        if (packet.protocol == Packet.TCP) {
            segmentNumber = packet.fromClient ? ++clientSegments : ++serverSegments;
        }
        boolean drop = false;
        for (int i = 0; i < faults.length; i++) {
            if (spent[i]) {
                continue;
            }
            boolean match = matches(faults[i], packet, frameNumber, segmentNumber, now);
            if (match && !(faults[i] instanceof Fault.CutAt)) {
                spent[i] = true;
            }
            drop |= match;
        }
        return drop;
    }

    private static boolean matches(Fault fault, Packet packet, int frameNumber, int segmentNumber, long now) {
        boolean tcp = packet.protocol == Packet.TCP;
        if (fault instanceof Fault.DropFrame drop) {
            return drop.number() == frameNumber;
        } else if (fault instanceof Fault.DropNthSegment drop) {
            return tcp && drop.fromClient() == packet.fromClient && drop.n() == segmentNumber;
        } else if (fault instanceof Fault.DropSynAck) {
            return tcp && packet.has(Packet.Tcp.SYN | Packet.Tcp.ACK);
        } else if (fault instanceof Fault.DropSequence drop) {
            return tcp && packet.payload.length > 0 && drop.fromClient() == packet.fromClient
                    && drop.relativeSequence() == packet.relativeSequence;
        } else if (fault instanceof Fault.CutAt cut) {
            return now >= cut.at().toNanos();
        }
        throw new IllegalStateException("unknown fault " + fault);
    }
}
