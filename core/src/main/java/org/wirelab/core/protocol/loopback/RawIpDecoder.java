package org.wirelab.core.protocol.loopback;

import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.ProtocolDecoder;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.header.EtherType;

/** Raw IP link types: no header of their own; LINKTYPE_RAW tells IPv4 from IPv6 by the version nibble. */
public final class RawIpDecoder implements ProtocolDecoder {
    private final int etherType;

    /** {@code etherType} is IPv4's or IPv6's for LINKTYPE_IPV4/IPV6, or -1 to read the version (LINKTYPE_RAW). */
    public RawIpDecoder(int etherType) {
        this.etherType = etherType;
    }

    @Override
    public Step decode(Slice slice) {
        if (etherType >= 0) {
            return new Step(null, new Next.ByEtherType(etherType), slice);
        }
        int version = slice.has(1) ? Bytes.u8(slice.bytes(), slice.offset()) >>> 4 : -1;
        if (version == 4 || version == 6) {
            return new Step(null, new Next.ByEtherType(version == 4 ? EtherType.IPV4 : EtherType.IPV6), slice);
        }
        LayerBuilder layer = new LayerBuilder(BsdLoopback.RAW_PROTOCOL_FIELD.layerName(), 2, slice.bytes(), slice.offset());
        layer.error(slice.offset(), Math.min(1, slice.captured()), version < 0 ? "empty raw IP frame"
                : "raw IP frame with IP version " + version + ", expected 4 or 6");
        return new Step(layer.build(slice.offset(), new Wording("raw.title", Wording.NO_VALUE), "Raw IP (unknown version)"), Next.END, slice);
    }
}
