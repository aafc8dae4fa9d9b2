package org.wirelab.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void printsNineDecimalsAsTsharkDoes() {
        // dpkt__http.pcap frame 1 in the corpus truth: 1084443427.311224000
        assertEquals("1084443427.311224000", Timestamps.epochText(1_084_443_427_311_224_000L));
        assertEquals("0.000000000", Timestamps.epochText(0));
        assertEquals("0.000000001", Timestamps.epochText(1));
    }

    @Test
    void timesBeforeTheEpochAreSignedMagnitudes() {
        assertEquals("-1.500000000", Timestamps.epochText(-1_500_000_000L));
        assertEquals("-0.000000001", Timestamps.epochText(-1));
        assertEquals("-9223372036.854775808", Timestamps.epochText(Long.MIN_VALUE));
    }
}
