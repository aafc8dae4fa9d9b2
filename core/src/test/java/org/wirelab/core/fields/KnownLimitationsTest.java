package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.encode.Computed;
import org.wirelab.core.encode.FrameBuilder;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.protocol.udp.UdpHeader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.PcapWriter;

/**
 * What the fast columns cannot give where {@code -e} reads them (a TCP or UDP frame; an ICMP error's quoted
 * headers are read from the tree, as the samples udp-closed-port and udp6-closed-port check), none of it in
 * the corpus or the samples: each case is built, run
 * through tshark, and must differ in exactly the fields listed here, for the reason given. When one of
 * them starts to agree with tshark this test fails, and the case leaves the list.
 */
class KnownLimitationsTest {
    private static final byte[] CLIENT = {10, 0, 0, 1};
    private static final byte[] SERVER = {10, 0, 0, 2};
    private static final byte[] ROUTER = {10, 0, 0, (byte) 254};
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private Set<String> differingFields(String name, byte[]... frames) throws IOException {
        FrameStore store = new FrameStore();
        for (int i = 0; i < frames.length; i++) {
            store.append(T0 + i * 1_000_000L, 1, frames[i], 0, frames[i].length, frames[i].length);
        }
        Path file = dir.resolve(name);
        PcapWriter.write(store, file, PcapWriter.Resolution.NANOSECONDS);
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(file).frames());
        Set<String> fields = new TreeSet<>();
        for (String line : TsharkAgreement.differences(file, analysis)) {
            fields.add(line.substring(0, line.indexOf(':')));
        }
        return fields;
    }

    /**
     * tshark reassembles IP fragments: the first fragment shows no transport and the last one the
     * whole datagram's. The summary decoder flags every fragment (STATUS_IP_FRAGMENT), so the first one
     * agrees; the last one has no transport header of its own, and reassembly is not done here.
     */
    @Test
    void ipFragments() throws IOException {
        byte[] whole = new FrameBuilder().network(Ipv4Header.of(CLIENT, SERVER, 9))
                .transport(UdpHeader.of(40000, 5000)).payload(new byte[1200]).encode();
        byte[] udp = Arrays.copyOfRange(whole, 34, whole.length);          // 8 + 1200 bytes
        byte[] first = new FrameBuilder().network(new Ipv4Header(0, 0, Computed.VALUE, 9,
                Ipv4Header.FLAG_MORE_FRAGMENTS, 0, 64, 17, Computed.VALUE, CLIENT, SERVER, new byte[0]))
                .payload(Arrays.copyOfRange(udp, 0, 600)).encode();
        byte[] last = new FrameBuilder().network(new Ipv4Header(0, 0, Computed.VALUE, 9, 0, 600 / 8, 64, 17,
                Computed.VALUE, CLIENT, SERVER, new byte[0])).payload(Arrays.copyOfRange(udp, 600, udp.length))
                .encode();
        assertEquals(Set.of("frame 2 udp.dstport", "frame 2 udp.length", "frame 2 udp.port",
                "frame 2 udp.srcport", "frame 2 udp.stream", "frame 2 udp.time_delta", "frame 2 udp.time_relative"),
                differingFields("fragments.pcap", first, last));
    }

    /**
     * IP in IP: tshark prints both headers' addresses and protocols, comma-joined, outer first; the
     * summary columns keep the inner header only (the one the conversation is keyed on).
     */
    @Test
    void tunnelledIp() throws IOException {
        byte[] inner = new FrameBuilder().network(Ipv4Header.of(CLIENT, SERVER, 1))
                .transport(TcpHeader.of(40000, 80, 1000, 0, Tcp.SYN, 64240)).encode();
        byte[] tunnel = new FrameBuilder().network(new Ipv4Header(0, 0, Computed.VALUE, 2, 0, 0, 64, 4,
                Computed.VALUE, ROUTER, SERVER, new byte[0])).payload(Arrays.copyOfRange(inner, 14, inner.length))
                .encode();
        assertEquals(Set.of("frame 1 ip.addr", "frame 1 ip.dst", "frame 1 ip.proto", "frame 1 ip.src"),
                differingFields("tunnel.pcap", tunnel));
    }

    /**
     * A TCP header length below 20 bytes: tshark still computes a segment length (IP payload minus the
     * bogus header length) and runs its analysis on it; the summary decoder marks the header malformed
     * and gives no segment length.
     */
    @Test
    void bogusTcpHeaderLength() throws IOException {
        byte[] frame = new FrameBuilder().network(Ipv4Header.of(CLIENT, SERVER, 1))
                .transport(TcpHeader.of(40000, 80, 1000, 0, Tcp.ACK, 64240)).payload(new byte[10]).encode();
        frame[14 + 20 + 12] = 0x40;     // data offset 4 words: 16 bytes
        assertEquals(Set.of("frame 1 tcp.len", "frame 1 tcp.seq"), differingFields("bogus-hlen.pcap", frame));
    }
}
