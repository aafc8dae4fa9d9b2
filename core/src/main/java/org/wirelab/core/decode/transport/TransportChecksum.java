package org.wirelab.core.decode.transport;

import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.net.InternetChecksum;

/**
 * Verifies the Internet checksum of a TCP, UDP, ICMP or ICMPv6 message and adds the checksum field with
 * its status. A TCP/UDP checksum that holds only the pseudo-header sum is Linux's checksum offload
 * (CHECKSUM_PARTIAL): on loopback the NIC that would finish it does not exist, so it is reported as
 * "not verified (offloaded on loopback)", never as an error.
 */
final class TransportChecksum {
    private TransportChecksum() {
    }

    /**
     * @param protocol the IP protocol for the pseudo-header, or -1 for ICMPv4 (no pseudo-header)
     * @param checksumAt the checksum field's frame offset
     */
    static void add(LayerBuilder layer, Slice slice, String prefix, int protocol, int checksumAt) {
        byte[] b = slice.bytes();
        int value = Bytes.u16(b, checksumAt);
        Field checksum = layer.hex(prefix + ".checksum", "Checksum", checksumAt, 2, value);
        String status;
        String text;
        int messageLength = slice.length();
        if (protocol >= 0 && slice.pseudoHeader() == null) {
            status = "not verified (no IP pseudo-header)";
            text = "2";
        } else if (slice.fragment()) {
            status = "not verified (IP fragment)";
            text = "2";
        } else if (slice.embedded()) {
            status = "not verified (quoted in an ICMP error)";
            text = "2";
        } else if (slice.captured() < messageLength) {
            status = "not verified (" + slice.captured() + " of " + messageLength + " bytes captured)";
            text = "2";
        } else {
            long pseudo = 0;
            if (protocol >= 0) {
                pseudo = InternetChecksum.addWord(InternetChecksum.addWord(slice.pseudoHeader().addressSum(),
                        protocol), messageLength);
            }
            long sum = InternetChecksum.add(pseudo, b, slice.offset(), messageLength);
            if (InternetChecksum.finish(sum) == 0) {
                status = "Good";
                text = "1";
            } else if (protocol >= 0 && value == (~InternetChecksum.finish(pseudo) & 0xffff)) {
                status = slice.pseudoHeader().loopback() ? "not verified (offloaded on loopback)"
                        : "not verified (checksum offload: only the pseudo-header sum)";
                text = "2";
            } else {
                long withoutField = InternetChecksum.add(InternetChecksum.add(pseudo, b, slice.offset(),
                        checksumAt - slice.offset()), b, checksumAt + 2, slice.offset() + messageLength - checksumAt - 2);
                int expected = InternetChecksum.finish(withoutField);
                status = "Bad, " + LayerBuilder.hexText(expected, 4) + " expected";
                text = "0";
                layer.error(checksumAt, 2, prefix.toUpperCase() + " checksum " + LayerBuilder.hexText(value, 4)
                        + " is wrong, " + LayerBuilder.hexText(expected, 4) + " expected");
            }
        }
        layer.add(checksum);
        layer.add(layer.generated(prefix + ".checksum.status", "Checksum Status", checksumAt, 2, status, text, status));
    }
}
