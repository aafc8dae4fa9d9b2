package org.wirelab.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.pcap.PcapWriter;

/**
 * A capture whose DNS transaction and ICMP echo lie far apart in the file: a DNS query (frame 1) and an
 * ICMP echo request (frame 2), many UDP datagrams of other flows, the query sent again halfway, then the
 * response ({@link #DNS_RESPONSE}), the response sent again, the echo reply ({@link #ECHO_REPLY}) and the
 * reply sent again. A file read a part at a time must still pair them, the pairs lying many parts apart.
 */
public final class FarPairsCapture {
    /** The frame numbers of the pairs, with {@code between} datagrams of other flows between them. */
    public static int dnsQueryAgain(int between) {
        return 3 + between / 2;
    }

    public static int dnsResponse(int between) {
        return between + 4;
    }

    public static int echoReply(int between) {
        return between + 6;
    }

    private static final String CLIENT = "10.0.0.1";
    private static final String RESOLVER = "10.0.0.53";
    private static final String PINGED = "10.0.0.9";
    private static final String ECHO_SERVER = "10.0.0.7";
    private static final int CLIENT_PORT = 40000;
    private static final int ID = 0x1234;
    private static final long START = 1_700_000_000_000_000_000L;

    private FarPairsCapture() {
    }

    /** Writes the capture with {@code between} datagrams of other flows between each request and its answer. */
    public static void write(Path file, int between) throws IOException {
        FrameStore store = new FrameStore();
        add(store, dns(CLIENT, RESOLVER, CLIENT_PORT, 53, 0x0100));
        add(store, echo(CLIENT, PINGED, 8));
        for (int k = 0; k < between; k++) {
            if (store.size() + 1 == dnsQueryAgain(between)) {
                add(store, dns(CLIENT, RESOLVER, CLIENT_PORT, 53, 0x0100));
            }
            byte[] text = ("echo #" + k).getBytes(StandardCharsets.US_ASCII);
            add(store, FrameBytes.of().ethernet(0x0800).ipv4(17, CLIENT, ECHO_SERVER, 8 + text.length)
                    .udp(50000 + k % 1000, 7777, text.length).bytes(text).build());
        }
        add(store, dns(RESOLVER, CLIENT, 53, CLIENT_PORT, 0x8180));
        add(store, dns(RESOLVER, CLIENT, 53, CLIENT_PORT, 0x8180));
        add(store, echo(PINGED, CLIENT, 0));
        add(store, echo(PINGED, CLIENT, 0));
        PcapWriter.write(store, file, PcapWriter.Resolution.NANOSECONDS);
    }

    private static void add(FrameStore store, byte[] bytes) {
        int number = store.size() + 1;
        // A millisecond apart, and a few more microseconds each so that every time difference is distinct.
        store.append(new RawFrame(number, START + number * 1_000_000L + number * number * 7L, LinkType.ETHERNET,
                bytes, bytes.length));
    }

    /** A DNS message (RFC 1035) with one question, "a.lab.example" A IN, and no answer. */
    private static byte[] dns(String source, String destination, int sourcePort, int destinationPort, int flags) {
        byte[] message = FrameBytes.of().u16(ID).u16(flags).u16(1).u16(0).u16(0).u16(0)
                .u8(1).bytes("a".getBytes(StandardCharsets.US_ASCII)).u8(3).bytes("lab".getBytes(StandardCharsets.US_ASCII))
                .u8(7).bytes("example".getBytes(StandardCharsets.US_ASCII)).u8(0).u16(1).u16(1).build();
        return FrameBytes.of().ethernet(0x0800).ipv4(17, source, destination, 8 + message.length)
                .udp(sourcePort, destinationPort, message.length).bytes(message).build();
    }

    /**
     * An ICMP echo request (type 8) or reply (type 0), identifier 7, sequence 1, 8 bytes of data, with its
     * checksum: tshark pairs a reply with its request by checksum too.
     */
    private static byte[] echo(String source, String destination, int type) {
        byte[] data = FrameBytes.hex("6162636465666768");
        byte[] unsummed = FrameBytes.of().u8(type).u8(0).u16(0).u16(7).u16(1).bytes(data).build();
        return FrameBytes.of().ethernet(0x0800).ipv4(1, source, destination, 16)
                .u8(type).u8(0).u16(checksum(unsummed)).u16(7).u16(1).bytes(data).build();
    }

    /** The Internet checksum (RFC 1071) of an even number of bytes. */
    private static int checksum(byte[] bytes) {
        int sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            sum += (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }
}
