package org.wirelab.core.protocol.ssh;

import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * SSH's fields as packet-ssh.c names them, declared once (RFC 4253): the identification line, and the
 * packets that follow it, encrypted or not SSH at all. Labels and the title are in the {@code FieldLabels}
 * bundles under these names.
 */
public final class Ssh {
    /** The protocol, by its filter name; its title is the bundles' {@code ssh}. */
    public static final String PROTOCOL = "ssh";
    /** The identification line that opens the connection ("SSH-2.0-OpenSSH_9.6"). */
    public static final String IDENTIFICATION_PREFIX = "SSH-";

    public static final HeaderField PROTOCOL_LINE = HeaderField.of("ssh.protocol", FieldType.STRING);
    /** A packet after the identification, which wirelab does not decrypt; Wireshark names none. */
    public static final HeaderField PACKET = HeaderField.unnamed("ssh.packet", FieldType.BYTES);

    /** Every named SSH field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(PROTOCOL_LINE);

    private Ssh() {
    }
}
