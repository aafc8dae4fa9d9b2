package org.wirelab.core.decode;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.protocol.data.DataDecoder;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.RawFrame;
import org.wirelab.core.header.IpProtocol;
import org.wirelab.core.protocol.ethernet.Ethernet;

/**
 * Decodes one frame's full field tree on demand: the link decoder chosen by link type, then each next
 * decoder chosen by the key the previous one returned. A frame that cannot be fully decoded keeps every
 * layer decoded before the problem, with a diagnostic saying where and why. Never throws on bad bytes.
 */
public final class FrameDecoder {
    /** Layers per frame at most: bounds IP-in-IP and stacked VLAN tags in crafted frames. */
    private static final int MAX_LAYERS = 16;
    private final DecoderTables tables;
    private final DataDecoder data = new DataDecoder();

    public FrameDecoder(DecoderTables tables) {
        this.tables = tables;
    }

    /** A decoder with {@link DecoderTables#standard()}. */
    public static FrameDecoder standard() {
        return new FrameDecoder(DecoderTables.standard());
    }

    public DecodedFrame decode(RawFrame frame) {
        byte[] bytes = frame.bytes();
        return new DecodedFrame(frame.number(), frame.timestampNanos(), bytes.length, frame.originalLength(),
                frame.linkType(), bytes, layers(bytes, frame.originalLength(), frame.linkType()));
    }

    /** Frame {@code index} (0-based) of {@code store}. */
    public DecodedFrame decode(FrameStore store, int index) {
        return decode(store.frame(index));
    }

    private List<Layer> layers(byte[] bytes, int originalLength, int linkType) {
        List<Layer> layers = new ArrayList<>();
        Slice frame = Slice.ofFrame(bytes, originalLength);
        ProtocolDecoder link = tables.linkTypes().get(linkType);
        if (link == null) {
            LayerBuilder unknown = new LayerBuilder("Frame", 2, bytes, 0);
            unknown.error(0, 0, "unsupported link type " + linkType + " (" + LinkType.name(linkType) + ")");
            layers.add(unknown.build(0, "Unsupported link type " + linkType, "unsupported link type " + linkType));
            layers.add(data.decode(frame).layer());
            return layers;
        }
        Step step = link.decode(frame);
        while (true) {
            if (step.layer() != null) {
                layers.add(step.layer());
            }
            Slice rest = step.rest();
            if (layers.size() >= MAX_LAYERS) {
                if (rest != null && rest.captured() > 0) {
                    layers.add(data.decode(rest).layer());
                }
                break;
            }
            Step next = next(step.next(), rest, layers);
            if (next == null) {
                break;
            }
            step = next;
        }
        return layers;
    }

    /** The next step, or null when decoding ends (after adding a Data layer for bytes left undecoded). */
    private Step next(Next key, Slice rest, List<Layer> layers) {
        if (rest == null) {
            return null;
        }
        ProtocolDecoder decoder = null;
        String missing = null;
        if (key instanceof Next.ByEtherType type) {
            decoder = tables.etherTypes().get(type.etherType());
            missing = "EtherType " + LayerBuilder.hexText(type.etherType(), 4) + " ("
                    + FieldLabels.english().text(Ethernet.etherTypeWord(type.etherType()).key(), List.of())
                    + ") is not decoded";
        } else if (key instanceof Next.ByIpProtocol protocol) {
            decoder = tables.ipProtocols().get(protocol.protocol());
            missing = "IP protocol " + protocol.protocol() + " (" + IpProtocol.name(protocol.protocol())
                    + ") is not decoded";
        } else if (key instanceof Next.ByPorts ports) {
            if (rest.captured() == 0) {
                return null;
            }
            ApplicationDecoder application = tables.application(ports, rest);
            return application != null ? application.decode(rest, ports) : data.decode(rest);
        }
        if (decoder != null) {
            return decoder.decode(rest);
        }
        if (rest.captured() > 0) {
            Step bytes = data.decode(rest);
            layers.add(missing == null ? bytes.layer() : withNote(bytes.layer(), rest, missing));
        }
        return null;
    }

    private static Layer withNote(Layer layer, Slice rest, String note) {
        List<Diagnostic> diagnostics = new ArrayList<>(layer.diagnostics());
        diagnostics.add(new Diagnostic(Diagnostic.Severity.NOTE, new ByteRange(rest.offset(), 0), note));
        return layer.withDiagnostics(diagnostics);
    }
}
