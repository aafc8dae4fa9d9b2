package org.wirelab.core.protocol.udp;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.transport.TransportChecksum;
import org.wirelab.core.header.IpProtocol;

/** UDP (RFC 768): ports, length, checksum verified (zero over IPv4 means "none", RFC 768). */
public final class UdpDecoder implements ProtocolDecoder {

    @Override
    public Step decode(Slice slice) {
        byte[] b = slice.bytes();
        int o = slice.offset();
        LayerBuilder layer = new LayerBuilder(Udp.PROTOCOL_FIELD.layerName(), 4, b, o);
        Wording title = new Wording("udp.title", Wording.NO_VALUE);
        if (!slice.has(4)) {
            layer.error(o, slice.captured(), "UDP header needs 8 bytes, " + slice.captured() + " captured");
            return Step.last(layer.build(slice.end(), title, "UDP (truncated)"));
        }
        int sourcePort = Udp.sourcePort(b, o);
        int destinationPort = Udp.destinationPort(b, o);
        layer.add(Udp.SRCPORT, o + Udp.SOURCE_PORT, 2);
        layer.add(Udp.DSTPORT, o + Udp.DESTINATION_PORT, 2);
        title = new Wording("udp.title.ports", Wording.NO_VALUE, Integer.toString(sourcePort),
                Integer.toString(destinationPort));
        String ports = "UDP " + sourcePort + " → " + destinationPort;
        if (!slice.has(Udp.HEADER_LENGTH)) {
            if (!slice.embedded()) {
                layer.error(o, slice.captured(), "UDP header needs 8 bytes, " + slice.captured() + " captured");
            }
            return Step.last(layer.build(slice.end(), title, ports + " (header truncated)"));
        }
        int length = Udp.length(b, o);
        layer.add(Udp.LENGTH_FIELD, o + Udp.LENGTH, 2);
        String summary = ports + " Len=" + Math.max(0, length - Udp.HEADER_LENGTH);
        if (length < Udp.HEADER_LENGTH) {
            layer.error(o + Udp.LENGTH, 2, "UDP length " + length + " is below the 8-byte header");
            return Step.last(layer.build(o + Udp.HEADER_LENGTH, title, summary));
        }
        int datagramLength = length;
        if (length > slice.length() && !slice.embedded()) {
            layer.error(o + Udp.LENGTH, 2, "UDP length " + length + " exceeds the " + slice.length()
                    + " bytes of the IP payload");
            datagramLength = slice.length();
        }
        Slice datagram = slice.sub(o, datagramLength);
        boolean overIpv4WithoutChecksum = Udp.checksum(b, o) == 0 && slice.pseudoHeader() != null
                && !isIpv6(slice);
        if (overIpv4WithoutChecksum) {
            layer.add(Udp.CHECKSUM_FIELD, o + Udp.CHECKSUM, 2);
            layer.add(layer.generated(Udp.CHECKSUM_STATUS, o + Udp.CHECKSUM, 2, "Not present", "3",
                    "checksum.absent_over_ipv4"));
        } else {
            TransportChecksum.add(layer, datagram, Udp.CHECKSUM_FIELD, Udp.CHECKSUM_STATUS, IpProtocol.UDP,
                    o + Udp.CHECKSUM);
        }
        Slice payload = datagram.after(Udp.HEADER_LENGTH);
        // tshark shows the payload of a datagram quoted in an ICMP error too.
        if (payload.captured() > 0 && !slice.fragment()) {
            layer.add(layer.bytes(Udp.PAYLOAD, payload.offset(), payload.captured(),
                    Integer.toString(payload.captured())));
        }
        Next next = payload.length() > 0 && !slice.embedded()
                ? new Next.ByPorts(IpProtocol.UDP, sourcePort, destinationPort) : Next.END;
        return new Step(layer.build(o + Udp.HEADER_LENGTH, title, summary), next, payload);
    }

    private static boolean isIpv6(Slice slice) {
        return slice.pseudoHeader().ipv6();
    }
}
