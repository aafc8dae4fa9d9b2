package org.wirelab.core.analysis;

/** The TCP header's flag bits (RFC 9293 section 3.1; AE from RFC 3540's old NS bit, as Wireshark 4.0). */
final class TcpFlags {
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int PSH = 0x008;
    static final int ACK = 0x010;
    static final int URG = 0x020;
    static final int ECE = 0x040;
    static final int CWR = 0x080;
    static final int AE = 0x100;

    private TcpFlags() {
    }
}
