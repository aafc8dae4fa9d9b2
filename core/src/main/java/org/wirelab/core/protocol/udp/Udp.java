package org.wirelab.core.protocol.udp;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.EitherField;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.header.Bytes;

/**
 * UDP's one place: the header layout (RFC 768) and every field Wireshark names for UDP, declared once as
 * packet-udp.c declares them (the tree's, which {@link UdpDecoder} adds, and those the capture's analysis
 * computes). Their labels are in the {@code FieldLabels} bundles under the same names.
 */
public final class Udp {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("udp", "UDP");
    public static final int HEADER_LENGTH = 8;
    public static final int SOURCE_PORT = 0;
    public static final int DESTINATION_PORT = 2;
    public static final int LENGTH = 4;
    public static final int CHECKSUM = 6;

    public static final HeaderField SRCPORT = HeaderField.unsigned("udp.srcport");
    public static final HeaderField DSTPORT = HeaderField.unsigned("udp.dstport");
    public static final HeaderField PORT = HeaderField.unsigned("udp.port");
    public static final HeaderField LENGTH_FIELD = HeaderField.unsigned("udp.length");
    public static final HeaderField CHECKSUM_FIELD = HeaderField.hex("udp.checksum");
    public static final HeaderField CHECKSUM_STATUS = HeaderField.unsigned("udp.checksum.status");
    /** The datagram's captured data (Wireshark's "UDP payload (N bytes)"). */
    public static final HeaderField PAYLOAD = HeaderField.of("udp.payload", FieldType.BYTES);
    public static final HeaderField STREAM = HeaderField.unsigned("udp.stream");
    public static final HeaderField TIME_RELATIVE = HeaderField.of("udp.time_relative", FieldType.TIME);
    public static final HeaderField TIME_DELTA = HeaderField.of("udp.time_delta", FieldType.TIME);

    /** Every named UDP field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(SRCPORT, DSTPORT, PORT, LENGTH_FIELD, CHECKSUM_FIELD,
            CHECKSUM_STATUS, PAYLOAD, STREAM, TIME_RELATIVE, TIME_DELTA);

    /** Hidden udp.port beside each port, so that one name matches either. */
    public static final List<EitherField> EITHER = List.of(EitherField.of(PORT, SRCPORT, DSTPORT));

    private Udp() {
    }

    public static int sourcePort(byte[] b, int offset) {
        return Bytes.u16(b, offset + SOURCE_PORT);
    }

    public static int destinationPort(byte[] b, int offset) {
        return Bytes.u16(b, offset + DESTINATION_PORT);
    }

    public static int length(byte[] b, int offset) {
        return Bytes.u16(b, offset + LENGTH);
    }

    public static int checksum(byte[] b, int offset) {
        return Bytes.u16(b, offset + CHECKSUM);
    }
}
