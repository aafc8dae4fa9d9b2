package org.wirelab.capture.live;

/**
 * What a stopped capture saw. {@code frames} counts the frames handed to the sink and
 * {@code probeFrames} the capture's own readiness datagrams, which were not; {@code received},
 * {@code dropped} and {@code droppedByInterface} are libpcap's counters (pcap_stats): frames the
 * filter accepted (both kinds), frames lost because the kernel buffer was full, and frames the
 * interface lost. With nothing dropped, {@code received == frames + probeFrames}.
 */
public record CaptureStatistics(String interfaceName, long frames, long probeFrames, long received, long dropped,
        long droppedByInterface) {

    /** One line for the user: {@code "lo: 11 frames captured; libpcap received 13 (...), dropped 0"}. */
    public String text() {
        return interfaceName + ": " + frames + (frames == 1 ? " frame" : " frames") + " captured; libpcap received "
                + received + (probeFrames > 0 ? " (" + probeFrames + " of them wirelab's readiness datagrams)" : "")
                + ", dropped " + dropped
                + (droppedByInterface > 0 ? ", dropped by the interface " + droppedByInterface : "");
    }
}
