package org.wirelab.core.testing;

import java.time.Duration;
import java.util.function.Predicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.IcmpQuote;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.protocol.icmp.Icmp;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.summary.PacketTable;

/**
 * The frames a live capture has delivered so far, readable while it still runs (a FrameStore given to
 * the capture may be read only once it stopped), so that a test waits until the capture shows what it
 * needs (a connection's last ACK, an ICMP error) before stopping it, instead of waiting a fixed time
 * that a busy machine overruns. Its {@link #frame} has the shape of capture's FrameSink: pass
 * {@code seen::frame}.
 */
public final class FramesSeen {
    /** Long enough for a machine twenty times slower than a quiet one; a condition met returns at once. */
    public static final Duration WAIT = Duration.ofSeconds(60);
    /** RFC 792's code of destination unreachable for a port nothing listens on. */
    private static final int PORT_UNREACHABLE = 3;

    private final FrameStore frames = new FrameStore();

    /** Called on the capture's sink thread for each frame. */
    public void frame(long timestampNanos, int linkType, byte[] bytes, int offset, int capturedLength, int originalLength) {
        synchronized (frames) {
            frames.append(timestampNanos, linkType, bytes, offset, capturedLength, originalLength);
        }
    }

    /** The analysis of a copy of the frames delivered so far. */
    public CaptureAnalysis analysis() {
        FrameStore copy = new FrameStore();
        synchronized (frames) {
            for (int i = 0; i < frames.size(); i++) {
                copy.append(frames.frame(i));
            }
        }
        return CaptureAnalysis.of(copy);
    }

    /**
     * Waits until the frames delivered so far meet {@code condition}, at most {@link #WAIT}; then fails
     * saying {@code what} was never seen.
     */
    public void await(String what, Predicate<CaptureAnalysis> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(analysis())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the capture never showed " + what + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * At least {@code count} TCP connections with {@code port} at one end are over on the wire: reset, or
     * closed both ways (a FIN each way) with the last FIN acknowledged.
     */
    public static Predicate<CaptureAnalysis> tcpConnectionsOver(int port, int count) {
        return analysis -> {
            PacketTable packets = analysis.packets();
            ConversationIndex conversations = analysis.conversations();
            int over = 0;
            for (int stream = 0; stream < conversations.tcpStreamCount(); stream++) {
                if (connectionOver(packets, conversations, stream, port)) {
                    over++;
                }
            }
            return over >= count;
        };
    }

    private static boolean connectionOver(PacketTable packets, ConversationIndex conversations, int stream, int port) {
        boolean onPort = false;
        boolean clientFin = false;
        boolean serverFin = false;
        boolean lastFinAcknowledged = false;
        for (int i = 0; i < packets.size(); i++) {
            if (packets.transport(i) != PacketTable.TRANSPORT_TCP || conversations.tcpStream(i) != stream) {
                continue;
            }
            onPort |= packets.sourcePort(i) == port || packets.destinationPort(i) == port;
            int flags = packets.tcpFlags(i);
            if ((flags & Tcp.RST) != 0) {
                return onPort;
            }
            boolean fromClient = conversations.fromClient(i);
            if (clientFin && serverFin && (flags & Tcp.ACK) != 0) {
                // An ACK after both FINs, from the side that received the later one.
                lastFinAcknowledged = true;
            }
            if ((flags & Tcp.FIN) != 0) {
                lastFinAcknowledged = false;
                if (fromClient) {
                    clientFin = true;
                } else {
                    serverFin = true;
                }
            }
        }
        return onPort && clientFin && serverFin && lastFinAcknowledged;
    }

    /** An ICMP "port unreachable" answering a UDP datagram sent to {@code port}. */
    public static Predicate<CaptureAnalysis> portUnreachable(int port) {
        return analysis -> {
            FrameStore frames = analysis.frames();
            PacketTable packets = analysis.packets();
            for (int i = 0; i < packets.size(); i++) {
                if (packets.transport(i) != PacketTable.TRANSPORT_ICMP) {
                    continue;
                }
                int icmp = frames.offset(i) + packets.transportOffset(i);
                int quoted = IcmpQuote.quotedFrame(frames, packets, i);
                if (Icmp.type(frames.buffer(i), icmp) == Icmp.DESTINATION_UNREACHABLE
                        && Icmp.code(frames.buffer(i), icmp) == PORT_UNREACHABLE && quoted >= 0
                        && packets.transport(quoted) == PacketTable.TRANSPORT_UDP
                        && packets.destinationPort(quoted) == port) {
                    return true;
                }
            }
            return false;
        };
    }
}
