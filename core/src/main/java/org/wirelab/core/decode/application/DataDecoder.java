package org.wirelab.core.decode.application;

import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;

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
        layer.add(layer.data("data.data", "Data", payload.offset(), captured));
        layer.add(layer.generated("data.len", "Length", payload.offset(), captured, (long) captured,
                Integer.toString(captured)));
        if (captured < payload.length()) {
            layer.note(payload.offset() + captured, 0, (payload.length() - captured) + " of the " + payload.length()
                    + " payload bytes were not captured");
        }
        return Step.last(layer.build(payload.offset() + captured, "Data (" + captured + " bytes)",
                "Data " + payload.length() + " bytes"));
    }
}
