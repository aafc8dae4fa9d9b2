package org.wirelab.core.summary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.frame.FrameStore;

/**
 * Just enough pcap and pcapng reading to feed the corpus to the decoders until the real reader
 * (org.wirelab.core.pcap) is on main; stops quietly at the first damage, as the truth files do.
 */
final class TestCaptureReader {
    private TestCaptureReader() {
    }

    static FrameStore read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        FrameStore store = new FrameStore();
        if (in.remaining() < 24) {
            return store;
        }
        int magic = in.getInt(0);
        if (magic == 0x0a0d0d0a) {
            readPcapng(in, store);
            return store;
        }
        in.order(ByteOrder.LITTLE_ENDIAN);
        magic = in.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            in.order(ByteOrder.BIG_ENDIAN);
            magic = in.getInt(0);
        }
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d || in.getShort(4) != 2) {
            return store;
        }
        long unit = magic == 0xa1b23c4d ? 1 : 1000;
        int linkType = in.getInt(20) & 0x0fffffff;
        int at = 24;
        while (at + 16 <= in.limit()) {
            long seconds = in.getInt(at) & 0xffffffffL;
            long fraction = in.getInt(at + 4) & 0xffffffffL;
            int captured = in.getInt(at + 8);
            int original = in.getInt(at + 12);
            if (captured < 0 || at + 16 + captured > in.limit()) {
                break;
            }
            store.append(seconds * 1_000_000_000L + fraction * unit, linkType, in.array(), at + 16, captured,
                    Math.max(original, captured));
            at += 16 + captured;
        }
        return store;
    }

    private static void readPcapng(ByteBuffer in, FrameStore store) {
        List<Integer> linkTypes = new ArrayList<>();
        int at = 0;
        while (at + 12 <= in.limit()) {
            int type = in.getInt(at);
            if (type == 0x0a0d0d0a) {
                in.order(in.getInt(at + 8) == 0x1a2b3c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                if (in.getShort(at + 12) != 1) {
                    return;
                }
                linkTypes.clear();
            }
            int length = in.getInt(at + 4);
            if (length < 12 || at + length > in.limit()) {
                return;
            }
            if (type == 1) {
                linkTypes.add(in.getShort(at + 8) & 0xffff);
            } else if (type == 6) {
                int interfaceId = in.getInt(at + 8);
                int captured = in.getInt(at + 20);
                int original = in.getInt(at + 24);
                store.append(0, linkTypes.get(interfaceId), in.array(), at + 28, captured,
                        Math.max(original, captured));
            }
            at += length;
        }
    }
}
