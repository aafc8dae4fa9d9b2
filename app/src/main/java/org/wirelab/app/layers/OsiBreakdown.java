package org.wirelab.app.layers;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.frame.LinkType;

/**
 * A decoded frame arranged on the seven OSI layers, top (7) first as the lab's slides draw them. Each
 * decoded layer goes to its OSI number (Ethernet 2, IP and ICMP 3, TCP and UDP 4, HTTP and chat 7);
 * layer 1 says what was on the medium, or that loopback has none; layers 5 and 6 say that TCP/IP has
 * nothing of its own there; a layer the frame does not reach says so.
 */
public final class OsiBreakdown {
    private OsiBreakdown() {
    }

    public static List<OsiRow> of(DecodedFrame frame) {
        List<OsiRow> rows = new ArrayList<>();
        for (int number = 7; number >= 1; number--) {
            List<Layer> here = new ArrayList<>();
            for (Layer layer : frame.layers()) {
                if (layer.osiLayer() == number) {
                    here.add(layer);
                }
            }
            rows.add(row(number, here, frame));
        }
        return rows;
    }

    private static OsiRow row(int number, List<Layer> layers, DecodedFrame frame) {
        if (number == 1) {
            return loopback(frame)
                    ? new OsiRow(1, layers, "osi.note.loopback", List.of())
                    : new OsiRow(1, layers, "osi.note.bits", List.of(frame.originalLength(),
                            8L * frame.originalLength()));
        }
        if (!layers.isEmpty()) {
            return new OsiRow(number, layers, "", List.of());
        }
        if (number == 5 || number == 6) {
            return new OsiRow(number, layers, "osi.note.tcpip", List.of());
        }
        return new OsiRow(number, layers, "osi.note.none", List.of());
    }

    /**
     * A frame that never left the machine: Linux's lo (Ethernet with both addresses zero), BSD's
     * loopback link type, or an IP packet between loopback addresses without a link header.
     */
    static boolean loopback(DecodedFrame frame) {
        byte[] bytes = frame.bytes();
        if (frame.linkType() == LinkType.NULL || frame.linkType() == LinkType.LOOP) {
            return true;
        }
        if (frame.linkType() == LinkType.ETHERNET && bytes.length >= 12) {
            for (int i = 0; i < 12; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return true;
        }
        String source = frame.text("ip.src") + frame.text("ipv6.src");
        return source.startsWith("127.") || source.equals("::1");
    }
}
