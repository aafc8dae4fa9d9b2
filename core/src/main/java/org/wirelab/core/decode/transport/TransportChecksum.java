package org.wirelab.core.decode.transport;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.net.InternetChecksum;

/**
 * Verifies the Internet checksum of a TCP, UDP, ICMP or ICMPv6 message and adds the checksum field with
 * its status. A TCP/UDP checksum that holds only the pseudo-header sum is Linux's checksum offload
 * (CHECKSUM_PARTIAL): on loopback the NIC that would finish it does not exist, so it is reported as
 * "not verified (offloaded on loopback)", never as an error.
 */
public final class TransportChecksum {
    private TransportChecksum() {
    }

    /**
     * @param protocol the IP protocol for the pseudo-header, or -1 for ICMPv4 (no pseudo-header)
     * @param checksumAt the checksum field's frame offset
     */
    public static void add(LayerBuilder layer, Slice slice, HeaderField checksumField, HeaderField statusField,
            int protocol, int checksumAt) {
        byte[] b = slice.bytes();
        int value = Bytes.u16(b, checksumAt);
        Field checksum = layer.field(checksumField, checksumAt, 2);
        Wording.Word status;
        String text;
        int messageLength = slice.length();
        if (protocol >= 0 && slice.pseudoHeader() == null) {
            status = new Wording.Word("checksum.unverified.no_pseudo_header");
            text = "2";
        } else if (slice.fragment()) {
            status = new Wording.Word("checksum.unverified.fragment");
            text = "2";
        } else if (slice.embedded()) {
            status = new Wording.Word("checksum.unverified.quoted");
            text = "2";
        } else if (slice.captured() < messageLength) {
            status = new Wording.Word("checksum.unverified.partial", Integer.toString(slice.captured()),
                    Integer.toString(messageLength));
            text = "2";
        } else {
            long pseudo = 0;
            if (protocol >= 0) {
                pseudo = InternetChecksum.addWord(InternetChecksum.addWord(slice.pseudoHeader().addressSum(),
                        protocol), messageLength);
            }
            long sum = InternetChecksum.add(pseudo, b, slice.offset(), messageLength);
            if (InternetChecksum.finish(sum) == 0) {
                status = new Wording.Word("checksum.good");
                text = "1";
            } else if (protocol >= 0 && value == (~InternetChecksum.finish(pseudo) & 0xffff)) {
                status = new Wording.Word(slice.pseudoHeader().loopback() ? "checksum.unverified.loopback"
                        : "checksum.unverified.offload");
                text = "2";
            } else {
                long withoutField = InternetChecksum.add(InternetChecksum.add(pseudo, b, slice.offset(),
                        checksumAt - slice.offset()), b, checksumAt + 2, slice.offset() + messageLength - checksumAt - 2);
                int expected = InternetChecksum.finish(withoutField);
                status = new Wording.Word("checksum.bad", LayerBuilder.hexText(expected, 4));
                text = "0";
                String protocolName = checksumField.name().substring(0, checksumField.name().indexOf('.'));
                layer.error(checksumAt, 2, protocolName.toUpperCase() + " checksum " + LayerBuilder.hexText(value, 4)
                        + " is wrong, " + LayerBuilder.hexText(expected, 4) + " expected");
            }
        }
        layer.add(checksum);
        String english = FieldLabels.english().text(status.key(), status.arguments());
        layer.add(layer.generated(statusField, checksumAt, 2, english, text, "value", status));
    }
}
