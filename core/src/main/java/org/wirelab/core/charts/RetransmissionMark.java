package org.wirelab.core.charts;

import org.wirelab.core.analysis.TcpExpert;

/** tcp.analysis.retransmission: set for plain, fast and spurious retransmissions alike. */
final class RetransmissionMark {
    private RetransmissionMark() {
    }

    static boolean isRetransmission(int expertBits) {
        return TcpExpert.RETRANSMISSION.isIn(expertBits) || TcpExpert.FAST_RETRANSMISSION.isIn(expertBits)
                || TcpExpert.SPURIOUS_RETRANSMISSION.isIn(expertBits);
    }
}
