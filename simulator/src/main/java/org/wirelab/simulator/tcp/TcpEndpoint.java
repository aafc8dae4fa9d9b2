package org.wirelab.simulator.tcp;

import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;
import org.wirelab.simulator.net.Packet.Marks;
import org.wirelab.simulator.net.Packet.Tcp;
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
 * <p>Sequence variables are kept as offsets from the ISN in 64-bit arithmetic (the SYN is at 0, the
 * first data byte at 1), so they never wrap; the wire carries {@code (ISN + offset) mod 2^32}.
 */
public final class TcpEndpoint {
    private static final long MASK = SendSequence.MASK;
    private static final long NONE = SendSequence.NONE;

    private final TcpStack stack;
    private final TcpConfig config;
    private TcpHandler handler;
    /** The connection's whole state. */
    private final TransmissionControlBlock tcb;
    private final SendSequence snd;
    private final ReceiveSequence rcv;
    private final ConnectionOptions options;
    private final TcpTimers timers;

    TcpEndpoint(TcpStack stack, boolean ipv6, byte[] localAddress, int localPort, byte[] remoteAddress, int remotePort,
            boolean client, String name, TcpHandler handler) {
        this.stack = stack;
        this.config = stack.config();
        this.handler = handler == null ? new TcpHandler() { } : handler;
        this.tcb = new TransmissionControlBlock(stack, ipv6, localAddress, localPort, remoteAddress, remotePort, client,
                name, new TcpTimers.Actions() {
                    @Override
                    public void retransmissionTimeout() {
                        onRetransmissionTimeout();
                    }

                    @Override
                    public void reorderTimeout() {
                        detectLoss();
                        output();
                    }

                    @Override
                    public void lossProbeTimeout() {
                        onLossProbeTimeout();
                    }

                    @Override
                    public void delayedAckTimeout() {
                        TcpEndpoint.this.delayedAckTimeout();
                    }

                    @Override
                    public void persistTimeout() {
                        TcpEndpoint.this.persistTimeout();
                    }

                    @Override
                    public void timeWaitTimeout() {
                        enter(TcpState.CLOSED);
                    }

                    @Override
                    public void copiedIn() {
                        output();
                    }

                    @Override
                    public void sendCallEnded() {
                        endSendCall();
                    }
                });
        this.snd = tcb.snd;
        this.rcv = tcb.rcv;
        this.options = tcb.options;
        this.timers = tcb.timers;
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
        written(from, taken);
        return taken;
    }

    /** Writes the whole array if it fits; returns how many bytes were taken. */
    public int write(byte[] bytes) {
        if (!canSend()) {
            return 0;
        }
        long from = 1 + tcb.sendBuffer.end();
        int taken = tcb.sendBuffer.write(bytes, 0, bytes.length);
        written(from, taken);
        return taken;
    }

    // ---- send calls ----------------------------------------------------------------------------
    // A send call is not instantaneous: the kernel copies the bytes in, segment after segment, holding
    // the socket meanwhile. What it cuts and when each segment may leave is the write queue's; what
    // arrives during the call waits in the backlog; a second call starts when the first returns.

    /**
     * The application's send call took {@code taken} bytes from sequence offset {@code from}. It is
     * copied in now, or after the calls before it.
     */
    private void written(long from, int taken) {
        if (taken == 0) {
            return;
        }
        if (inSendCall()) {
            tcb.waitingCalls.addLast(new long[] {from, taken});
            return;
        }
        startSendCall(from, taken);
    }


    private boolean inSendCall() {
        return stack.simulator().now() < tcb.sendCallEnds;
    }

    /** The call's bytes join the write queue in segments of today's size goal (Linux's tcp_sendmsg). */
    private void startSendCall(long from, long length) {
        long now = stack.simulator().now();
        tcb.writeQueue.written(from, from + length, sendMss(), snd.maxWnd / 2, now, config.copyBytesPerSecond());
        long duration = length * 1_000_000_000L / config.copyBytesPerSecond();
        tcb.sendCallEnds = now + duration;
        if (duration > 0) {
            timers.sendCallEnd.start(duration);
        }
        output();
    }

    /**
     * The send call returns: its last segment is pushed (tcp_push), then the backlog is processed
     * (release_sock), so an ACK that came back during the call is seen only now; then the next call.
     */
    private void endSendCall() {
        output();
        while (!tcb.backlog.isEmpty()) {
            receive(tcb.backlog.pollFirst());
        }
        if (!tcb.waitingCalls.isEmpty()) {
            long[] call = tcb.waitingCalls.pollFirst();
            startSendCall(call[0], call[1]);
        } else if (tcb.shutdownAfterSendCalls) {
            tcb.shutdownAfterSendCalls = false;
            shutdownOutput();
        }
    }


    /** Reads up to {@code max} bytes, handing them to {@code reader} without copying; returns how many. */
    public long read(long max, StreamReader reader) {
        long before = windowToAdvertise();
        long read = rcv.buffer.read(max, reader);
        tcb.bytesRead += read;
        if (read > 0) {
            tcb.receiveWindow.applicationRead(tcb.bytesRead, rcv.buffer.readable(), stack.simulator().now());
            cleanupAfterRead(before);
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

    /** Sends FIN after what is written, and goes on reading (a half-close, {@code shutdown(SHUT_WR)}). */
    public void shutdownOutput() {
        if (tcb.finQueued) {
            return;
        }
        if (inSendCall()) {
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
        output();
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
            Packet reset = packet(Tcp.RST | Tcp.ACK, snd.nxt, EMPTY);
            send(reset);
        }
        stopTimers();
        enter(TcpState.CLOSED);
    }

    private boolean canSend() {
        return !tcb.finQueued && (tcb.state == TcpState.ESTABLISHED || tcb.state == TcpState.CLOSE_WAIT
                || tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.SYN_RECEIVED);
    }

    // ---- opening -------------------------------------------------------------------------------

    /** Active open (RFC 9293 section 3.10.1): sends SYN. */
    void connect() {
        enter(TcpState.SYN_SENT);
        sendSyn(false);
        timers.retransmission.start(tcb.rtt.rto());
    }

    /** Passive open: this endpoint was made by a listener for {@code syn} (section 3.10.7.2). */
    void acceptSyn(Packet syn) {
        enter(TcpState.LISTEN);
        rcv.irs = syn.sequenceNumber;
        rcv.buffer.accept(0, EMPTY);
        readSynOptions(syn);
        options.tsRecent = syn.timestampValue;
        snd.wnd = syn.window; // never scaled in a SYN (RFC 7323 section 2.2)
        snd.wl1 = 0;
        enter(TcpState.SYN_RECEIVED);
        sendSyn(true);
        timers.retransmission.start(tcb.rtt.rto());
    }

    private void readSynOptions(Packet syn) {
        if (syn.maximumSegmentSize > 0) {
            options.mss = Math.min(config.mss(tcb.ipv6), syn.maximumSegmentSize);
        } else {
            options.mss = Math.min(config.mss(tcb.ipv6), 536); // RFC 9293 section 3.7.1: the default send MSS
        }
        options.timestamps = syn.timestamps;
        options.sackPermitted = syn.sackPermitted;
        rcv.peerScales = syn.windowScale >= 0;
        if (rcv.peerScales) {
            snd.wscale = Math.min(14, syn.windowScale);
        } else {
            snd.wscale = 0;
            rcv.wscale = 0; // window scaling needs both sides (RFC 7323 section 2.2)
        }
        if (options.timestamps) {
            options.mss -= 12; // the timestamps option takes 12 bytes of each segment (with its 2 NOPs)
        }
        tcb.congestion.start(options.mss, config.initialWindowSegments());
    }

    private static final long DUPLICATE_SYN_QUIET = 500_000_000L;

    private void sendSyn(boolean withAck) {
        if (withAck) {
            tcb.lastSynAckAt = stack.simulator().now();
        }
        Packet syn = newPacket(EMPTY);
        syn.sequenceNumber = snd.iss;
        syn.acknowledgmentNumber = withAck ? rcv.wireNext() : 0;
        syn.flags = withAck ? Tcp.SYN | Tcp.ACK : Tcp.SYN;
        int mss = config.mss(tcb.ipv6);
        // Linux's first window: the buffer (at most 64 KiB unscaled), rounded down to a multiple of the
        // segments it expects: the MSS, less the timestamps option once both sides use it (SYN-ACK).
        int unit = withAck && options.timestamps ? mss - 12 : mss;
        int window = Math.min(config.receiveBuffer(), 65_535);
        if (window > unit) {
            window = window / unit * unit;
        }
        syn.window = window;
        tcb.receiveWindow.start(window, mss, stack.simulator().now());
        syn.maximumSegmentSize = mss;
        syn.sackPermitted = true;
        if (!withAck || options.timestamps) {
            syn.timestamps = true;
            syn.timestampValue = options.tsValue(stack.simulator().now());
            syn.timestampEchoReply = withAck ? options.tsRecent : 0;
        }
        if (!withAck || rcv.peerScales) {
            syn.windowScale = config.windowScale(); // a SYN-ACK answers an offer, even of a shift of 0
        }
        syn.relativeSequence = 0;
        if (snd.max > 0) {
            syn.marks |= Marks.RETRANSMISSION;
            tcb.retransmissions++;
        }
        snd.nxt = 1;
        snd.max = 1;
        rcv.advertisedEdge = withAck ? window : 0;
        tcb.lastAckSent = withAck ? syn.acknowledgmentNumber : NONE;
        send(syn);
    }

    // ---- segment arrival (RFC 9293 section 3.10.7) ---------------------------------------------

    void receive(Packet segment) {
        if (inSendCall()) {
            // The application's send call holds the socket while it copies (Linux's lock_sock): what
            // arrives meanwhile waits in the backlog until the call returns (release_sock).
            tcb.backlog.addLast(segment);
            return;
        }
        switch (tcb.state) {
            case CLOSED, LISTEN -> { }
            case SYN_SENT -> receiveInSynSent(segment);
            default -> receiveSynchronized(segment);
        }
        flushAcknowledgment();
        wakeApplication();
    }

    /** The application hears of what happened once it has been scheduled ({@link TcpConfig#wakeup()}). */
    private void wakeApplication() {
        if (!tcb.wakeupPending && (tcb.establishedPending || tcb.notifyReadable || tcb.notifyWritable)) {
            tcb.wakeupPending = true;
            stack.simulator().schedule(config.wakeup().toNanos(), () -> {
                tcb.wakeupPending = false;
                notifyApplication();
            });
        }
    }


    private void receiveInSynSent(Packet segment) {
        boolean ackOk = segment.has(Tcp.ACK) && segment.acknowledgmentNumber == ((snd.iss + 1) & MASK);
        if (segment.has(Tcp.RST)) {
            if (ackOk) {
                stopTimers();
                enter(TcpState.CLOSED);
                fail("refused: the SYN was answered by RST");
            }
            return;
        }
        if (segment.has(Tcp.SYN) && !segment.has(Tcp.ACK)) {
            simultaneousOpen(segment);
            return;
        }
        if (!segment.has(Tcp.SYN) || !ackOk) {
            return;
        }
        rcv.irs = segment.sequenceNumber;
        rcv.buffer.accept(0, EMPTY);
        readSynOptions(segment);
        options.tsRecent = segment.timestampValue;
        snd.una = 1;
        snd.wnd = segment.window;
        snd.maxWnd = snd.wnd;
        snd.wl1 = 0;
        snd.wl2 = 1;
        sampleRtt(1);
        timers.retransmission.stop();
        tcb.retries = 0;
        tcb.rtt.resetBackoff();
        rcv.advertisedEdge = 0;
        enter(TcpState.ESTABLISHED);
        tcb.ackNow = true;
        tcb.establishedPending = true;
    }

    /**
     * A SYN in SYN-SENT: the peer opened towards us at the same moment (RFC 9293 section 3.5, figure 8;
     * section 3.10.7.3, fourth check). Its sequence is synchronised, ours not yet: SYN-RECEIVED, and a
     * SYN-ACK that sends our SYN again with the acknowledgment of theirs.
     */
    private void simultaneousOpen(Packet syn) {
        rcv.irs = syn.sequenceNumber;
        readSynOptions(syn);
        options.tsRecent = syn.timestampValue;
        snd.wnd = syn.window; // never scaled in a SYN (RFC 7323 section 2.2)
        snd.maxWnd = snd.wnd;
        snd.wl1 = 0;
        enter(TcpState.SYN_RECEIVED);
        sendSyn(true);
        timers.retransmission.start(tcb.rtt.rto());
    }

    /**
     * In SYN-RECEIVED after a simultaneous open, the peer's own SYN-ACK: it carries the SYN already
     * acknowledged and the acknowledgment of ours. Linux lets it through (tcp_validate_incoming)
     * where any other SYN in a synchronized state gets a challenge ACK; figure 8 of RFC 9293, line 6.
     */
    private boolean crossingSynAck(Packet segment, long seq) {
        return tcb.state == TcpState.SYN_RECEIVED && tcb.client && segment.has(Tcp.SYN) && segment.has(Tcp.ACK)
                && seq + 1 == rcv.next() && snd.unwrap(segment.acknowledgmentNumber) == snd.nxt;
    }


    private void receiveSynchronized(Packet segment) {
        long seq = rcv.unwrap(segment.sequenceNumber);
        int length = segment.payload.length;
        boolean crossing = crossingSynAck(segment, seq);
        // First: is the segment acceptable (section 3.10.7.4, the four cases)?
        long window = rcv.advertisedEdge - rcv.next();
        boolean acceptable;
        if (crossing) {
            acceptable = true;
        } else if (length == 0) {
            acceptable = window == 0 ? seq == rcv.next() : seq >= rcv.next() && seq < rcv.next() + Math.max(window, 1);
        } else {
            acceptable = window > 0 && (seq < rcv.next() + window && seq + length > rcv.next());
        }
        if (segment.has(Tcp.SYN) && !segment.has(Tcp.ACK) && tcb.state == TcpState.SYN_RECEIVED) {
            // The client's SYN again: our SYN-ACK was lost or is late. Answer at once, as Linux does
            // (tcp_check_req), even if our own timer has just resent it; but answer SYNs at most once
            // within tcp_invalid_ratelimit (500 ms, tcp_oow_rate_limited). The timer keeps its course.
            if (stack.simulator().now() - tcb.lastSynAnswerAt < DUPLICATE_SYN_QUIET) {
                return;
            }
            tcb.lastSynAnswerAt = stack.simulator().now();
            sendSyn(true);
            return;
        }
        if (!acceptable) {
            if (segment.has(Tcp.RST)) {
                return;
            }
            if (rcv.finReceived && seq == rcv.next() - 1 && length == 0 && segment.has(Tcp.FIN)) {
                acceptable = true; // a retransmitted FIN: acknowledge it again below
            } else {
                tcb.ackNow = true; // an unacceptable segment is answered by an ACK (section 3.10.7.4)
                if (length > 0 && seq + length <= rcv.next() && options.sackPermitted) {
                    // Every byte of it had arrived already: say so with a D-SACK (RFC 2883 section 4).
                    tcb.duplicateReport = new long[] {seq - 1, seq - 1 + length};
                }
                if (!segment.has(Tcp.ACK)) {
                    return;
                }
                processAck(segment, false);
                return;
            }
        }
        if (segment.has(Tcp.RST)) {
            stopTimers();
            enter(TcpState.CLOSED);
            fail("reset by the peer (RST)");
            return;
        }
        if (segment.has(Tcp.SYN) && !crossing) {
            tcb.ackNow = true; // RFC 5961 section 4: a challenge ACK
            return;
        }
        if (!segment.has(Tcp.ACK)) {
            return;
        }
        if (options.timestamps && segment.timestamps && seq <= rcv.next()) {
            options.tsRecent = segment.timestampValue;
        }
        if (tcb.state == TcpState.SYN_RECEIVED) {
            if (snd.unwrap(segment.acknowledgmentNumber) != 1) {
                return;
            }
            snd.una = 1;
            snd.wl1 = seq;
            snd.wl2 = 1;
            snd.wnd = (long) segment.window << (segment.has(Tcp.SYN) ? 0 : snd.wscale);
            snd.maxWnd = snd.wnd;
            sampleRtt(1);
            timers.retransmission.stop();
            tcb.retries = 0;
            tcb.rtt.resetBackoff();
            enter(TcpState.ESTABLISHED);
            stack.established(this);
            tcb.establishedPending = true;
        }
        if (!processAck(segment, true)) {
            return;
        }
        if (length > 0) {
            receiveData(seq, segment);
        }
        if (rcv.finAhead != NONE && !rcv.finReceived && rcv.next() == rcv.finAhead) {
            // The gap before a FIN that came out of order has filled: the FIN counts now, and the ACK
            // that says so leaves at once, as for any segment that fills a gap.
            rcv.finAhead = NONE;
            receiveFin();
            tcb.ackNow = true;
        }
        if (segment.has(Tcp.FIN) && seq + length == rcv.next() && !rcv.finReceived) {
            receiveFin();
        } else if (segment.has(Tcp.FIN) && rcv.finReceived) {
            tcb.ackNow = true;
        } else if (segment.has(Tcp.FIN) && seq + length > rcv.next()) {
            // A FIN beyond a gap: kept, as Linux keeps it in its out-of-order queue, and SACKed; the
            // state changes only when the gap fills (RFC 9293 section 3.10.7.4, eighth check).
            rcv.finAhead = seq + length;
            tcb.ackNow = true;
        }
    }


    /** Processes the ACK field (section 3.10.7.4, fifth check); false when the segment must be dropped. */
    private boolean processAck(Packet segment, boolean acceptable) {
        long ack = snd.unwrap(segment.acknowledgmentNumber);
        if (ack > snd.max) {
            tcb.ackNow = true; // acknowledges something not yet sent
            return false;
        }
        long window = (long) segment.window << (segment.has(Tcp.SYN) ? 0 : snd.wscale);
        boolean pureAck = segment.payload.length == 0 && (segment.flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) == 0;
        if (options.sackPermitted && segment.sackBlocks != null) {
            readSackBlocks(segment.sackBlocks, ack);
        }
        if (ack > snd.una) {
            newAck(ack);
        } else if (ack == snd.una && pureAck && window == snd.wnd && snd.max > snd.una && acceptable) {
            duplicateAck();
        }
        if (options.sackPermitted && tcb.state != TcpState.CLOSED) {
            detectLoss();
        }
        long seq = rcv.unwrap(segment.sequenceNumber);
        // Window update rule (section 3.10.7.4): only a segment newer than the last one used.
        if (snd.wl1 < seq || (snd.wl1 == seq && snd.wl2 <= ack)) {
            boolean opened = snd.wnd == 0 && window > 0;
            snd.wnd = window;
            snd.maxWnd = Math.max(snd.maxWnd, window);
            snd.wl1 = seq;
            snd.wl2 = ack;
            if (opened) {
                timers.persist.stop();
                tcb.probes = 0;
                if (snd.nxt < snd.una) {
                    snd.nxt = snd.una;
                }
            }
        }
        finAcknowledged();
        output();
        return tcb.state != TcpState.CLOSED;
    }

    private void newAck(long ack) {
        long acked = ack - snd.una;
        long roundTrip = tcb.rack.delivered(snd.una, ack, stack.simulator().now());
        tcb.rack.acknowledged(ack);
        tcb.probeOutstanding = false;
        snd.una = ack;
        snd.max = Math.max(snd.max, ack); // a probe's byte accepted
        if (snd.nxt < snd.una) {
            snd.nxt = snd.una; // acknowledges a window probe or what a timeout had us resend
        }
        tcb.sendBuffer.release(Math.max(0, snd.una - 1));
        tcb.scoreboard.acknowledged(snd.una);
        sampleRtt(ack);
        tcb.retries = 0;
        tcb.rtt.resetBackoff();
        if (tcb.congestion.newAck(ack, acked, snd.flightSize(), snd.nxt, roundTrip, stack.simulator().now())) {
            retransmitFirst(false); // NewReno: a partial ACK, the next hole is lost too
        }
        if (snd.una == snd.max) {
            timers.retransmission.stop(); // RFC 6298 section 5.2
            timers.lossProbe.stop();
        } else {
            timers.retransmission.start(tcb.rtt.rto()); // section 5.3
            scheduleLossProbe(true);
        }
        tcb.notifyWritable = true;
    }

    /**
     * A duplicate ACK. The third, or with SACK enough SACKed above SND.UNA to presume it lost (RFC 6675
     * section 5, step 4), starts a recovery with a fast retransmit of the first unacknowledged segment
     * (RFC 5681 section 3.2); with SACK the rest of the recovery is {@link #sendDuringRecovery}'s.
     */
    private void duplicateAck() {
        int duplicates = tcb.congestion.duplicateAck();
        boolean presumedLost = options.sackPermitted && tcb.scoreboard.isLost(snd.una, options.mss);
        if ((duplicates >= SackScoreboard.DUP_THRESH || presumedLost) && tcb.congestion.mayStartRecovery(snd.una)) {
            tcb.congestion.enterRecovery(snd.flightSize(), snd.max, options.sackPermitted);
            tcb.undoRetransmissions = 0;
            tcb.highRxt = snd.una;
            // A fast retransmission as a capture shows it: after duplicate ACKs. One ACK whose SACK blocks
            // cover three segments (a receiver that ACKs a burst at once) starts the same recovery, but
            // its retransmission is a plain one to tshark.
            retransmit(snd.una, duplicates >= 2);
        }
    }

    /**
     * RACK (RFC 8985 section 6.2): the segments sent before one that has been delivered, and not
     * delivered a reordering window later, are lost; the first loss starts a recovery, in which they
     * are sent again first (RFC 6675's NextSeg finds them). Otherwise the reorder timer looks again.
     */
    private void detectLoss() {
        long window = tcb.rack.reorderingWindow(tcb.congestion.inRecovery(), tcb.scoreboard.sackedSegments(options.mss),
                tcb.rtt.srtt());
        RackTlp.Verdict verdict = tcb.rack.detect(stack.simulator().now(), window, tcb.scoreboard);
        for (long[] lost : verdict.lost()) {
            tcb.scoreboard.markLost(lost[0], lost[1]);
        }
        if (!verdict.lost().isEmpty() && !tcb.congestion.inRecovery() && tcb.congestion.mayStartRecovery(snd.una)) {
            tcb.congestion.enterRecovery(snd.flightSize(), snd.max, true);
            tcb.undoRetransmissions = 0;
            tcb.highRxt = snd.una;
            timers.lossProbe.stop();
            if (!timers.retransmission.running()) {
                timers.retransmission.start(tcb.rtt.rto());
            }
        }
        if (verdict.lookAgainIn() > 0) {
            timers.reorder.start(verdict.lookAgainIn());
        } else {
            timers.reorder.stop();
        }
    }

    /**
     * Arms the tail loss probe (RFC 8985 section 7.2, Linux's tcp_schedule_loss_probe) in place of the
     * retransmission timer: only with SACK, outside any recovery, before any SACK, one probe per tail.
     */
    private void scheduleLossProbe(boolean ackAdvanced) {
        long oldest = tcb.rack.oldestSentAt();
        if (!options.sackPermitted || tcb.congestion.inRecovery() || !tcb.scoreboard.isEmpty() || tcb.probeOutstanding
                || tcb.rtt.srtt() == 0 || oldest < 0 || snd.una == snd.max) {
            return;
        }
        // No later than the RTO: a whole one from now after an ACK that advanced SND.UNA (which restarts
        // it, RFC 6298 section 5.3), else counted from the oldest segment's sending (tcp_rto_delta_us).
        long rtoIn = ackAdvanced ? tcb.rtt.rto() : oldest + tcb.rtt.rto() - stack.simulator().now();
        int segments = tcb.rack.segmentsInFlight();
        if (segments > 1 && tcb.finQueued && tcb.rack.lastSegmentStart() == finSequence()) {
            // A bare FIN right behind the last data is counted with it, so the probe leaves room for a
            // delayed ACK. Linux counts two segments and probes after 2 SRTT + 8 ms; the simulated
            // chat's clients delay their ACKs where Linux's did not (FidelityTest), and would see a probe
            // that the real run did not have. Listed among the differences in samples/README.md.
            segments--;
        }
        timers.retransmission.stop();
        timers.lossProbe.start(tcb.rack.probeTimeout(tcb.rtt.srtt(), segments, rtoIn));
    }

    /**
     * The probe timer expired (RFC 8985 section 7.3): new data if the windows let one segment go, else
     * the last segment sent, again; then the retransmission timer runs as usual.
     */
    private void onLossProbeTimeout() {
        if (snd.una == snd.max || tcb.state == TcpState.CLOSED) {
            return;
        }
        tcb.probeOutstanding = true;
        long before = snd.max;
        long dataEnd = 1 + tcb.sendBuffer.end();
        if (snd.nxt == snd.max) {
            sendNew(dataEnd, snd.una + snd.wnd - snd.nxt);
        }
        if (snd.max == before) {
            long last = Math.max(snd.una, tcb.rack.lastSegmentStart());
            retransmit(last, false);
        }
        timers.retransmission.start(tcb.rtt.rto());
    }

    /**
     * The SACK blocks of an ACK of {@code ack} (RFC 2018), into the scoreboard; blocks outside what was
     * sent and not acknowledged (old ones, a D-SACK) tell nothing new.
     */
    private void readSackBlocks(long[] blocks, long ack) {
        long wireUna = (snd.iss + snd.una) & MASK;
        if (blocks.length >= 2) {
            long start = snd.una + (int) (blocks[0] - wireUna);
            long end = snd.una + (int) (blocks[1] - wireUna);
            boolean inSecond = blocks.length >= 4 && start >= snd.una + (int) (blocks[2] - wireUna)
                    && end <= snd.una + (int) (blocks[3] - wireUna);
            if (end <= ack || inSecond) {
                duplicateReported();
            }
        }
        for (int i = 0; i + 1 < blocks.length; i += 2) {
            long start = snd.una + (int) (blocks[i] - wireUna);
            long end = snd.una + (int) (blocks[i + 1] - wireUna);
            if (start >= ack && end <= snd.max) {
                tcb.scoreboard.add(start, end);
                tcb.rack.delivered(start, end, stack.simulator().now());
            }
        }
    }

    /**
     * A D-SACK (RFC 2883): the receiver got something twice. When every segment the last recovery
     * sent again is reported so, the recovery was needless (reordering, or a duplicate): its window
     * reduction is undone (RFC 3708 section 3.2, as Linux's tcp_try_undo_dsack).
     */
    private void duplicateReported() {
        if (tcb.undoRetransmissions > 0 && --tcb.undoRetransmissions == 0) {
            tcb.congestion.undo();
            tcb.undoRetransmissions = -1;
        }
    }

    /**
     * Loss recovery with SACK (RFC 6675 section 5): while the congestion window holds more than what
     * is in the network ({@code pipe}) by a segment, send the next segment presumed lost, or else new
     * data (NextSeg rules 1 and 2).
     */
    private void sendDuringRecovery() {
        while (true) {
            long pipe = tcb.scoreboard.pipe(snd.una, snd.max, tcb.highRxt, options.mss);
            long room = tcb.congestion.congestionWindow() - pipe;
            if (room < options.mss) {
                return;
            }
            long lost = tcb.scoreboard.nextLost(Math.max(tcb.highRxt, snd.una), snd.max, options.mss);
            if (lost >= 0) {
                retransmit(lost, false);
                continue;
            }
            if (snd.nxt != snd.max || !sendNew(1 + tcb.sendBuffer.end(), room)) {
                return;
            }
        }
    }


    private void finAcknowledged() {
        boolean finAcked = tcb.finQueued && snd.una == finSequence() + 1;
        if (!finAcked) {
            return;
        }
        switch (tcb.state) {
            case FIN_WAIT_1 -> enter(TcpState.FIN_WAIT_2);
            case CLOSING -> enterTimeWait();
            case LAST_ACK -> {
                stopTimers();
                enter(TcpState.CLOSED);
                handler.closed(this);
            }
            default -> { }
        }
    }

    private void receiveData(long seq, Packet segment) {
        if (tcb.state != TcpState.ESTABLISHED && tcb.state != TcpState.FIN_WAIT_1 && tcb.state != TcpState.FIN_WAIT_2) {
            return;
        }
        if (tcb.applicationClosed) {
            // Nobody will read these bytes: Linux answers with a reset (RFC 2525 section 2.17).
            abort();
            return;
        }
        byte[] payload = segment.payload;
        measureRoundTrip(segment);
        boolean hadGap = rcv.buffer.hasGap();
        if (options.sackPermitted && rcv.buffer.holdsAhead(seq - 1, payload.length)) {
            // A second copy of data held beyond the gap: a D-SACK for it, then the SACK block that holds
            // it (RFC 2883 section 4.1.2), as Linux's tcp_data_queue_ofo does.
            tcb.duplicateReport = new long[] {seq - 1, seq - 1 + payload.length};
        }
        boolean moved = rcv.buffer.accept(seq - 1, payload);
        if (!moved) {
            tcb.ackNow = true; // out of order or a duplicate: ACK at once (RFC 5681 section 4.2)
            return;
        }
        tcb.notifyReadable = true;
        // Linux's tcp_event_data_recv: learn the sender's segment size, start or restart quick ACKs,
        // let the window grow.
        if (tcb.acks.measure(segment, options.timestamps)) {
            tcb.receiveWindow.segmentMeasured(payload.length);
        }
        long now = stack.simulator().now();
        tcb.acks.dataArrived(now, tcb.rtt.rto(), rcv.wnd);
        tcb.receiveWindow.dataArrived(rcv.next(), rcv.wnd, now);
        if (tcb.receiveWindow.grow(payload.length, config.mss(tcb.ipv6), rcv.buffer.readable() + rcv.buffer.aheadBytes())) {
            tcb.acks.windowGrew(); // a growing window is announced at once
        }
        boolean quick = tcb.acks.quick();
        // __tcp_ack_snd_check: more than one full segment since the last ACK, and the window it would
        // announce is no smaller (otherwise the reader's next read sends it, tcp_cleanup_rbuf).
        boolean segmentsOwed = rcv.next() - rcv.wup > tcb.acks.rcvMss() && windowToAdvertise() >= rcv.wnd;
        if (hadGap || quick || segmentsOwed) {
            // A gap filled, a quick ACK, or a second full-sized segment (RFC 9293 section 3.8.6.3): no delay.
            tcb.ackNow = true;
            if (quick) {
                tcb.acks.quickAckUsed();
            }
        } else if (!timers.delayedAck.running()) {
            timers.delayedAck.start(config.delayedAck().toNanos());
        }
    }

    /**
     * Linux's tcp_rcv_rtt_measure_ts: a data segment of a full MSS that echoes a timestamp not echoed
     * before measures the receiver's round trip, in whole milliseconds (none when under one).
     */
    private void measureRoundTrip(Packet segment) {
        if (!options.timestamps || !segment.timestamps || segment.timestampEchoReply == tcb.lastEchoForRtt) {
            return;
        }
        tcb.lastEchoForRtt = segment.timestampEchoReply;
        long elapsedMillis = (options.tsValue(stack.simulator().now()) - segment.timestampEchoReply) & MASK;
        if (segment.payload.length >= tcb.acks.rcvMss() && elapsedMillis > 0 && elapsedMillis < (1L << 31)) {
            tcb.receiveWindow.roundTrip(elapsedMillis * 1_000_000, rcv.buffer.readable() == 0);
        }
    }

    private void receiveFin() {
        rcv.finReceived = true;
        tcb.notifyReadable = true;
        switch (tcb.state) {
            case ESTABLISHED -> {
                enter(TcpState.CLOSE_WAIT);
                // Acknowledged after a short delay, so a program that closes at once sends FIN+ACK together.
                if (!timers.delayedAck.running()) {
                    timers.delayedAck.start(config.delayedAck().toNanos());
                }
            }
            case FIN_WAIT_1 -> {
                enter(TcpState.CLOSING); // simultaneous close (section 3.6, figure 13)
                tcb.ackNow = true;
            }
            case FIN_WAIT_2 -> {
                enterTimeWait();
                tcb.ackNow = true;
            }
            default -> tcb.ackNow = true;
        }
    }

    private void enterTimeWait() {
        stopTimers();
        enter(TcpState.TIME_WAIT);
        timers.timeWait.start(config.timeWait().toNanos());
        handler.closed(this);
    }

    // ---- sending -------------------------------------------------------------------------------

    /**
     * Sends what the windows allow (RFC 9293 section 3.8.6, RFC 5681), then FIN when queued: first
     * what a timeout has us send again, cut at the MSS, then the write queue's segments, each whole,
     * as Linux's tcp_write_xmit does.
     */
    private void output() {
        if (tcb.state == TcpState.CLOSED || tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.SYN_RECEIVED
                || tcb.state == TcpState.TIME_WAIT || tcb.state == TcpState.LISTEN) {
            return;
        }
        long dataEnd = 1 + tcb.sendBuffer.end();
        long sentBefore = tcb.retransmissions + snd.max;
        if (tcb.congestion.inSackRecovery()) {
            sendDuringRecovery();
        } else {
            while (snd.nxt < snd.max && sendAgain(dataEnd)) {
                // go-back-N after a timeout, as far as the windows allow
            }
            while (snd.nxt == snd.max && sendNew(dataEnd, snd.una + tcb.congestion.congestionWindow() - snd.nxt)) {
                // the write queue, segment by segment
            }
        }
        tcb.congestion.sent(tcb.retransmissions + snd.max != sentBefore, snd.flightSize(), snd.una, snd.nxt);
        if (dataEnd > snd.nxt && snd.nxt == snd.una && snd.nxt == snd.max && !timers.persist.running() && !inSendCall()) {
            // Data waits, nothing is in flight to bring an ACK: the window is closed (or too small for
            // the next segment), and only the persist timer will move things on (section 3.8.6.1 and
            // 3.8.6.2.1).
            timers.retransmission.stop();
            timers.persist.start(tcb.rtt.persistInterval(tcb.probes));
        }
    }

    /** Sends again, after a timeout, the segment at SND.NXT below SND.MAX; false when the windows are full. */
    private boolean sendAgain(long dataEnd) {
        snd.nxt = Math.min(snd.max, tcb.scoreboard.sackedUpTo(snd.nxt)); // the receiver has these already
        if (snd.nxt == snd.max) {
            return false;
        }
        long room = snd.una + Math.min(snd.wnd, tcb.congestion.congestionWindow()) - snd.nxt;
        long unsent = Math.min(Math.min(dataEnd, snd.max), tcb.scoreboard.nextSackedStart(snd.nxt)) - snd.nxt;
        long length = Math.max(0, Math.min(Math.min(unsent, room), sendMss()));
        boolean fin = tcb.finQueued && snd.nxt + length == dataEnd && snd.max > dataEnd;
        if (length == 0 && !fin) {
            return false;
        }
        transmit(snd.nxt, (int) length, fin, snd.nxt + length == dataEnd);
        snd.nxt += length + (fin ? 1 : 0);
        return !fin;
    }

    /**
     * Sends the write queue's oldest segment, with FIN if it is the last and the application has
     * closed, or FIN alone; false when it must wait. A segment leaves whole: if the send window
     * (tcp_snd_wnd_test) or the congestion window cannot take all of it, it waits. A segment shorter
     * than the MSS waits too while an earlier short one is unacknowledged: Nagle's algorithm (RFC 896)
     * with Minshall's change, as Linux has it (tcp_nagle_check, tcp_minshall_check).
     */
    private boolean sendNew(long dataEnd, long congestionRoom) {
        tcb.writeQueue.sentUpTo(snd.nxt);
        if (tcb.writeQueue.isEmpty()) {
            if (tcb.finQueued && snd.nxt == dataEnd) {
                transmit(snd.nxt, 0, true, false); // FIN needs no window
                snd.nxt++;
            }
            return false;
        }
        long notYet = tcb.writeQueue.firstReadyAt() - stack.simulator().now();
        if (notYet > 0) {
            if (!timers.copied.running()) {
                timers.copied.start(notYet); // still being copied in: it leaves once full
            }
            return false;
        }
        int length = tcb.writeQueue.firstLength();
        boolean fin = tcb.finQueued && tcb.writeQueue.firstIsLast() && snd.nxt + length == dataEnd;
        long room = Math.min(snd.una + snd.wnd - snd.nxt, congestionRoom);
        if (length > room) {
            return false;
        }
        boolean shortSegment = length < sendMss();
        if (shortSegment && !fin && config.nagle() && snd.nxt > snd.una && snd.sml > snd.una) {
            return false;
        }
        transmit(snd.nxt, length, fin, tcb.writeQueue.firstPushed());
        tcb.writeQueue.removeFirst();
        snd.nxt += length + (fin ? 1 : 0);
        if (shortSegment) {
            snd.sml = snd.nxt;
        }
        return !fin;
    }

    /**
     * The largest segment to send: the MSS, but at most half the largest window the peer has offered,
     * as Linux's tcp_bound_to_half_wnd does (sender silly window avoidance, RFC 9293 section 3.8.6.2.1),
     * which on a loopback with a 64 KiB first window halves its 65483-byte MSS.
     */
    private int sendMss() {
        long cutoff = snd.maxWnd > 536 ? snd.maxWnd / 2 : snd.maxWnd;
        return cutoff > 0 && options.mss > cutoff ? (int) Math.max(cutoff, 68 - 32) : options.mss;
    }

    private long finSequence() {
        return 1 + tcb.sendBuffer.end();
    }

    /** Sends the segment at sequence offset {@code from}: {@code length} data bytes, then FIN if asked. */
    private void transmit(long from, int length, boolean fin, boolean push) {
        byte[] data = length == 0 ? EMPTY : tcb.sendBuffer.copy(from - 1, length);
        int flags = Tcp.ACK;
        if (fin) {
            flags |= Tcp.FIN;
        }
        if (length > 0 && push) {
            flags |= Tcp.PSH;
        }
        Packet segment = packet(flags, from, data);
        long end = from + length + (fin ? 1 : 0);
        boolean again = from < snd.max;
        if (again) {
            segment.marks |= Marks.RETRANSMISSION;
            tcb.retransmissions++;
        } else {
            if (length > 0) {
                tcb.acks.dataSent(stack.simulator().now()); // an answer to what just arrived?
            }
            if (tcb.timedSequence == NONE) {
                tcb.timedSequence = end; // Karn: time only a segment sent once
                tcb.timedAt = stack.simulator().now();
            }
        }
        snd.max = Math.max(snd.max, end);
        send(segment);
        tcb.rack.sent(from, end, stack.simulator().now(), again);
        if (!timers.retransmission.running() && !timers.lossProbe.running()) {
            timers.retransmission.start(tcb.rtt.rto());
        }
        if (!again) {
            scheduleLossProbe(false);
        }
    }

    /** Resends the first unacknowledged segment (NewReno's next hole after a partial ACK). */
    private void retransmitFirst(boolean fast) {
        retransmit(snd.una, fast);
    }

    /**
     * Resends a segment from {@code from}: up to an MSS, not beyond the next SACKed range; the fast
     * retransmission is the first of a recovery. Moves HighRxt (RFC 6675).
     */
    private void retransmit(long from, boolean fast) {
        long dataEnd = 1 + tcb.sendBuffer.end();
        long upTo = Math.min(Math.min(dataEnd, snd.max), tcb.scoreboard.nextSackedStart(from));
        int length = (int) Math.min(sendMss(), Math.max(0, upTo - from));
        // The FIN goes again with the last bytes, unless the receiver has SACKed it (it came out of order).
        boolean fin = tcb.finQueued && from + length == dataEnd && snd.max > dataEnd && !tcb.scoreboard.isSacked(dataEnd);
        if (length == 0 && !fin) {
            return;
        }
        byte[] data = length == 0 ? EMPTY : tcb.sendBuffer.copy(from - 1, length);
        // PSH again where the bytes end what was written, as the original had it.
        int push = length > 0 && from + length == dataEnd ? Tcp.PSH : 0;
        Packet segment = packet(Tcp.ACK | push | (fin ? Tcp.FIN : 0), from, data);
        segment.marks |= Marks.RETRANSMISSION | (fast ? Marks.FAST_RETRANSMISSION : 0);
        tcb.retransmissions++;
        if (tcb.timedSequence != NONE && tcb.timedSequence > from) {
            tcb.timedSequence = NONE; // Karn's algorithm: a retransmitted range gives no RTT sample
        }
        tcb.highRxt = Math.max(tcb.highRxt, from + length + (fin ? 1 : 0));
        if (tcb.undoRetransmissions >= 0) {
            tcb.undoRetransmissions++;
        }
        send(segment);
        tcb.rack.sent(from, from + length + (fin ? 1 : 0), stack.simulator().now(), true);
        if (!timers.retransmission.running()) {
            timers.retransmission.start(tcb.rtt.rto());
        }
    }

    private void onRetransmissionTimeout() {
        tcb.retries++;
        if (tcb.ipv6) {
            // Linux draws a new txhash after a timeout (tcp_write_timeout, sk_rethink_txhash with
            // net.core.txrehash = 1), so that a path that lost the packets may be left: the flow label,
            // made from it (auto_flowlabels), changes.
            tcb.flowLabel = (int) (stack.randomIsn() & 0xfffff);
        }
        tcb.rtt.backOff();
        tcb.timedSequence = NONE;
        switch (tcb.state) {
            case SYN_SENT -> {
                if (tcb.retries > config.synRetries()) {
                    giveUp("no answer to " + (tcb.retries) + " SYNs: the connection timed out");
                    return;
                }
                sendSyn(false);
                timers.retransmission.start(tcb.rtt.rto());
            }
            case SYN_RECEIVED -> {
                if (tcb.retries > config.synAckRetries()) {
                    giveUp("no ACK to " + tcb.retries + " SYN-ACKs");
                    return;
                }
                sendSyn(true);
                timers.retransmission.start(tcb.rtt.rto());
            }
            default -> {
                if (snd.una == snd.max) {
                    return;
                }
                if (tcb.retries > config.dataRetries()) {
                    giveUp("no acknowledgment after " + config.dataRetries() + " retransmissions: the connection timed out");
                    return;
                }
                // Start again from one segment, resending everything not acknowledged (go-back-N).
                tcb.congestion.timeout(snd.flightSize(), tcb.retries > 1, snd.max, snd.max, stack.simulator().now());
                tcb.undoRetransmissions = -1;
                snd.nxt = snd.una;
                transmitAgainAfterTimeout();
                timers.retransmission.start(tcb.rtt.rto());
            }
        }
    }

    private void transmitAgainAfterTimeout() {
        long dataEnd = 1 + tcb.sendBuffer.end();
        int length = (int) Math.min(sendMss(), Math.max(0, Math.min(dataEnd, snd.max) - snd.nxt));
        boolean fin = tcb.finQueued && snd.nxt + length == dataEnd && snd.max > dataEnd;
        if (length == 0 && !fin) {
            return;
        }
        transmit(snd.nxt, length, fin, snd.nxt + length == dataEnd);
        snd.nxt += length + (fin ? 1 : 0);
    }

    private void persistTimeout() {
        long dataEnd = 1 + tcb.sendBuffer.end();
        if (dataEnd <= snd.nxt || tcb.state == TcpState.CLOSED || snd.nxt != snd.una) {
            return;
        }
        if (snd.wnd > 0) {
            // The override timeout of section 3.8.6.2.1: send what the small window takes.
            int length = (int) Math.min(Math.min(snd.wnd, dataEnd - snd.nxt), sendMss());
            transmit(snd.nxt, length, false, snd.nxt + length == dataEnd);
            snd.nxt += length;
            return;
        }
        // A zero-window probe as Linux sends it (tcp_write_wakeup, tcp_xmit_probe_skb): no data, and the
        // sequence number SND.UNA - 1, already acknowledged, so that the receiver answers with an ACK
        // that carries its window (RFC 9293 section 3.8.6.1 allows this form; tshark calls it a keep-alive).
        Packet probe = packet(Tcp.ACK, snd.una - 1, EMPTY);
        probe.marks |= Marks.ZERO_WINDOW_PROBE;
        send(probe);
        tcb.probes++;
        timers.persist.start(tcb.rtt.persistInterval(tcb.probes));
    }

    private void giveUp(String reason) {
        stopTimers();
        enter(TcpState.CLOSED);
        fail(reason);
    }

    /** The delayed ACK goes out alone: no answer came to carry it, so the exchange is not interactive. */
    private void delayedAckTimeout() {
        tcb.acks.delayedAckExpired();
        sendAck();
    }

    private void sendAck() {
        if (tcb.state == TcpState.CLOSED || tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.LISTEN) {
            return;
        }
        send(packet(Tcp.ACK, snd.nxt, EMPTY));
    }

    private void flushAcknowledgment() {
        if (tcb.ackNow) {
            tcb.ackNow = false;
            sendAck();
        }
    }

    /**
     * Linux's tcp_cleanup_rbuf, after the application has read: an ACK still owed goes now if more
     * than a full segment came since the last one, or if the read emptied the buffer after a short
     * pushed segment (two of them in an interactive exchange); otherwise a window update, if the read
     * opened the window enough.
     */
    private void cleanupAfterRead(long windowBefore) {
        boolean owed = timers.delayedAck.running();
        boolean emptied = rcv.buffer.readable() == 0;
        if (owed && (rcv.next() - rcv.wup > tcb.acks.rcvMss() || tcb.acks.dueAfterRead(emptied))) {
            sendAck();
            return;
        }
        maybeSendWindowUpdate(windowBefore);
    }

    private void maybeSendWindowUpdate(long windowBefore) {
        if (tcb.state != TcpState.ESTABLISHED && tcb.state != TcpState.FIN_WAIT_1 && tcb.state != TcpState.FIN_WAIT_2) {
            return;
        }
        long advertised = rcv.advertisedEdge - rcv.next();
        long possible = windowToAdvertise();
        // Receiver silly window avoidance (section 3.8.6.2.2): announce a larger window only once it has
        // grown by an MSS or half the buffer; Linux sends the update when it at least doubles.
        long threshold = Math.min(config.receiveBuffer() / 2, options.mss);
        if (possible - advertised >= threshold && (advertised == 0 || possible >= 2 * advertised)) {
            send(packet(Tcp.ACK, snd.nxt, EMPTY));
        }
    }

    // ---- building segments ---------------------------------------------------------------------

    private static final byte[] EMPTY = new byte[0];

    private Packet packet(int flags, long sequenceOffset, byte[] data) {
        Packet segment = newPacket(data);
        segment.sequenceNumber = (snd.iss + sequenceOffset) & MASK;
        segment.relativeSequence = sequenceOffset;
        segment.flags = flags;
        if ((flags & Tcp.ACK) != 0) {
            segment.acknowledgmentNumber = rcv.wireNext();
        }
        // A reset from a connection carries its window and timestamps, as Linux's tcp_send_active_reset does.
        segment.window = windowField();
        if (options.timestamps) {
            segment.timestamps = true;
            segment.timestampValue = options.tsValue(stack.simulator().now());
            segment.timestampEchoReply = options.tsRecent;
        }
        if (options.sackPermitted && (flags & Tcp.RST) == 0) {
            long[] ranges = sackBlocks(options.timestamps ? 3 : 4);
            if (ranges.length > 0) {
                for (int i = 0; i < ranges.length; i++) {
                    ranges[i] = (rcv.irs + 1 + ranges[i]) & MASK;
                }
                segment.sackBlocks = ranges;
            }
        }
        return segment;
    }

    /**
     * The SACK blocks of the next ACK, as data offsets, at most {@code max}: a D-SACK first if a
     * duplicate came (RFC 2883), then what is held beyond the gap (RFC 2018), a FIN beyond it included
     * (Linux SACKs it as one more byte).
     */
    private long[] sackBlocks(int max) {
        java.util.List<long[]> blocks = new java.util.ArrayList<>();
        long[] ahead = rcv.buffer.hasGap() ? rcv.buffer.aheadRanges(max) : new long[0];
        for (int i = 0; i + 1 < ahead.length; i += 2) {
            blocks.add(new long[] {ahead[i], ahead[i + 1]});
        }
        if (rcv.finAhead != NONE && !rcv.finReceived) {
            long fin = rcv.finAhead - 1;
            long[] joined = blocks.stream().filter(b -> b[1] == fin).findFirst().orElse(null);
            if (joined != null) {
                joined[1]++;
            } else {
                blocks.add(0, new long[] {fin, fin + 1});
            }
        }
        if (tcb.duplicateReport != null) {
            blocks.add(0, tcb.duplicateReport);
        }
        int count = Math.min(max, blocks.size());
        long[] ranges = new long[2 * count];
        for (int i = 0; i < count; i++) {
            ranges[2 * i] = blocks.get(i)[0];
            ranges[2 * i + 1] = blocks.get(i)[1];
        }
        return ranges;
    }

    private Packet newPacket(byte[] data) {
        Packet packet = new Packet(tcb.ipv6, tcb.localAddress, tcb.remoteAddress, Packet.TCP, tcb.ipv6 ? 0 : nextIdentification(),
                tcb.localPort, tcb.remotePort, data);
        packet.fromClient = tcb.client;
        packet.flowLabel = tcb.flowLabel;
        packet.congestionWindow = tcb.congestion.congestionWindow();
        packet.slowStartThreshold = tcb.congestion.slowStartThreshold();
        return packet;
    }

    private int nextIdentification() {
        if (tcb.state == TcpState.SYN_RECEIVED || tcb.state == TcpState.LISTEN) {
            return 0; // Linux sends SYN-ACKs with identification 0 (they have Don't Fragment)
        }
        if (tcb.identification == 0 && !tcb.client) {
            tcb.identification = stack.randomIdentification();
        }
        int id = tcb.identification;
        tcb.identification = (tcb.identification + 1) & 0xffff;
        return id;
    }

    private void send(Packet segment) {
        if ((segment.flags & Tcp.ACK) != 0 && (segment.flags & Tcp.RST) == 0) {
            boolean syn = (segment.flags & Tcp.SYN) != 0;
            long windowBytes = (long) segment.window << (syn ? 0 : rcv.wscale);
            boolean pure = segment.payload.length == 0 && (segment.flags & (Tcp.SYN | Tcp.FIN)) == 0;
            if (pure && segment.window != 0 && tcb.lastAckSent == segment.acknowledgmentNumber
                    && segment.relativeSequence == snd.max) {
                // The same ACK again: a duplicate ACK if the window is the same too (RFC 5681 section 2),
                // otherwise an ACK that only moves the window, a window update.
                segment.marks |= windowBytes == tcb.lastWindowBytes ? Marks.DUPLICATE_ACK : Marks.WINDOW_UPDATE;
            }
            if (segment.window == 0 && !syn) {
                segment.marks |= Marks.ZERO_WINDOW;
            }
            tcb.lastAckSent = segment.acknowledgmentNumber;
            tcb.lastWindowBytes = windowBytes;
            rcv.advertisedEdge = Math.max(rcv.advertisedEdge, rcv.next() + windowBytes);
            rcv.wup = rcv.next();
            rcv.wnd = windowBytes;
            tcb.receiveWindow.offered(windowBytes);
            tcb.acks.ackSent();
            tcb.ackNow = false;
            tcb.duplicateReport = null;
            timers.delayedAck.stop();
        }
        stack.send(this, segment);
    }

    /** The window field: free buffer space, scaled, never moving the right edge back (section 3.8.6.2.1). */
    private int windowField() {
        long window = Math.max(windowToAdvertise(), rcv.advertisedEdge - rcv.next());
        // Rounded up, as Linux does, so that scaling never moves the right edge back.
        return (int) Math.min(65_535, (window + (1L << rcv.wscale) - 1) >> rcv.wscale);
    }

    /**
     * What the buffer could take now, as Linux's __tcp_select_window: with window scaling, what is free
     * up to rcv_ssthresh, rounded up to the scale's unit so that scaling never hides it; but once less
     * than half the buffer is free, rounded down, and none at all below a sixteenth of the buffer or a
     * segment (receiver silly window avoidance, RFC 9293 section 3.8.6.2.2).
     */
    private long windowToAdvertise() {
        long held = rcv.buffer.readable() + rcv.buffer.aheadBytes();
        if (rcv.wscale > 0) {
            long free = tcb.receiveWindow.free(held);
            long unit = 1L << rcv.wscale;
            if (free < tcb.receiveWindow.full() / 2) {
                free = Math.max(0, free) / unit * unit;
                if (free < tcb.receiveWindow.allowed() / 16 || free < Math.min(tcb.acks.rcvMss(), tcb.receiveWindow.full())) {
                    return 0;
                }
            }
            free = Math.min(free, tcb.receiveWindow.threshold());
            return (free + unit - 1) / unit * unit;
        }
        long free = tcb.receiveWindow.offer(held);
        if (free < Math.min(config.receiveBuffer() / 2, options.mss)) {
            free = 0;
        }
        if (rcv.wscale == 0 && free > 0) {
            // Without window scaling Linux offers whole segments of the sender's size (__tcp_select_window:
            // rounddown(free_space, rcv_mss)), keeping the offer it made while that is within a segment.
            long current = rcv.advertisedEdge - rcv.next();
            int rcvMss = tcb.acks.rcvMss();
            return current > free - rcvMss && current <= free ? current : free / rcvMss * rcvMss;
        }
        return Math.max(0, free);
    }






    // ---- round-trip time (RFC 6298 section 2) --------------------------------------------------

    private void sampleRtt(long ack) {
        if (tcb.timedSequence == NONE || ack < tcb.timedSequence) {
            if (tcb.state == TcpState.SYN_SENT || tcb.state == TcpState.SYN_RECEIVED) {
                if (tcb.retries == 0) {
                    tcb.rtt.sample(stack.simulator().now() - tcb.handshakeStart);
                    tcb.rack.roundTrip(stack.simulator().now() - tcb.handshakeStart);
                }
            }
            return;
        }
        tcb.rtt.sample(stack.simulator().now() - tcb.timedAt);
        tcb.timedSequence = NONE;
    }


    // ---- state and notifications ---------------------------------------------------------------

    private void enter(TcpState next) {
        if (next == tcb.state) {
            return;
        }
        TcpState previous = tcb.state;
        tcb.state = next;
        if (next == TcpState.ESTABLISHED) {
            tcb.congestion.established(snd.nxt, stack.simulator().now());
        }
        if (next == TcpState.SYN_SENT || next == TcpState.SYN_RECEIVED) {
            tcb.handshakeStart = stack.simulator().now();
        }
        stack.stateChanged(this, previous, next);
    }

    private void stopTimers() {
        timers.stopAll();
    }

    private void fail(String reason) {
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

    @Override
    public String toString() {
        return tcb.name + " " + tcb.localPort + "->" + tcb.remotePort + " " + tcb.state;
    }
}
