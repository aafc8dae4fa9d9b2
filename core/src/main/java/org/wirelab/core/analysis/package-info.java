/**
 * The fast-path analysis of a capture, after Wireshark 4.0's packet-tcp.c and packet-udp.c, over the
 * summary columns with no object per frame: {@link org.wirelab.core.analysis.ConversationIndex}
 * (tcp.stream, udp.stream, direction, relative sequence numbers, endpoints and client roles),
 * {@link org.wirelab.core.analysis.TcpSequenceAnalysis} (tcp.analysis.* events, duplicate-ACK
 * numbers, window scaling, the segment each ACK completes), and the facade
 * {@link org.wirelab.core.analysis.CaptureAnalysis#of(org.wirelab.core.frame.FrameStore)}.
 * Frame indices are 0-based (the frame number minus one). Tests compare every result with tshark.
 */
package org.wirelab.core.analysis;
