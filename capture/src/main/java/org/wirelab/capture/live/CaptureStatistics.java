package org.wirelab.capture.live;

/**
 * What a stopped capture saw. {@code frames} counts the frames handed to the sink and
 * {@code probeFrames} the capture's own readiness datagrams, which were not; {@code received},
 * {@code dropped} and {@code droppedByInterface} are the capturing program's counters ({@code source}:
 * libpcap's pcap_stats in this process, or dumpcap's final report): frames the filter accepted, frames
 * lost because the kernel buffer was full, and frames the interface lost; -1 where it could not tell.
 *
 * <p>On a loopback interface libpcap counts each frame twice: Linux hands the capture the outgoing
 * and the incoming copy of every packet, and libpcap discards the outgoing one only after counting
 * it. With nothing dropped, {@code received} is then {@code 2 * (frames + probeFrames)}. dumpcap
 * reports the frames it kept instead.
 */
public record CaptureStatistics(String interfaceName, boolean loopback, long frames, long probeFrames,
        long received, long dropped, long droppedByInterface, String source) {

    /** Whether the frames came through a dumpcap process rather than libpcap in this process. */
    public boolean throughDumpcap() {
        return "dumpcap".equals(source);
    }

    /**
     * One line for the user: {@code "lo: 9 frames captured; libpcap received 22 (...), dropped 0"}, or
     * through dumpcap {@code "lo: 9 frames captured; dumpcap received 11 (with wirelab's 2 readiness
     * datagrams), dropped 0"}.
     */
    public String text() {
        String probes = probeFrames > 0 ? "wirelab's " + probeFrames + " readiness datagrams" : "";
        String counted = !loopback ? ""
                : throughDumpcap() ? (probes.isEmpty() ? "" : " (with " + probes + ")")
                : " (lo counts each frame twice" + (probes.isEmpty() ? "" : ", and " + probes) + ")";
        return interfaceName + ": " + frames + (frames == 1 ? " frame" : " frames") + " captured; " + source
                + " received " + received + counted + ", dropped " + dropped
                + (droppedByInterface > 0 ? ", dropped by the interface " + droppedByInterface : "");
    }
}
