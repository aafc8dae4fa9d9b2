package org.wirelab.app.packets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.app.CaptureFixtures;
import org.wirelab.source.Capture;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** The packet list's filters keep the frames tshark's display filters keep. */
class PacketFilterTest {

    private static int[] tsharkIndices(String sample, String displayFilter) {
        Tshark.require();
        String out = Tshark.run("-r", Environment.samples().resolve(sample).toString(), "-Y", displayFilter,
                "-T", "fields", "-e", "frame.number");
        return out.lines().filter(l -> !l.isBlank()).mapToInt(l -> Integer.parseInt(l.trim()) - 1).toArray();
    }

    private static int[] apply(Capture capture, PacketFilter filter) {
        return filter.apply(capture, new PacketRows(capture), () -> false);
    }

    @Test
    void oneConversation() {
        Capture chat = CaptureFixtures.sample("scenarios/chat.pcap");
        for (int stream : List.of(0, 1)) {
            assertArrayEquals(tsharkIndices("scenarios/chat.pcap", "tcp.stream == " + stream),
                    apply(chat, new PacketFilter(stream, "", "", Integer.MAX_VALUE)), "stream " + stream);
        }
    }

    @Test
    void oneProtocolAndText() {
        Capture hello = CaptureFixtures.sample("tcp-hello.pcap");
        assertArrayEquals(tsharkIndices("tcp-hello.pcap", "tcp.len > 0"),
                apply(hello, new PacketFilter(-1, "Text", "", Integer.MAX_VALUE)));
        assertArrayEquals(tsharkIndices("tcp-hello.pcap", "frame contains \"hello\""),
                apply(hello, new PacketFilter(-1, "", "HELLO", Integer.MAX_VALUE)));
        assertArrayEquals(tsharkIndices("tcp-hello.pcap", "tcp.flags.fin == 1"),
                apply(hello, new PacketFilter(-1, "", "fin", Integer.MAX_VALUE)));
    }

    @Test
    void onlyTheFramesPlaybackRevealed() {
        Capture hello = CaptureFixtures.sample("tcp-hello.pcap");
        assertArrayEquals(new int[] {0, 1, 2}, apply(hello, new PacketFilter(-1, "", "", 3)));
    }

    @Test
    void aReplacedFilterStops() {
        Capture hello = CaptureFixtures.sample("tcp-hello.pcap");
        assertNull(new PacketFilter(-1, "", "x", Integer.MAX_VALUE).apply(hello, new PacketRows(hello), () -> true));
    }
}
