package org.wirelab.core.testing;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.file.Path;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.encode.FrameEncoder;
import org.wirelab.core.encode.FrameLayers;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Writes a SYN scan as nmap -sS makes it: one scanner socket sends a SYN to each port of a target in turn;
 * a closed port answers RST, ACK, an open one SYN, ACK, which the scanner resets. Each scanned port is one
 * TCP conversation, so a ladder has one lane per port. Built with wirelab's own encoder and pcap writer:
 * no big file is committed.
 */
public final class PortScan {
    private static final byte[] SCANNER = {10, 0, 0, 66};
    private static final byte[] TARGET = {10, 0, 0, 5};
    private static final int SCANNER_PORT = 40_000;
    private static final long START_NANOS = 1_764_000_000_000_000_000L;
    private static final long GAP_NANOS = 50_000;
    private static final byte[] NONE = new byte[0];

    private PortScan() {
    }

    /** Scans ports 1 to {@code ports}; every hundredth port is open. Returns the number of frames written. */
    public static int write(Path file, int ports) throws IOException {
        int frames = 0;
        long time = START_NANOS;
        try (PcapWriter out = PcapWriter.create(file, LinkType.ETHERNET)) {
            for (int port = 1; port <= ports; port++) {
                long isn = 0x10000000L + port;
                frames += frame(out, time, true, port, isn, 0, Tcp.SYN, 1024);
                time += GAP_NANOS;
                if (port % 100 == 0) {
                    frames += frame(out, time, false, port, 0x20000000L, isn + 1, Tcp.SYN | Tcp.ACK, 65535);
                    time += GAP_NANOS;
                    frames += frame(out, time, true, port, isn + 1, 0, Tcp.RST, 0);
                } else {
                    frames += frame(out, time, false, port, 0, isn + 1, Tcp.RST | Tcp.ACK, 0);
                }
                time += GAP_NANOS;
            }
        }
        return frames;
    }

    private static int frame(PcapWriter out, long time, boolean fromScanner, int port, long seq, long ack, int flags,
            int window) throws IOException {
        TcpHeader tcp = fromScanner ? TcpHeader.of(SCANNER_PORT, port, seq, ack, flags, window)
                : TcpHeader.of(port, SCANNER_PORT, seq, ack, flags, window);
        Ipv4Header ip = fromScanner ? Ipv4Header.of(SCANNER, TARGET, port & 0xffff) : Ipv4Header.of(TARGET, SCANNER, 0);
        byte[] bytes = FrameEncoder.encode(new FrameLayers(EthernetHeader.loopback(), ip, tcp, NONE, NONE));
        out.append(time, LinkType.ETHERNET, bytes, 0, bytes.length, bytes.length);
        return 1;
    }
}
