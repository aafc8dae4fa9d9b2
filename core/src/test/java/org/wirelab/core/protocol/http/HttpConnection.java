package org.wirelab.core.protocol.http;

import java.nio.charset.StandardCharsets;
import org.wirelab.core.encode.FrameEncoder;
import org.wirelab.core.encode.FrameLayers;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.protocol.tcp.TcpHeader;

/**
 * One TCP connection from 10.0.0.1:40000 to 10.0.0.2:80 written frame by frame, handshake included: the HTTP
 * tests' requests and responses, each segment in a frame of its own.
 */
final class HttpConnection {
    private static final byte[] CLIENT = {10, 0, 0, 1};
    private static final byte[] SERVER = {10, 0, 0, 2};
    private static final byte[] NONE = new byte[0];

    final FrameStore frames = new FrameStore();
    long requestLength;
    private long clientSeq = 1;
    private long serverSeq = 100;
    private long nanos = 1_700_000_000_000_000_000L;

    HttpConnection() {
        send(true, Tcp.SYN, NONE);
        send(false, Tcp.SYN | Tcp.ACK, NONE);
        send(true, Tcp.ACK, NONE);
    }

    void request(String text) {
        byte[] payload = ascii(text);
        requestLength += payload.length;
        send(true, Tcp.PSH | Tcp.ACK, payload);
    }

    void response(byte[] payload) {
        send(false, Tcp.PSH | Tcp.ACK, payload);
    }

    private void send(boolean fromClient, int flags, byte[] payload) {
        boolean syn = (flags & Tcp.SYN) != 0;
        long seq = fromClient ? clientSeq : serverSeq;
        long ack = fromClient ? serverSeq : clientSeq;
        TcpHeader tcp = fromClient ? TcpHeader.of(40000, 80, seq, (flags & Tcp.ACK) != 0 ? ack : 0, flags, 65535)
                : TcpHeader.of(80, 40000, seq, ack, flags, 65535);
        byte[] frame = FrameEncoder.encode(new FrameLayers(EthernetHeader.loopback(),
                Ipv4Header.of(fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT, 1), tcp, payload, NONE));
        frames.append(nanos, LinkType.ETHERNET, frame, 0, frame.length, frame.length);
        nanos += 1_000_000;
        long advance = payload.length + (syn ? 1 : 0);
        if (fromClient) {
            clientSeq += advance;
        } else {
            serverSeq += advance;
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
