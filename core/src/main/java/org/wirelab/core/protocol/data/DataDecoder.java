package org.wirelab.core.protocol.data;

import java.util.HexFormat;
import java.util.List;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;

/** The last resort: payload bytes no decoder claimed, shown as Wireshark's "Data" (data.data). */
public final class DataDecoder implements ApplicationDecoder {

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        return true;
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        return decode(payload);
    }

    /** Also used for bytes below any transport, e.g. after an unknown EtherType or a fragment. */
    public Step decode(Slice payload) {
        LayerBuilder layer = new LayerBuilder(Data.PROTOCOL_FIELD.layerName(), 7, payload.bytes(), payload.offset());
        int captured = payload.captured();
        layer.add(layer.data(Data.DATA, payload.offset(), captured));
        layer.add(length(layer, payload));
        if (captured < payload.length()) {
            layer.note(payload.offset() + captured, 0, (payload.length() - captured) + " of the " + payload.length()
                    + " payload bytes were not captured");
        }
        return Step.last(layer.build(payload.offset() + captured,
                new Wording(Data.PROTOCOL, Wording.NO_VALUE, Integer.toString(captured)),
                "Data " + payload.length() + " bytes"));
    }

    /**
     * A message body no media decoder reads (an HTTP body without a media type, or application/octet-stream),
     * shown as Data after its message as Wireshark shows it. {@code range} is where the body lies in the
     * frame's {@code frameBytes}; a body joined from chunks or segments, or decompressed, is not those bytes,
     * so its data item holds its own bytes (which filters read) over the whole range.
     */
    public static Layer body(byte[] body, byte[] frameBytes, ByteRange range) {
        LayerBuilder layer = new LayerBuilder(Data.PROTOCOL_FIELD.layerName(), 7, frameBytes, range.offset());
        String length = Integer.toString(body.length);
        if (range.length() == body.length) {
            layer.add(layer.data(Data.DATA, range.offset(), body.length));
        } else {
            String hex = HexFormat.of().formatHex(body);
            String shown = body.length <= 16 ? hex : hex.substring(0, 32) + "…";
            layer.add(Field.worded(Data.DATA.name(), range, 0, body, hex, false, List.of(),
                    new Wording(Data.DATA.labelKey(), "value", shown)));
        }
        layer.add(layer.generated(Data.LEN, range.offset(), range.length(), (long) body.length, length));
        return layer.build(range.end(), new Wording(Data.PROTOCOL, Wording.NO_VALUE, length),
                "Data " + body.length + " bytes");
    }

    /** data.len: the captured length, computed. */
    static org.wirelab.core.decode.Field length(LayerBuilder layer, Slice payload) {
        int captured = payload.captured();
        return layer.generated(Data.LEN, payload.offset(), captured, (long) captured, Integer.toString(captured));
    }
}
