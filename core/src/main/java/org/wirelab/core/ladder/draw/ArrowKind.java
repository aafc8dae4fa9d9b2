package org.wirelab.core.ladder.draw;

import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.ladder.Arrow;
import org.wirelab.core.ladder.TcpSegment;

/**
 * How an arrow is coloured: what a student should notice first. A reset wins over a retransmission,
 * which wins over a duplicate ACK; any other expert event (out-of-order, lost segment, zero window...)
 * is a plain warning. Colours are dark enough to read on a projector against white.
 */
public enum ArrowKind {
    NORMAL(Rgb.of(0x1f4e8c)),
    RETRANSMISSION(Rgb.of(0xd35400)),
    DUPLICATE_ACK(Rgb.of(0x8e24aa)),
    RESET(Rgb.of(0xc62828)),
    WARNING(Rgb.of(0x8d6e00));

    private final Rgb colour;

    ArrowKind(Rgb colour) {
        this.colour = colour;
    }

    public Rgb colour() {
        return colour;
    }

    public static ArrowKind of(Arrow arrow) {
        TcpSegment tcp = arrow.tcp();
        if (tcp == null) {
            return NORMAL;
        }
        if (tcp.isReset()) {
            return RESET;
        }
        if (tcp.isRetransmission() || tcp.has(TcpExpert.OUT_OF_ORDER)) {
            return RETRANSMISSION;
        }
        if (tcp.has(TcpExpert.DUPLICATE_ACK)) {
            return DUPLICATE_ACK;
        }
        // Reused ports and window updates are informative, not trouble.
        int trouble = tcp.expertBits() & ~(TcpExpert.REUSED_PORTS.bit() | TcpExpert.WINDOW_UPDATE.bit());
        return trouble != 0 ? WARNING : NORMAL;
    }
}
