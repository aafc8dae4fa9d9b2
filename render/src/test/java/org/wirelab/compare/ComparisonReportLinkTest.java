package org.wirelab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report's links to its captures are URL-encoded: a name with '#', '?', '%', a space or ':' still names its file. */
class ComparisonReportLinkTest {

    @Test
    void linksAreUrlEncoded() {
        assertEquals("r-udp.pcap", ComparisonReport.href("r-udp.pcap"));
        assertEquals("cours%20%231%20%C3%A9t%C3%A9%3F-tcp.pcap", ComparisonReport.href("cours #1 été?-tcp.pcap"));
        assertEquals("50%25%22%3E%3Cscript%3E.pcap", ComparisonReport.href("50%\"><script>.pcap"));
        assertEquals("c%3Aevil.pcap", ComparisonReport.href("c:evil.pcap"));
    }
}
