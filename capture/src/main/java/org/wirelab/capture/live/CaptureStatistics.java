package org.wirelab.capture.live;

/**
 * What a stopped capture saw. {@code frames} counts the frames handed to the sink; {@code received},
 * {@code dropped} and {@code droppedByInterface} are libpcap's own counters (pcap_stats): frames the
 * filter accepted, frames lost because the kernel buffer was full, and frames the interface lost.
 *
 * <p>On a loopback interface libpcap's {@code received} counts every frame twice (the socket sees both
 * the outgoing and the incoming copy of each loopback packet) and includes the readiness datagrams.
 */
public record CaptureStatistics(String interfaceName, boolean loopback, long frames, long received, long dropped,
        long droppedByInterface) {

    /** One line for the user: {@code "lo: 11 frames captured; libpcap received 26 (...), dropped 0"}. */
    public String text() {
        return interfaceName + ": " + frames + (frames == 1 ? " frame" : " frames") + " captured; libpcap received "
                + received + (loopback ? " (each loopback frame counted twice)" : "") + ", dropped " + dropped
                + (droppedByInterface > 0 ? ", dropped by the interface " + droppedByInterface : "");
    }
}
