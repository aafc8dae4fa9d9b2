package org.wirelab.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** dumpcap's closing line read into counters: what it lost, not what reached it after the stop. */
class DumpcapCountersTest {

    @Test
    void framesFlushedAfterTheStopAreNotCountedAsDropped() {
        String stderr = "Capturing on 'Loopback: lo'\n"
                + "Packets received/dropped on interface 'Loopback: lo': 12/9 (pcap:0/dumpcap:0/flushed:9/ps_ifdrop:0) (57.1%)\n";
        assertEquals(new FrameTap.Counters("dumpcap", 12, 0, 0), DumpcapTap.counters(stderr));
    }

    @Test
    void framesLostInTheKernelOrInDumpcapAreDropped() {
        String stderr = "Packets received/dropped on interface 'Loopback: lo': 900/130 (pcap:100/dumpcap:20/flushed:10/ps_ifdrop:3) (12.6%)\n";
        assertEquals(new FrameTap.Counters("dumpcap", 900, 120, 3), DumpcapTap.counters(stderr));
    }

    @Test
    void noClosingLineMeansUnknownCounters() {
        assertEquals(FrameTap.Counters.unknown("dumpcap"), DumpcapTap.counters("dumpcap: killed\n"));
    }
}
