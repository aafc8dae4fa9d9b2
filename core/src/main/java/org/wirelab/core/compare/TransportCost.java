package org.wirelab.core.compare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.Transport;
import org.wirelab.core.summary.PacketTable;

/**
 * What one transport's traffic in a capture cost: its bytes layer by layer, its frames by
 * {@link FrameRole}, and its timing. Built from the capture alone, the same way for a live capture,
 * a simulated run or a file.
 *
 * @param resentPayload     payload bytes of {@link FrameRole#RETRANSMISSION} frames: on the wire, but not new
 * @param firstFrameNanos   timestamp of the transport's first frame (a SYN, or the first datagram)
 * @param firstPayloadNanos timestamp of the first frame that carries payload ({@code -1}: none)
 * @param lastPayloadNanos  timestamp of the last frame that carries new payload ({@code -1}: none)
 * @param lastFrameNanos    timestamp of the transport's last frame (a teardown ACK, or the last datagram)
 */
public record TransportCost(Transport transport, WireBytes bytes, Map<FrameRole, Long> roles, long resentPayload,
        long firstFrameNanos,
        long firstPayloadNanos, long lastPayloadNanos, long lastFrameNanos) {

    public TransportCost {
        EnumMap<FrameRole, Long> copy = new EnumMap<>(FrameRole.class);
        for (FrameRole role : FrameRole.values()) {
            copy.put(role, roles.getOrDefault(role, 0L));
        }
        roles = Collections.unmodifiableMap(copy);
    }

    /** The cost of every TCP (or every UDP) frame of the capture. */
    public static TransportCost of(CaptureAnalysis analysis, Transport transport) {
        FrameRoles frameRoles = FrameRoles.of(analysis);
        return of(analysis, frameRoles, transport);
    }

    static TransportCost of(CaptureAnalysis analysis, FrameRoles frameRoles, Transport transport) {
        FrameStore frames = analysis.frames();
        PacketTable table = analysis.packets();
        int protocol = transport == Transport.TCP ? PacketTable.TRANSPORT_TCP : PacketTable.TRANSPORT_UDP;
        WireBytes bytes = WireBytes.NONE;
        EnumMap<FrameRole, Long> roles = new EnumMap<>(FrameRole.class);
        long resent = 0;
        long first = -1;
        long firstPayload = -1;
        long lastPayload = -1;
        long last = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (table.transport(i) != protocol) {
                continue;
            }
            int network = table.transportOffset(i) - table.networkOffset(i);
            int header = protocol == PacketTable.TRANSPORT_TCP ? table.tcpHeaderLength(i) : 8;
            bytes = bytes.plus(frames.originalLength(i), table.networkOffset(i), network, header, table.payloadLength(i));
            FrameRole role = frameRoles.role(i);
            roles.merge(role, 1L, Long::sum);
            if (role == FrameRole.RETRANSMISSION) {
                resent += table.payloadLength(i);
            }
            long time = frames.timestampNanos(i);
            first = first < 0 ? time : first;
            last = time;
            if (table.payloadLength(i) > 0) {
                firstPayload = firstPayload < 0 ? time : firstPayload;
                if (role == FrameRole.DATA) {
                    lastPayload = time;
                }
            }
        }
        return new TransportCost(transport, bytes, roles, resent, first, firstPayload, lastPayload, last);
    }

    public long count(FrameRole role) {
        return roles.get(role);
    }

    /** Frames that carry no new application data: everything but {@link FrameRole#DATA}. */
    public long overheadFrames() {
        return bytes.frames() - count(FrameRole.DATA);
    }

    /** Application bytes delivered for the first time: the payload less what was sent again. */
    public long newPayload() {
        return bytes.payload() - resentPayload;
    }

    /** New payload bytes per wire byte, 0 to 1: what the application got for what the network carried. */
    public double efficiency() {
        return bytes.wire() == 0 ? 0 : (double) newPayload() / bytes.wire();
    }

    /** From the first frame to the first payload byte: what the handshake costs before data can flow. */
    public long timeToFirstPayloadNanos() {
        return firstPayloadNanos < 0 ? -1 : firstPayloadNanos - firstFrameNanos;
    }

    /** From the first frame to the last (teardown included). */
    public long completionNanos() {
        return lastFrameNanos - firstFrameNanos;
    }

    /** Payload bytes per second from the first frame to the last frame carrying new data; 0 without data. */
    public double throughputBytesPerSecond() {
        long span = lastPayloadNanos - firstFrameNanos;
        return lastPayloadNanos < 0 || span <= 0 ? 0 : newPayload() * 1e9 / span;
    }
}
