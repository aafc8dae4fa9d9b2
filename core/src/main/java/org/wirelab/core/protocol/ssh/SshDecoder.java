package org.wirelab.core.protocol.ssh;

import java.nio.charset.StandardCharsets;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.text.CaptureText;

/**
 * SSH on its port (RFC 4253): the identification line ("SSH-2.0-OpenSSH_9.6") is shown as text; the rest
 * is encrypted or binary and shown as bytes. Like Wireshark, the port claims every payload, so text sent
 * to an SSH server (a student's HTTP request to port 22) shows as what the server sees.
 */
public final class SshDecoder implements ApplicationDecoder {
    private static final Wording TITLE = new Wording(Ssh.PROTOCOL, Wording.NO_VALUE);

    /** ssh.direction, as packet-ssh.c decides it: a packet to the server's port goes from the client. */
    private static Field direction(LayerBuilder layer, int at, Next.ByPorts ports) {
        boolean toClient = ports.destinationPort() != Ssh.PORT;
        return layer.generated(Ssh.DIRECTION, at, 0, toClient, toClient ? "1" : "0",
                toClient ? "ssh.direction[1]" : "ssh.direction[0]");
    }

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        return true;
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        byte[] b = payload.bytes();
        int o = payload.offset();
        int captured = payload.captured();
        LayerBuilder layer = new LayerBuilder(Ssh.PROTOCOL_FIELD.layerName(), 7, b, o);
        String start = new String(b, o, Math.min(captured, 4), StandardCharsets.ISO_8859_1);
        if (start.equals(Ssh.IDENTIFICATION_PREFIX)) {
            int end = o;
            while (end < o + captured && b[end] != '\r' && b[end] != '\n') {
                end++;
            }
            String banner = CaptureText.escape(b, o, end - o);
            layer.add(layer.text(Ssh.PROTOCOL_LINE, o, end - o, banner));
            layer.add(direction(layer, o, ports));
            return Step.last(layer.build(o + captured, TITLE, "SSH " + banner));
        }
        // wirelab does not follow the key exchange: every packet after the banner shows as Wireshark shows
        // an encrypted one, its length field included.
        int length = Math.min(Ssh.PACKET_LENGTH, captured);
        layer.add(layer.data(Ssh.PACKET_LENGTH_ENCRYPTED, o, length));
        if (captured > length) {
            layer.add(layer.data(Ssh.ENCRYPTED_PACKET, o + length, captured - length));
        }
        layer.add(direction(layer, o, ports));
        return Step.last(layer.build(o + captured, TITLE, "SSH " + payload.length() + " bytes"));
    }
}
