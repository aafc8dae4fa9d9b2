package org.wirelab.core.protocol.ssh;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * SSH's fields as packet-ssh.c names them, declared once (RFC 4253): the identification line, the
 * packets that follow it, shown as encrypted, and the direction of each. Labels and the title are in the {@code FieldLabels}
 * bundles under these names.
 */
public final class Ssh {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.printedByName("ssh", "SSH");
    /** The protocol, by its filter name; its title is the bundles' {@code ssh}. */
    public static final String PROTOCOL = PROTOCOL_FIELD.name();
    /** The identification line that opens the connection ("SSH-2.0-OpenSSH_9.6"). */
    public static final String IDENTIFICATION_PREFIX = "SSH-";
    public static final int PORT = 22;
    public static final int PACKET_LENGTH = 4;

    public static final HeaderField PROTOCOL_LINE = HeaderField.of("ssh.protocol", FieldType.STRING);
    /**
     * A packet after the identification, which wirelab does not decrypt: its first 4 bytes (the packet's
     * length, encrypted too) and the rest, as Wireshark shows an encrypted packet.
     */
    public static final HeaderField PACKET_LENGTH_ENCRYPTED = HeaderField.of("ssh.packet_length_encrypted",
            FieldType.BYTES);
    public static final HeaderField ENCRYPTED_PACKET = HeaderField.of("ssh.encrypted_packet", FieldType.BYTES);
    /** Which way the packet goes: from the client to the server's port (0), or back (1). */
    public static final HeaderField DIRECTION = HeaderField.of("ssh.direction", FieldType.BOOLEAN);

    /** Every named SSH field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(PROTOCOL_LINE, PACKET_LENGTH_ENCRYPTED, ENCRYPTED_PACKET,
            DIRECTION);

    private Ssh() {
    }
}
