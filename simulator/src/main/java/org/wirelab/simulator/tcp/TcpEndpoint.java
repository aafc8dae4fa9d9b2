package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.engine.Event;
import org.wirelab.simulator.engine.Simulator;
import org.wirelab.simulator.net.Packet;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.simulator.net.SocketAddressText;

/**
 * One end of a simulated TCP connection, after RFC 9293: the three-way handshake with Linux's SYN
 * options, segmentation by MSS with Nagle's algorithm, cumulative and delayed ACKs, flow control with
 * window scaling, zero-window probes and window updates, retransmission timeout (RFC 6298) with
 * backoff, fast retransmit, loss recovery driven by SACK (RFC 2018, RFC 6675) with NewReno's
 * windows (RFC 5681; RFC 6582's recovery when the peer does not permit SACK), RACK-TLP loss
 * detection and tail loss probes (RFC 8985, {@link RackTlp}), D-SACK for duplicates (RFC 2883), a
 * FIN beyond a gap kept and SACKed until the gap fills, orderly close from either side (simultaneous
 * close included), TIME-WAIT, and resets. samples/reference holds real Linux captures of these
 * situations, and LinuxReferenceTest compares the simulator with them.
 *
 * <p>Where RFC 9293 leaves choices, it makes Linux's: writes are cut into segments as they are
 * written, at most half the peer's largest window each, with PSH where a write ends or more than half
 * a window has gone without one ({@link WriteQueue}); a send call takes time to copy its bytes and
 * holds the socket meanwhile; segments leave whole, short ones after Nagle with Minshall's change;
 * the receiver offers a window that grows by two segments a segment up to a clamp its buffer sets,
 * the buffer growing with what the application reads ({@link ReceiveWindow}), in whole segments when
 * there is no window scaling; it ACKs at once the first segments, then every second full one while
 * its offer keeps up, else from the reader's reads (tcp_cleanup_rbuf); and it probes a zero window
 * with an empty segment at SND.UNA - 1 (tcp_xmit_probe_skb).
 *
 * <p>This class is what the application sees (write, read, shutdown, close, abort) and ties the parts
 * together. The connection's whole state is in one {@link TransmissionControlBlock}; the work is done
 * by one class per job: {@link Handshake} (opening), {@link SegmentArrival} (RFC 9293 section 3.10.7,
 * with {@link AckArrival} for the ACK field and {@link DataArrival} for the text), {@link
 * Acknowledgments} (when to ACK, with {@link AckPolicy}'s heuristics), {@link SegmentSender} (what to
 * send and resend), {@link LossRecovery} (RACK-TLP, SACK recovery), {@link Timeouts} (retransmission
 * and persist timers), {@link Segments} and {@link WindowOffer} (what goes in each segment), and
 * {@link SendCalls} (the time a send call takes).
 */
public final class TcpEndpoint {
    final TcpStack stack;
    /** The stack's clock, held here: every segment asks the time several times. */
    private final Simulator simulator;
    TcpHandler handler;
    /** The connection's whole state, which the classes below read and write. */
    final TransmissionControlBlock tcb;
    private final SendSequence snd;
    private final ReceiveSequence rcv;
    private final TcpTimers timers;

    // What this endpoint does, each in its own class.
    final Handshake handshake;
    final SegmentArrival arrival;
    final DataArrival dataArrival;
    final AckArrival ackArrival;
    final LossRecovery recovery;
    final Timeouts timeouts;
    final SegmentSender sender;
    final Segments segments;
    final WindowOffer windowOffer;
    final Acknowledgments acknowledgments;
    final SendCalls sendCalls;

    TcpEndpoint(TcpStack stack, boolean ipv6, byte[] localAddress, int localPort, byte[] remoteAddress, int remotePort,
            boolean client, String name, TcpHandler handler) {
        this.stack = stack;
        this.simulator = stack.simulator();
        this.handler = handler == null ? new TcpHandler() { } : handler;
        this.tcb = new TransmissionControlBlock(stack, ipv6, localAddress, localPort, remoteAddress, remotePort, client,
                name, new TimerActions());
        this.snd = tcb.snd;
        this.rcv = tcb.rcv;
        this.timers = tcb.timers;
        this.handshake = new Handshake(this);
        this.arrival = new SegmentArrival(this);
        this.dataArrival = new DataArrival(this);
        this.ackArrival = new AckArrival(this);
        this.recovery = new LossRecovery(this);
        this.timeouts = new Timeouts(this);
        this.sender = new SegmentSender(this);
        this.segments = new Segments(this);
        this.windowOffer = new WindowOffer(this);
        this.acknowledgments = new Acknowledgments(this);
        this.sendCalls = new SendCalls(this);
    }

    /** Which class answers each timer. */
    private final class TimerActions implements TcpTimers.Actions {
        @Override
        public void retransmissionTimeout() {
            timeouts.onRetransmissionTimeout();
        }

        @Override
        public void reorderTimeout() {
            recovery.detectLoss();
            sender.output();
        }

        @Override
        public void lossProbeTimeout() {
            recovery.onLossProbeTimeout();
        }

        @Override
        public void delayedAckTimeout() {
            acknowledgments.delayedAckTimeout();
        }

        @Override
        public void persistTimeout() {
            timeouts.persistTimeout();
        }

        @Override
        public void timeWaitTimeout() {
            enter(TcpState.CLOSED);
        }

        @Override
        public void copiedIn() {
            sender.output();
        }

        @Override
        public void sendCallEnded() {
            sendCalls.endSendCall();
        }

        @Override
        public void keepAliveTimeout() {
            timeouts.keepAliveTimeout();
        }
    }

    // ---- what applications and observers see -------------------------------------------------

    /** The actor and side this endpoint belongs to, e.g. {@code client} or {@code server}. */
    public String name() {
        return tcb.name;
    }

    public TcpState state() {
        return tcb.state;
    }

    public int localPort() {
        return tcb.localPort;
    }

    public int remotePort() {
        return tcb.remotePort;
    }

    public void handler(TcpHandler newHandler) {
        this.handler = newHandler;
    }

    /** The congestion window, in bytes (RFC 5681 cwnd). */
    public long congestionWindow() {
        return tcb.congestion.congestionWindow();
    }

    /** The slow-start threshold in bytes; {@link Long#MAX_VALUE} until the first loss. */
    public long slowStartThreshold() {
        return tcb.congestion.slowStartThreshold();
    }

    /** The current retransmission timeout, in nanoseconds. */
    public long retransmissionTimeout() {
        return tcb.rtt.rto();
    }

    /** Segments (and SYNs, FINs) this endpoint has sent again. */
    public long retransmissions() {
        return tcb.retransmissions;
    }

    /** Bytes the application has read. */
    public long bytesRead() {
        return tcb.bytesRead;
    }

    /** Bytes the application has written. */
    public long bytesWritten() {
        return tcb.sendBuffer.end();
    }

    /** Bytes written and not yet acknowledged by the peer. */
    public long bytesUnacknowledged() {
        return tcb.sendBuffer.end() - Math.max(0, snd.una - 1);
    }

    /** Bytes waiting for the application to read them. */
    public long readable() {
        return rcv.buffer.readable();
    }

    /** True when the peer's FIN has arrived and everything before it has been read. */
    public boolean endOfStream() {
        return rcv.finReceived && rcv.buffer.readable() == 0;
    }

    /** Room in the send buffer. */
    public int writable() {
        return canSend() ? tcb.sendBuffer.space() : 0;
    }

    /** Writes up to {@code length} bytes of {@code source} from {@code offset}; returns how many were taken. */
    public int write(ByteSource source, long offset, int length) {
        if (!canSend()) {
            return 0;
        }
        long from = 1 + tcb.sendBuffer.end();
        int taken = tcb.sendBuffer.write(source, offset, length);
        sendCalls.written(from, taken);
        return taken;
    }

    /** Writes the whole array if it fits; returns how many bytes were taken. */
    public int write(byte[] bytes) {
        if (!canSend()) {
            return 0;
        }
        long from = 1 + tcb.sendBuffer.end();
        int taken = tcb.sendBuffer.write(bytes, 0, bytes.length);
        sendCalls.written(from, taken);
        return taken;
    }

    /** Reads up to {@code max} bytes, handing them to {@code reader} without copying; returns how many. */
    public long read(long max, StreamReader reader) {
        long before = windowOffer.windowToAdvertise();
        long read = rcv.buffer.read(max, reader);
        tcb.bytesRead += read;
        if (read > 0) {
            tcb.receiveWindow.applicationRead(tcb.bytesRead, rcv.buffer.readable(), now());
            acknowledgments.cleanupAfterRead(before);
        }
        return read;
    }

    /** Reads up to {@code max} bytes into a new array. */
    public byte[] read(int max) {
        byte[] out = new byte[(int) Math.min(max, rcv.buffer.readable())];
        int[] at = {0};
        read(out.length, (bytes, offset, length) -> {
            System.arraycopy(bytes, offset, out, at[0], length);
            at[0] += length;
        });
        return out;
    }

    /** Reads and drops up to {@code max} bytes (a sink that only counts); returns how many. */
    public long discard(long max) {
        return read(max, DISCARD);
    }

    private static final StreamReader DISCARD = (bytes, offset, length) -> { };

    /** The peer as text, {@code 127.0.0.1:51102} or {@code [::1]:51102}. */
    public String remoteText() {
        return SocketAddressText.of(tcb.remoteAddress, tcb.remotePort);
    }

    /** The local end as text. */
    public String localText() {
        return SocketAddressText.of(tcb.localAddress, tcb.localPort);
    }

    /** Reads everything readable into a new array. */
    public byte[] readAll() {
        byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 8, rcv.buffer.readable())];
        int[] at = {0};
        read(out.length, (bytes, offset, length) -> {
            System.arraycopy(bytes, offset, out, at[0], length);
            at[0] += length;
        });
        return out;
    }

    /**
     * Turns keep-alive on ({@code setsockopt(SO_KEEPALIVE)} with TCP_KEEPIDLE, TCP_KEEPINTVL and
     * TCP_KEEPCNT): the first probe goes once the connection has been idle for {@code options.idle()}.
     */
    public void keepAlive(KeepAlive options) {
        tcb.keepAlive = options;
        if (tcb.state == TcpState.ESTABLISHED) {
            // Counted from the last segment received, as Linux's tcp_set_keepalive does.
            long idle = now() - tcb.lastReceivedAt;
            timers.keepAlive.start(Math.max(0, options.idle().toNanos() - idle));
        }
    }

    /** Sends FIN after what is written, and goes on reading (a half-close, {@code shutdown(SHUT_WR)}). */
    public void shutdownOutput() {
        if (tcb.finQueued) {
            return;
        }
        if (sendCalls.inSendCall()) {
            // The program closes once its send calls have returned: by then their data has been pushed.
            tcb.shutdownAfterSendCalls = true;
            return;
        }
        switch (tcb.state) {
            case SYN_SENT, LISTEN, CLOSED -> {
                enter(TcpState.CLOSED);
                return;
            }
            case ESTABLISHED, SYN_RECEIVED -> {
                tcb.finQueued = true;
                enter(TcpState.FIN_WAIT_1);
            }
            case CLOSE_WAIT -> {
                tcb.finQueued = true;
                enter(TcpState.LAST_ACK);
            }
            default -> {
                return;
            }
        }
        sender.output();
    }

    /**
     * Closes as {@code close()} does: FIN after what is written; bytes that arrive afterwards, or are
     * still unread, make it reset the connection instead, as Linux does (RFC 2525 section 2.17).
     */
    public void close() {
        tcb.applicationClosed = true;
        if (rcv.buffer.readable() > 0 && tcb.state != TcpState.CLOSED) {
            abort();
            return;
        }
        shutdownOutput();
    }

    /** Resets the connection (RFC 9293 section 3.10.5, ABORT): RST, then CLOSED at once. */
    public void abort() {
        tcb.applicationClosed = true;
        if (tcb.state == TcpState.ESTABLISHED || tcb.state == TcpState.FIN_WAIT_1 || tcb.state == TcpState.FIN_WAIT_2
                || tcb.state == TcpState.CLOSE_WAIT || tcb.state == TcpState.SYN_RECEIVED) {
            Packet reset = segments.packet(Tcp.RST | Tcp.ACK, snd.nxt, Segments.EMPTY);
            segments.send(reset);
        }
        timers.stopAll();
        enter(TcpState.CLOSED);
    }

    private boolean canSend() {
        return !tcb.finQueued && (tcb.state == TcpState.ESTABLISHED || tcb.state == TcpState.CLOSE_WAIT
                || tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.SYN_RECEIVED);
    }

    // ---- state and notifications ---------------------------------------------------------------

    /** The scheduled wake-up of {@link #wakeApplication}: one event object for the connection's life. */
    private final Event wakeUp = this::wakeUp;

    /** The application hears of what happened once it has been scheduled ({@link TcpConfig#wakeup()}). */
    void wakeApplication() {
        if (!tcb.wakeupPending && (tcb.establishedPending || tcb.notifyReadable || tcb.notifyWritable)) {
            tcb.wakeupPending = true;
            simulator.schedule(tcb.config.wakeup().toNanos(), wakeUp);
        }
    }

    private void wakeUp() {
        tcb.wakeupPending = false;
        notifyApplication();
    }

    /** The RFC 9293 state changes; the stack records it (the scenario's state changes, the ladder). */
    void enter(TcpState next) {
        if (next == tcb.state) {
            return;
        }
        TcpState previous = tcb.state;
        tcb.state = next;
        if (next == TcpState.ESTABLISHED) {
            tcb.congestion.established(snd.nxt, now());
        }
        if (next == TcpState.SYN_SENT || next == TcpState.SYN_RECEIVED) {
            tcb.handshakeStart = now();
        }
        stack.stateChanged(this, previous, next);
    }

    /** The connection ended without an orderly close: the application hears why. */
    void fail(String reason) {
        handler.failed(this, reason);
    }

    private void notifyApplication() {
        if (tcb.establishedPending) {
            tcb.establishedPending = false;
            handler.established(this);
        }
        if (tcb.notifyReadable) {
            tcb.notifyReadable = false;
            handler.readable(this);
        }
        if (tcb.notifyWritable) {
            tcb.notifyWritable = false;
            if (canSend() && tcb.sendBuffer.space() > 0) {
                handler.writable(this);
            }
        }
    }

    /** The simulated time, in nanoseconds. */
    long now() {
        return simulator.now();
    }

    @Override
    public String toString() {
        return tcb.name + " " + tcb.localPort + "->" + tcb.remotePort + " " + tcb.state;
    }
}
