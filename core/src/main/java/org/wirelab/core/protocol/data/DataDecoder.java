package org.wirelab.core.protocol.data;

import org.wirelab.core.decode.ApplicationDecoder;
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
        LayerBuilder layer = new LayerBuilder("Data", 7, payload.bytes(), payload.offset());
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

    /** data.len: the captured length, computed. */
    static org.wirelab.core.decode.Field length(LayerBuilder layer, Slice payload) {
        int captured = payload.captured();
        return layer.generated(Data.LEN, payload.offset(), captured, (long) captured, Integer.toString(captured));
    }
}
