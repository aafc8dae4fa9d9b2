package org.wirelab.core.testing;

import org.wirelab.core.protocol.tcp.Tcp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.wirelab.core.protocol.ethernet.EthernetHeader;
import org.wirelab.core.encode.FrameEncoder;
import org.wirelab.core.encode.FrameLayers;
import org.wirelab.core.protocol.ipv4.Ipv4Header;
import org.wirelab.core.protocol.tcp.TcpHeader;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.pcap.PcapWriter;

/**
 * A capture whose text attacks the terminal that shows it: an HTTP request (frame 4) whose URI sets the
 * window title (ESC ] 0 ; ... BEL) and clears the screen (ESC [ 2 J), whose Host plants a hyperlink (OSC 8)
 * and holds a NUL, a lone 0x9b (a terminal's CSI when read as Latin-1) and U+009B in UTF-8, whose
 * User-Agent colours the screen, rings the bell and is no UTF-8; a response (frame 5) whose phrase clears
 * the screen; an SSH banner (frame 9) that sets the title. Written with wirelab's own encoder.
 */
public final class HostileCapture {
    public static final int REQUEST_FRAME = 4;
    public static final int RESPONSE_FRAME = 5;
    public static final int SSH_FRAME = 9;

    public static final byte[] REQUEST = bytes("GET /\u001b]0;pwned\u0007\u001b[2J HTTP/1.1\r\n",
            "Host: ev\u001b]8;;http://evil/\u001b\\il\u0000x", new byte[] {(byte) 0x9b}, "z", new byte[] {(byte) 0xc2, (byte) 0x9b},
            "\r\nUser-Agent: UA\u001b[31mred\u0007", new byte[] {(byte) 0xff, (byte) 0xfe}, "\r\n\r\n");
    public static final byte[] RESPONSE = bytes("HTTP/1.1 200 O\u001b[2Jk", new byte[] {(byte) 0x9b},
            "\r\nContent-Length: 0\r\n\r\n");
    public static final byte[] SSH_BANNER = bytes("SSH-2.0-Open\u001b]0;t\u0007SSH", new byte[] {(byte) 0x9b}, "\r\n");

    private static final byte[] CLIENT = {127, 0, 0, 1};
    private static final byte[] SERVER = {127, 0, 0, 1};
    private static final long START_NANOS = 1_700_000_000_000_000_000L;
    private static final byte[] NONE = new byte[0];

    private HostileCapture() {
    }

    public static void write(Path file) throws IOException {
        try (PcapWriter out = PcapWriter.create(file, LinkType.ETHERNET)) {
            long[] time = {START_NANOS};
            Sender send = (fromClient, clientPort, serverPort, seq, ack, flags, payload) -> {
                TcpHeader tcp = fromClient ? TcpHeader.of(clientPort, serverPort, seq, ack, flags, 65535)
                        : TcpHeader.of(serverPort, clientPort, seq, ack, flags, 65535);
                byte[] frame = FrameEncoder.encode(new FrameLayers(EthernetHeader.loopback(),
                        Ipv4Header.of(fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT, 1), tcp, payload, NONE));
                out.append(time[0], LinkType.ETHERNET, frame, 0, frame.length, frame.length);
                time[0] += 1_000_000;
            };
            int syn = Tcp.SYN;
            int ack = Tcp.ACK;
            int push = Tcp.PSH | Tcp.ACK;
            send.send(true, 40000, 80, 1, 0, syn, NONE);
            send.send(false, 40000, 80, 100, 2, syn | ack, NONE);
            send.send(true, 40000, 80, 2, 101, ack, NONE);
            send.send(true, 40000, 80, 2, 101, push, REQUEST);
            send.send(false, 40000, 80, 101, 2 + REQUEST.length, push, RESPONSE);
            send.send(true, 40001, 22, 1, 0, syn, NONE);
            send.send(false, 40001, 22, 100, 2, syn | ack, NONE);
            send.send(true, 40001, 22, 2, 101, ack, NONE);
            send.send(false, 40001, 22, 101, 2, push, SSH_BANNER);
        }
    }

    private interface Sender {
        void send(boolean fromClient, int clientPort, int serverPort, long seq, long ack, int flags, byte[] payload)
                throws IOException;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : ((String) part).getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
