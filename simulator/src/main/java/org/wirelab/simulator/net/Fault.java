package org.wirelab.simulator.net;

import java.time.Duration;

/**
 * A scripted fault: a loss the teacher chooses rather than one drawn at random. Each drops one packet
 * (the first that matches) except {@link CutAt}, which drops everything from its instant on, and
 * {@link HoldNthSegment} and {@link DuplicateNthSegment}, which delay or copy one. Faults act
 * after the capture point has seen the packet, so a dropped frame appears once in the capture and its
 * retransmission after it, as on the sender's own interface.
 */
public sealed interface Fault {

    /**
     * The {@code number}th packet the hosts send (1-based): frame {@code number} of a capture that sees
     * every packet, as the loopback capture does, so "drop this arrow" replays a run without it.
     */
    record DropFrame(int number) implements Fault {
        public DropFrame {
            if (number < 1) {
                throw new IllegalArgumentException("frames are numbered from 1: " + number);
            }
        }
    }

    /** The {@code n}th TCP segment (1-based) the client side (or the server side) sends. */
    record DropNthSegment(boolean fromClient, int n) implements Fault {
        public DropNthSegment {
            if (n < 1) {
                throw new IllegalArgumentException("segments are counted from 1: " + n);
            }
        }
    }

    /**
     * The {@code n}th TCP segment (1-based) the client side (or the server side) sends arrives
     * {@code extra} later than the link's delay, so that the segments sent after it overtake it: reordering.
     */
    record HoldNthSegment(boolean fromClient, int n, Duration extra) implements Fault {
        public HoldNthSegment {
            if (n < 1 || extra == null || extra.isNegative()) {
                throw new IllegalArgumentException("segments are counted from 1 and held zero or more: " + n + ", " + extra);
            }
        }
    }

    /**
     * The {@code n}th TCP segment (1-based) the client side (or the server side) sends arrives twice, the
     * copy {@code gap} after it: the network duplicated it, no one sent it again.
     */
    record DuplicateNthSegment(boolean fromClient, int n, Duration gap) implements Fault {
        public DuplicateNthSegment {
            if (n < 1 || gap == null || gap.isNegative()) {
                throw new IllegalArgumentException("segments are counted from 1, copies come zero or more later: " + n + ", " + gap);
            }
        }
    }

    /** The first SYN-ACK: the server's answer to the first SYN is lost. */
    record DropSynAck() implements Fault {
    }

    /**
     * The first segment carrying data whose relative sequence number (from the sender's ISN, as tshark
     * shows it) is {@code relativeSequence}, sent by the client side (or the server side).
     */
    record DropSequence(boolean fromClient, long relativeSequence) implements Fault {
        public DropSequence {
            if (relativeSequence < 1) {
                throw new IllegalArgumentException("data starts at relative sequence number 1: " + relativeSequence);
            }
        }
    }

    /** Every packet sent at or after {@code at} (virtual time since the run started) is lost: the cable is cut. */
    record CutAt(Duration at) implements Fault {
        public CutAt {
            if (at == null || at.isNegative()) {
                throw new IllegalArgumentException("a cut happens at zero or later: " + at);
            }
        }
    }
}
