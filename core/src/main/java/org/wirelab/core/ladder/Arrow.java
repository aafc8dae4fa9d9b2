package org.wirelab.core.ladder;

import java.util.List;
import org.wirelab.core.text.CaptureText;

/**
 * One frame drawn as an arrow from the sender's lane to the receiver's. {@code relativeTimeNanos} counts
 * from the capture's first frame; {@code label} is Wireshark-like info text ("SYN Seq=0 Win=65495 Len=0
 * MSS=65495 SACK_PERM WS=128", "UDP Len=17", "Echo (ping) request"). Lanes are -1 when the frame has no
 * address to draw it between (a frame that could not be decoded). {@code tcp} has the segment's fields
 * for drawings that lay them out themselves; it is null when the frame is no TCP segment with a
 * complete fixed header.
 */
public record Arrow(int frameNumber, int fromLane, int toLane, long relativeTimeNanos, String label,
        List<LaneNote> notes, TcpSegment tcp) {

    public Arrow {
        label = CaptureText.escape(label);   // whatever drew it, capture text reaches no drawing unescaped
        notes = List.copyOf(notes);
    }

    /** An arrow without TCP fields (UDP, ICMP, ARP, or a model written by hand). */
    public Arrow(int frameNumber, int fromLane, int toLane, long relativeTimeNanos, String label,
            List<LaneNote> notes) {
        this(frameNumber, fromLane, toLane, relativeTimeNanos, label, notes, null);
    }

    /** Whether the network lost this frame after it was seen leaving (a simulated drop): it never arrived. */
    public boolean isLost() {
        return notes.stream().anyMatch(note -> note.kind() == LaneNote.Kind.EXPERT && CaptureLadder.LOST.equals(note.text()));
    }

    public boolean isDrawable() {
        return fromLane >= 0 && toLane >= 0;
    }
}
