package org.wirelab.core.analysis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.wirelab.core.encode.FrameBuilder;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.ipv6.Ipv6Header;
import org.wirelab.core.encode.NetworkHeader;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.PcapWriter;

/**
 * Builds small captures segment by segment with the project's own encoder, for tests that run tshark
 * on the same file and compare: the scenarios the corpus lacks (zero windows, keep-alives, port reuse).
 */
public final class TcpTrace {
    /** One socket of a trace. */
    public record Socket(byte[] address, int port) {
        public static Socket of(String address, int port) {
            try {
                return new Socket(InetAddress.getByName(address).getAddress(), port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
    }

    private final FrameStore frames = new FrameStore();
    private long start = 1_700_000_000_000_000_000L;
    private long now = start;
    private int identification;

    /** Sets the time of the next frames, {@code millis} after the first frame. */
    public TcpTrace at(double millis) {
        now = start + Math.round(millis * 1_000_000);
        return this;
    }

    public TcpTrace tcp(Socket from, Socket to, long seq, long ack, int flags, int window, int payloadLength,
            TcpOption... options) {
        TcpHeader header = TcpHeader.of(from.port(), to.port(), seq & 0xffffffffL, ack & 0xffffffffL, flags, window)
                .withOptions(List.of(options));
        byte[] payload = new byte[payloadLength];
        for (int k = 0; k < payloadLength; k++) {
            payload[k] = (byte) ('a' + k % 26);
        }
        return add(new FrameBuilder().network(network(from, to)).transport(header).payload(payload));
    }

    public TcpTrace udp(Socket from, Socket to, int payloadLength) {
        return add(new FrameBuilder().network(network(from, to)).transport(UdpHeader.of(from.port(), to.port()))
                .payload(new byte[payloadLength]));
    }

    private NetworkHeader network(Socket from, Socket to) {
        return from.address().length == 4 ? Ipv4Header.of(from.address(), to.address(), ++identification)
                : Ipv6Header.of(from.address(), to.address());
    }

    private TcpTrace add(FrameBuilder builder) {
        frames.append(builder.toRawFrame(frames.size() + 1, now));
        return this;
    }

    public FrameStore frames() {
        return frames;
    }

    /** Writes the trace as a nanosecond pcap. */
    public Path write(Path file) throws IOException {
        PcapWriter.write(frames, file, PcapWriter.Resolution.NANOSECONDS);
        return file;
    }
}
