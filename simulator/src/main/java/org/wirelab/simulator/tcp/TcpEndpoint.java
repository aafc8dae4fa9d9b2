package org.wirelab.simulator.tcp;

import java.util.ArrayDeque;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.engine.Timer;
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
    private static final long MASK = 0xffffffffL;
    private static final long NONE = -1;

    private final TcpStack stack;
    private final TcpConfig config;
    final boolean ipv6;
    final byte[] localAddress;
    final byte[] remoteAddress;
    final int localPort;
    final int remotePort;
    /** True for the endpoint that sent the first SYN (active open). */
    private final boolean client;
    private final String name;
    private TcpHandler handler;
    private TcpState state = TcpState.CLOSED;

    // Send sequence space (RFC 9293 section 3.3.1), as offsets from ISS.
    private final long iss;
    private long sndUna;
    private long sndNxt;
    /** The highest sequence offset sent so far: below it, a segment is a retransmission. */
    private long sndMax;
    private long sndWnd;
    private long sndWl1 = NONE;
    private long sndWl2;
    private long maxSndWnd;
    private int sndWscale;
    // Receive sequence space, as offsets from IRS.
    private long irs;
    private long rcvAdvertisedEdge;
    /** RCV.NXT and the window when the last ACK left (Linux's rcv_wup and rcv_wnd). */
    private long rcvWup;
    private long rcvWnd;
    /** How far the receive window may open now (Linux's rcv_ssthresh, window_clamp and autotuning). */
    private final ReceiveWindow receiveWindow;
    private int rcvWscale;
    /** The peer's SYN offered window scaling (RFC 7323 section 2.2), with whatever shift. */
    private boolean peerScales;
    private int effectiveMss;
    private boolean timestamps;
    private boolean sackPermitted;
    private long tsRecent;
    private final long tsOffset;
    private int identification;
    /** The IPv6 flow label: a random hash per socket, drawn again after each timeout (Linux's txhash). */
    private int flowLabel;

    private final SendBuffer sendBuffer;
    /** What is written and not yet sent, cut into segments as it was written. */
    private final WriteQueue writeQueue = new WriteQueue(1);
    /** The end of the last segment sent shorter than the MSS (Linux's snd_sml, for Minshall's Nagle). */
    private long sndSml;
    private final ReceiveBuffer receiveBuffer = new ReceiveBuffer();
    private boolean finQueued;
    private boolean finReceived;
    /** Where a FIN that came beyond a gap sits (sequence offset), until the gap fills; NONE otherwise. */
    private long finAhead = NONE;
    /** A duplicate segment to report in the next ACK's first SACK block (RFC 2883), as data offsets; null if none. */
    private long[] duplicateReport;
    private boolean applicationClosed;

    /** The congestion window and the recovery around it, grown and cut by CUBIC or Reno. */
    private final CongestionWindow congestion;
    /** What the peer has SACKed (RFC 2018, RFC 6675). */
    private final SackScoreboard scoreboard = new SackScoreboard();
    /**
     * Segments sent again since the last recovery began and not yet reported as needless by a D-SACK
     * (Linux's undo_retrans); -1 when no undo is possible (a timeout, or already undone).
     */
    private int undoRetransmissions = -1;
    /** RFC 6675's HighRxt: the end of what has been sent again in this recovery. */
    private long highRxt;
    private final RttEstimator rtt;
    /** RACK-TLP (RFC 8985): loss found by time rather than by counting, and the tail loss probe. */
    private final RackTlp rack = new RackTlp();
    /** A tail loss probe was sent and no ACK has come since (one probe per tail, RFC 8985 section 7.3). */
    private boolean probeOutstanding;

    /** Persist timer probes sent in a row (their interval doubles like the RTO). */
    private int probes;
    private int retries;
    private long timedSequence = NONE;
    private long timedAt;

    // Acknowledgments.
    /** When to acknowledge: quick ACKs, ping-pong, the guess of the sender's MSS (Linux's heuristics). */
    private final AckPolicy acks;
    /** The last timestamp echoed to us by a data segment: one round-trip sample per echo. */
    private long lastEchoForRtt = NONE;
    private boolean ackNow;
    private long lastAckSent = NONE;
    private long lastWindowBytes = -1;

    private final Timer retransmission;
    /** RACK's reorder timer: a segment will be lost if nothing is delivered before it expires. */
    private final Timer reorder;
    /** The tail loss probe's timer, which stands for the retransmission timer while it runs (as in Linux). */
    private final Timer lossProbe;
    private final Timer delayedAck;
    private final Timer persist;
    private final Timer timeWait;
    /** Expires when the write queue's oldest segment has been copied in. */
    private final Timer copied;
    private final Timer sendCallEnd;

    private long bytesRead;
    private long retransmissions;
    private boolean notifyReadable;
    private boolean notifyWritable;

    TcpEndpoint(TcpStack stack, boolean ipv6, byte[] localAddress, int localPort, byte[] remoteAddress, int remotePort,
            boolean client, String name, TcpHandler handler) {
        this.stack = stack;
        this.config = stack.config();
        this.ipv6 = ipv6;
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.client = client;
        this.name = name;
        this.handler = handler == null ? new TcpHandler() { } : handler;
        this.iss = stack.randomIsn();
        this.tsOffset = stack.randomIsn();
        this.identification = client ? stack.randomIdentification() : 0;
        this.flowLabel = ipv6 ? (int) (stack.randomIsn() & 0xfffff) : 0;
        this.sendBuffer = new SendBuffer(config.sendBuffer());
        this.effectiveMss = config.mss(ipv6);
        this.rtt = new RttEstimator(config);
        this.rcvWscale = config.windowScale();
        this.receiveWindow = new ReceiveWindow(config.receiveBuffer());
        this.congestion = new CongestionWindow(config.congestionControl().create());
        this.acks = new AckPolicy(config.delayedAck().toNanos(), config.mss(ipv6));
        var simulator = stack.simulator();
        this.retransmission = new Timer(simulator, this::onRetransmissionTimeout);
        this.reorder = new Timer(simulator, () -> {
            detectLoss();
            output();
        });
        this.lossProbe = new Timer(simulator, this::onLossProbeTimeout);
        this.delayedAck = new Timer(simulator, this::delayedAckTimeout);
        this.persist = new Timer(simulator, this::persistTimeout);
        this.timeWait = new Timer(simulator, () -> enter(TcpState.CLOSED));
        this.copied = new Timer(simulator, this::output);
        this.sendCallEnd = new Timer(simulator, this::endSendCall);
    }

    // ---- what applications and observers see -------------------------------------------------

    /** The actor and side this endpoint belongs to, e.g. {@code client} or {@code server}. */
    public String name() {
        return name;
    }

    public TcpState state() {
        return state;
    }

    public int localPort() {
        return localPort;
    }

    public int remotePort() {
        return remotePort;
    }

    public void handler(TcpHandler newHandler) {
        this.handler = newHandler;
    }

    /** The congestion window, in bytes (RFC 5681 cwnd). */
    public long congestionWindow() {
        return congestion.congestionWindow();
    }

    /** The slow-start threshold in bytes; {@link Long#MAX_VALUE} until the first loss. */
    public long slowStartThreshold() {
        return congestion.slowStartThreshold();
    }

    /** The current retransmission timeout, in nanoseconds. */
    public long retransmissionTimeout() {
        return rtt.rto();
    }

    /** Segments (and SYNs, FINs) this endpoint has sent again. */
    public long retransmissions() {
        return retransmissions;
    }

    /** Bytes the application has read. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Bytes the application has written. */
    public long bytesWritten() {
        return sendBuffer.end();
    }

    /** Bytes written and not yet acknowledged by the peer. */
    public long bytesUnacknowledged() {
        return sendBuffer.end() - Math.max(0, sndUna - 1);
    }

    /** Bytes waiting for the application to read them. */
    public long readable() {
        return receiveBuffer.readable();
    }

    /** True when the peer's FIN has arrived and everything before it has been read. */
    public boolean endOfStream() {
        return finReceived && receiveBuffer.readable() == 0;
    }

    /** Room in the send buffer. */
    public int writable() {
        return canSend() ? sendBuffer.space() : 0;
    }

    /** Writes up to {@code length} bytes of {@code payload} from {@code offset}; returns how many were taken. */
    public int write(Payload payload, long offset, int length) {
        if (!canSend()) {
            return 0;
        }
        long from = 1 + sendBuffer.end();
        int taken = sendBuffer.write(payload, offset, length);
        written(from, taken);
        return taken;
    }

    /** Writes the whole array if it fits; returns how many bytes were taken. */
    public int write(byte[] bytes) {
        if (!canSend()) {
            return 0;
        }
        long from = 1 + sendBuffer.end();
        int taken = sendBuffer.write(bytes, 0, bytes.length);
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
            waitingCalls.addLast(new long[] {from, taken});
            return;
        }
        startSendCall(from, taken);
    }

    /** Calls made while another was being copied: {first offset, length} each. */
    private final ArrayDeque<long[]> waitingCalls = new ArrayDeque<>();
    /** When the send call being copied returns; in the past when there is none. */
    private long sendCallEnds = Long.MIN_VALUE;
    /** Segments that arrived during a send call (Linux's socket backlog). */
    private final ArrayDeque<Packet> backlog = new ArrayDeque<>();

    private boolean inSendCall() {
        return stack.simulator().now() < sendCallEnds;
    }

    /** The call's bytes join the write queue in segments of today's size goal (Linux's tcp_sendmsg). */
    private void startSendCall(long from, long length) {
        long now = stack.simulator().now();
        writeQueue.written(from, from + length, sendMss(), maxSndWnd / 2, now, config.copyBytesPerSecond());
        long duration = length * 1_000_000_000L / config.copyBytesPerSecond();
        sendCallEnds = now + duration;
        if (duration > 0) {
            sendCallEnd.start(duration);
        }
        output();
    }

    /**
     * The send call returns: its last segment is pushed (tcp_push), then the backlog is processed
     * (release_sock), so an ACK that came back during the call is seen only now; then the next call.
     */
    private void endSendCall() {
        output();
        while (!backlog.isEmpty()) {
            receive(backlog.pollFirst());
        }
        if (!waitingCalls.isEmpty()) {
            long[] call = waitingCalls.pollFirst();
            startSendCall(call[0], call[1]);
        } else if (shutdownAfterSendCalls) {
            shutdownAfterSendCalls = false;
            shutdownOutput();
        }
    }

    /** The program closed during a send call. */
    private boolean shutdownAfterSendCalls;

    /** Reads up to {@code max} bytes, handing them to {@code reader} without copying; returns how many. */
    public long read(long max, StreamReader reader) {
        long before = windowToAdvertise();
        long read = receiveBuffer.read(max, reader);
        bytesRead += read;
        if (read > 0) {
            receiveWindow.applicationRead(bytesRead, receiveBuffer.readable(), stack.simulator().now());
            cleanupAfterRead(before);
        }
        return read;
    }

    /** Reads up to {@code max} bytes into a new array. */
    public byte[] read(int max) {
        byte[] out = new byte[(int) Math.min(max, receiveBuffer.readable())];
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
        return SocketAddressText.of(remoteAddress, remotePort);
    }

    /** The local end as text. */
    public String localText() {
        return SocketAddressText.of(localAddress, localPort);
    }

    /** Reads everything readable into a new array. */
    public byte[] readAll() {
        byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 8, receiveBuffer.readable())];
        int[] at = {0};
        read(out.length, (bytes, offset, length) -> {
            System.arraycopy(bytes, offset, out, at[0], length);
            at[0] += length;
        });
        return out;
    }

    /** Sends FIN after what is written, and goes on reading (a half-close, {@code shutdown(SHUT_WR)}). */
    public void shutdownOutput() {
        if (finQueued) {
            return;
        }
        if (inSendCall()) {
            // The program closes once its send calls have returned: by then their data has been pushed.
            shutdownAfterSendCalls = true;
            return;
        }
        switch (state) {
            case SYN_SENT, LISTEN, CLOSED -> {
                enter(TcpState.CLOSED);
                return;
            }
            case ESTABLISHED, SYN_RECEIVED -> {
                finQueued = true;
                enter(TcpState.FIN_WAIT_1);
            }
            case CLOSE_WAIT -> {
                finQueued = true;
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
        applicationClosed = true;
        if (receiveBuffer.readable() > 0 && state != TcpState.CLOSED) {
            abort();
            return;
        }
        shutdownOutput();
    }

    /** Resets the connection (RFC 9293 section 3.10.5, ABORT): RST, then CLOSED at once. */
    public void abort() {
        applicationClosed = true;
        if (state == TcpState.ESTABLISHED || state == TcpState.FIN_WAIT_1 || state == TcpState.FIN_WAIT_2
                || state == TcpState.CLOSE_WAIT || state == TcpState.SYN_RECEIVED) {
            Packet reset = packet(Tcp.RST | Tcp.ACK, sndNxt, EMPTY);
            send(reset);
        }
        stopTimers();
        enter(TcpState.CLOSED);
    }

    private boolean canSend() {
        return !finQueued && (state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT
                || state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED);
    }

    // ---- opening -------------------------------------------------------------------------------

    /** Active open (RFC 9293 section 3.10.1): sends SYN. */
    void connect() {
        enter(TcpState.SYN_SENT);
        sendSyn(false);
        retransmission.start(rtt.rto());
    }

    /** Passive open: this endpoint was made by a listener for {@code syn} (section 3.10.7.2). */
    void acceptSyn(Packet syn) {
        enter(TcpState.LISTEN);
        irs = syn.sequenceNumber;
        receiveBuffer.accept(0, EMPTY);
        readSynOptions(syn);
        tsRecent = syn.timestampValue;
        sndWnd = syn.window; // never scaled in a SYN (RFC 7323 section 2.2)
        sndWl1 = 0;
        enter(TcpState.SYN_RECEIVED);
        sendSyn(true);
        retransmission.start(rtt.rto());
    }

    private void readSynOptions(Packet syn) {
        if (syn.maximumSegmentSize > 0) {
            effectiveMss = Math.min(config.mss(ipv6), syn.maximumSegmentSize);
        } else {
            effectiveMss = Math.min(config.mss(ipv6), 536); // RFC 9293 section 3.7.1: the default send MSS
        }
        timestamps = syn.timestamps;
        sackPermitted = syn.sackPermitted;
        peerScales = syn.windowScale >= 0;
        if (peerScales) {
            sndWscale = Math.min(14, syn.windowScale);
        } else {
            sndWscale = 0;
            rcvWscale = 0; // window scaling needs both sides (RFC 7323 section 2.2)
        }
        if (timestamps) {
            effectiveMss -= 12; // the timestamps option takes 12 bytes of each segment (with its 2 NOPs)
        }
        congestion.start(effectiveMss, config.initialWindowSegments());
    }

    private static final long DUPLICATE_SYN_QUIET = 500_000_000L;
    private long lastSynAckAt = Long.MIN_VALUE / 2;
    /** When a SYN was last answered outside the timer (for tcp_oow_rate_limited). */
    private long lastSynAnswerAt = Long.MIN_VALUE / 2;

    private void sendSyn(boolean withAck) {
        if (withAck) {
            lastSynAckAt = stack.simulator().now();
        }
        Packet syn = newPacket(EMPTY);
        syn.sequenceNumber = iss;
        syn.acknowledgmentNumber = withAck ? wireAck() : 0;
        syn.flags = withAck ? Tcp.SYN | Tcp.ACK : Tcp.SYN;
        int mss = config.mss(ipv6);
        // Linux's first window: the buffer (at most 64 KiB unscaled), rounded down to a multiple of the
        // segments it expects: the MSS, less the timestamps option once both sides use it (SYN-ACK).
        int unit = withAck && timestamps ? mss - 12 : mss;
        int window = Math.min(config.receiveBuffer(), 65_535);
        if (window > unit) {
            window = window / unit * unit;
        }
        syn.window = window;
        receiveWindow.start(window, mss, stack.simulator().now());
        syn.maximumSegmentSize = mss;
        syn.sackPermitted = true;
        if (!withAck || timestamps) {
            syn.timestamps = true;
            syn.timestampValue = tsValue();
            syn.timestampEchoReply = withAck ? tsRecent : 0;
        }
        if (!withAck || peerScales) {
            syn.windowScale = config.windowScale(); // a SYN-ACK answers an offer, even of a shift of 0
        }
        syn.relativeSequence = 0;
        if (sndMax > 0) {
            syn.marks |= Marks.RETRANSMISSION;
            retransmissions++;
        }
        sndNxt = 1;
        sndMax = 1;
        rcvAdvertisedEdge = withAck ? window : 0;
        lastAckSent = withAck ? syn.acknowledgmentNumber : NONE;
        send(syn);
    }

    // ---- segment arrival (RFC 9293 section 3.10.7) ---------------------------------------------

    void receive(Packet segment) {
        if (inSendCall()) {
            // The application's send call holds the socket while it copies (Linux's lock_sock): what
            // arrives meanwhile waits in the backlog until the call returns (release_sock).
            backlog.addLast(segment);
            return;
        }
        switch (state) {
            case CLOSED, LISTEN -> { }
            case SYN_SENT -> receiveInSynSent(segment);
            default -> receiveSynchronized(segment);
        }
        flushAcknowledgment();
        wakeApplication();
    }

    /** The application hears of what happened once it has been scheduled ({@link TcpConfig#wakeup()}). */
    private void wakeApplication() {
        if (!wakeupPending && (establishedPending || notifyReadable || notifyWritable)) {
            wakeupPending = true;
            stack.simulator().schedule(config.wakeup().toNanos(), () -> {
                wakeupPending = false;
                notifyApplication();
            });
        }
    }

    private boolean wakeupPending;

    private void receiveInSynSent(Packet segment) {
        boolean ackOk = segment.has(Tcp.ACK) && segment.acknowledgmentNumber == ((iss + 1) & MASK);
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
        irs = segment.sequenceNumber;
        receiveBuffer.accept(0, EMPTY);
        readSynOptions(segment);
        tsRecent = segment.timestampValue;
        sndUna = 1;
        sndWnd = segment.window;
        maxSndWnd = sndWnd;
        sndWl1 = 0;
        sndWl2 = 1;
        sampleRtt(1);
        retransmission.stop();
        retries = 0;
        rtt.resetBackoff();
        rcvAdvertisedEdge = 0;
        enter(TcpState.ESTABLISHED);
        ackNow = true;
        establishedPending = true;
    }

    /**
     * A SYN in SYN-SENT: the peer opened towards us at the same moment (RFC 9293 section 3.5, figure 8;
     * section 3.10.7.3, fourth check). Its sequence is synchronised, ours not yet: SYN-RECEIVED, and a
     * SYN-ACK that sends our SYN again with the acknowledgment of theirs.
     */
    private void simultaneousOpen(Packet syn) {
        irs = syn.sequenceNumber;
        readSynOptions(syn);
        tsRecent = syn.timestampValue;
        sndWnd = syn.window; // never scaled in a SYN (RFC 7323 section 2.2)
        maxSndWnd = sndWnd;
        sndWl1 = 0;
        enter(TcpState.SYN_RECEIVED);
        sendSyn(true);
        retransmission.start(rtt.rto());
    }

    /**
     * In SYN-RECEIVED after a simultaneous open, the peer's own SYN-ACK: it carries the SYN already
     * acknowledged and the acknowledgment of ours. Linux lets it through (tcp_validate_incoming)
     * where any other SYN in a synchronized state gets a challenge ACK; figure 8 of RFC 9293, line 6.
     */
    private boolean crossingSynAck(Packet segment, long seq) {
        return state == TcpState.SYN_RECEIVED && client && segment.has(Tcp.SYN) && segment.has(Tcp.ACK)
                && seq + 1 == rcvNxt() && unwrapAck(segment.acknowledgmentNumber) == sndNxt;
    }

    /** The handshake has completed and the application has not heard it yet. */
    private boolean establishedPending;

    private void receiveSynchronized(Packet segment) {
        long seq = unwrapReceived(segment.sequenceNumber);
        int length = segment.payload.length;
        boolean crossing = crossingSynAck(segment, seq);
        // First: is the segment acceptable (section 3.10.7.4, the four cases)?
        long window = rcvAdvertisedEdge - rcvNxt();
        boolean acceptable;
        if (crossing) {
            acceptable = true;
        } else if (length == 0) {
            acceptable = window == 0 ? seq == rcvNxt() : seq >= rcvNxt() && seq < rcvNxt() + Math.max(window, 1);
        } else {
            acceptable = window > 0 && (seq < rcvNxt() + window && seq + length > rcvNxt());
        }
        if (segment.has(Tcp.SYN) && !segment.has(Tcp.ACK) && state == TcpState.SYN_RECEIVED) {
            // The client's SYN again: our SYN-ACK was lost or is late. Answer at once, as Linux does
            // (tcp_check_req), even if our own timer has just resent it; but answer SYNs at most once
            // within tcp_invalid_ratelimit (500 ms, tcp_oow_rate_limited). The timer keeps its course.
            if (stack.simulator().now() - lastSynAnswerAt < DUPLICATE_SYN_QUIET) {
                return;
            }
            lastSynAnswerAt = stack.simulator().now();
            sendSyn(true);
            return;
        }
        if (!acceptable) {
            if (segment.has(Tcp.RST)) {
                return;
            }
            if (finReceived && seq == rcvNxt() - 1 && length == 0 && segment.has(Tcp.FIN)) {
                acceptable = true; // a retransmitted FIN: acknowledge it again below
            } else {
                ackNow = true; // an unacceptable segment is answered by an ACK (section 3.10.7.4)
                if (length > 0 && seq + length <= rcvNxt() && sackPermitted) {
                    // Every byte of it had arrived already: say so with a D-SACK (RFC 2883 section 4).
                    duplicateReport = new long[] {seq - 1, seq - 1 + length};
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
            ackNow = true; // RFC 5961 section 4: a challenge ACK
            return;
        }
        if (!segment.has(Tcp.ACK)) {
            return;
        }
        if (timestamps && segment.timestamps && seq <= rcvNxt()) {
            tsRecent = segment.timestampValue;
        }
        if (state == TcpState.SYN_RECEIVED) {
            if (unwrapAck(segment.acknowledgmentNumber) != 1) {
                return;
            }
            sndUna = 1;
            sndWl1 = seq;
            sndWl2 = 1;
            sndWnd = (long) segment.window << (segment.has(Tcp.SYN) ? 0 : sndWscale);
            maxSndWnd = sndWnd;
            sampleRtt(1);
            retransmission.stop();
            retries = 0;
            rtt.resetBackoff();
            enter(TcpState.ESTABLISHED);
            stack.established(this);
            establishedPending = true;
        }
        if (!processAck(segment, true)) {
            return;
        }
        if (length > 0) {
            receiveData(seq, segment);
        }
        if (finAhead != NONE && !finReceived && rcvNxt() == finAhead) {
            // The gap before a FIN that came out of order has filled: the FIN counts now, and the ACK
            // that says so leaves at once, as for any segment that fills a gap.
            finAhead = NONE;
            receiveFin();
            ackNow = true;
        }
        if (segment.has(Tcp.FIN) && seq + length == rcvNxt() && !finReceived) {
            receiveFin();
        } else if (segment.has(Tcp.FIN) && finReceived) {
            ackNow = true;
        } else if (segment.has(Tcp.FIN) && seq + length > rcvNxt()) {
            // A FIN beyond a gap: kept, as Linux keeps it in its out-of-order queue, and SACKed; the
            // state changes only when the gap fills (RFC 9293 section 3.10.7.4, eighth check).
            finAhead = seq + length;
            ackNow = true;
        }
    }


    /** Processes the ACK field (section 3.10.7.4, fifth check); false when the segment must be dropped. */
    private boolean processAck(Packet segment, boolean acceptable) {
        long ack = unwrapAck(segment.acknowledgmentNumber);
        if (ack > sndMax) {
            ackNow = true; // acknowledges something not yet sent
            return false;
        }
        long window = (long) segment.window << (segment.has(Tcp.SYN) ? 0 : sndWscale);
        boolean pureAck = segment.payload.length == 0 && (segment.flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) == 0;
        if (sackPermitted && segment.sackBlocks != null) {
            readSackBlocks(segment.sackBlocks, ack);
        }
        if (ack > sndUna) {
            newAck(ack);
        } else if (ack == sndUna && pureAck && window == sndWnd && sndMax > sndUna && acceptable) {
            duplicateAck();
        }
        if (sackPermitted && state != TcpState.CLOSED) {
            detectLoss();
        }
        long seq = unwrapReceived(segment.sequenceNumber);
        // Window update rule (section 3.10.7.4): only a segment newer than the last one used.
        if (sndWl1 < seq || (sndWl1 == seq && sndWl2 <= ack)) {
            boolean opened = sndWnd == 0 && window > 0;
            sndWnd = window;
            maxSndWnd = Math.max(maxSndWnd, window);
            sndWl1 = seq;
            sndWl2 = ack;
            if (opened) {
                persist.stop();
                probes = 0;
                if (sndNxt < sndUna) {
                    sndNxt = sndUna;
                }
            }
        }
        finAcknowledged();
        output();
        return state != TcpState.CLOSED;
    }

    private void newAck(long ack) {
        long acked = ack - sndUna;
        long roundTrip = rack.delivered(sndUna, ack, stack.simulator().now());
        rack.acknowledged(ack);
        probeOutstanding = false;
        sndUna = ack;
        sndMax = Math.max(sndMax, ack); // a probe's byte accepted
        if (sndNxt < sndUna) {
            sndNxt = sndUna; // acknowledges a window probe or what a timeout had us resend
        }
        sendBuffer.release(Math.max(0, sndUna - 1));
        scoreboard.acknowledged(sndUna);
        sampleRtt(ack);
        retries = 0;
        rtt.resetBackoff();
        if (congestion.newAck(ack, acked, flightSize(), sndNxt, roundTrip, stack.simulator().now())) {
            retransmitFirst(false); // NewReno: a partial ACK, the next hole is lost too
        }
        if (sndUna == sndMax) {
            retransmission.stop(); // RFC 6298 section 5.2
            lossProbe.stop();
        } else {
            retransmission.start(rtt.rto()); // section 5.3
            scheduleLossProbe(true);
        }
        notifyWritable = true;
    }

    /**
     * A duplicate ACK. The third, or with SACK enough SACKed above SND.UNA to presume it lost (RFC 6675
     * section 5, step 4), starts a recovery with a fast retransmit of the first unacknowledged segment
     * (RFC 5681 section 3.2); with SACK the rest of the recovery is {@link #sendDuringRecovery}'s.
     */
    private void duplicateAck() {
        int duplicates = congestion.duplicateAck();
        boolean presumedLost = sackPermitted && scoreboard.isLost(sndUna, effectiveMss);
        if ((duplicates >= SackScoreboard.DUP_THRESH || presumedLost) && congestion.mayStartRecovery(sndUna)) {
            congestion.enterRecovery(flightSize(), sndMax, sackPermitted);
            undoRetransmissions = 0;
            highRxt = sndUna;
            // A fast retransmission as a capture shows it: after duplicate ACKs. One ACK whose SACK blocks
            // cover three segments (a receiver that ACKs a burst at once) starts the same recovery, but
            // its retransmission is a plain one to tshark.
            retransmit(sndUna, duplicates >= 2);
        }
    }

    /**
     * RACK (RFC 8985 section 6.2): the segments sent before one that has been delivered, and not
     * delivered a reordering window later, are lost; the first loss starts a recovery, in which they
     * are sent again first (RFC 6675's NextSeg finds them). Otherwise the reorder timer looks again.
     */
    private void detectLoss() {
        long window = rack.reorderingWindow(congestion.inRecovery(), scoreboard.sackedSegments(effectiveMss),
                rtt.srtt());
        RackTlp.Verdict verdict = rack.detect(stack.simulator().now(), window, scoreboard);
        for (long[] lost : verdict.lost()) {
            scoreboard.markLost(lost[0], lost[1]);
        }
        if (!verdict.lost().isEmpty() && !congestion.inRecovery() && congestion.mayStartRecovery(sndUna)) {
            congestion.enterRecovery(flightSize(), sndMax, true);
            undoRetransmissions = 0;
            highRxt = sndUna;
            lossProbe.stop();
            if (!retransmission.running()) {
                retransmission.start(rtt.rto());
            }
        }
        if (verdict.lookAgainIn() > 0) {
            reorder.start(verdict.lookAgainIn());
        } else {
            reorder.stop();
        }
    }

    /**
     * Arms the tail loss probe (RFC 8985 section 7.2, Linux's tcp_schedule_loss_probe) in place of the
     * retransmission timer: only with SACK, outside any recovery, before any SACK, one probe per tail.
     */
    private void scheduleLossProbe(boolean ackAdvanced) {
        long oldest = rack.oldestSentAt();
        if (!sackPermitted || congestion.inRecovery() || !scoreboard.isEmpty() || probeOutstanding
                || rtt.srtt() == 0 || oldest < 0 || sndUna == sndMax) {
            return;
        }
        // No later than the RTO: a whole one from now after an ACK that advanced SND.UNA (which restarts
        // it, RFC 6298 section 5.3), else counted from the oldest segment's sending (tcp_rto_delta_us).
        long rtoIn = ackAdvanced ? rtt.rto() : oldest + rtt.rto() - stack.simulator().now();
        int segments = rack.segmentsInFlight();
        if (segments > 1 && finQueued && rack.lastSegmentStart() == finSequence()) {
            // A bare FIN right behind the last data is counted with it, so the probe leaves room for a
            // delayed ACK. Linux counts two segments and probes after 2 SRTT + 8 ms; the simulated
            // chat's clients delay their ACKs where Linux's did not (FidelityTest), and would see a probe
            // that the real run did not have. Listed among the differences in samples/README.md.
            segments--;
        }
        retransmission.stop();
        lossProbe.start(rack.probeTimeout(rtt.srtt(), segments, rtoIn));
    }

    /**
     * The probe timer expired (RFC 8985 section 7.3): new data if the windows let one segment go, else
     * the last segment sent, again; then the retransmission timer runs as usual.
     */
    private void onLossProbeTimeout() {
        if (sndUna == sndMax || state == TcpState.CLOSED) {
            return;
        }
        probeOutstanding = true;
        long before = sndMax;
        long dataEnd = 1 + sendBuffer.end();
        if (sndNxt == sndMax) {
            sendNew(dataEnd, sndUna + sndWnd - sndNxt);
        }
        if (sndMax == before) {
            long last = Math.max(sndUna, rack.lastSegmentStart());
            retransmit(last, false);
        }
        retransmission.start(rtt.rto());
    }

    /**
     * The SACK blocks of an ACK of {@code ack} (RFC 2018), into the scoreboard; blocks outside what was
     * sent and not acknowledged (old ones, a D-SACK) tell nothing new.
     */
    private void readSackBlocks(long[] blocks, long ack) {
        long wireUna = (iss + sndUna) & MASK;
        if (blocks.length >= 2) {
            long start = sndUna + (int) (blocks[0] - wireUna);
            long end = sndUna + (int) (blocks[1] - wireUna);
            boolean inSecond = blocks.length >= 4 && start >= sndUna + (int) (blocks[2] - wireUna)
                    && end <= sndUna + (int) (blocks[3] - wireUna);
            if (end <= ack || inSecond) {
                duplicateReported();
            }
        }
        for (int i = 0; i + 1 < blocks.length; i += 2) {
            long start = sndUna + (int) (blocks[i] - wireUna);
            long end = sndUna + (int) (blocks[i + 1] - wireUna);
            if (start >= ack && end <= sndMax) {
                scoreboard.add(start, end);
                rack.delivered(start, end, stack.simulator().now());
            }
        }
    }

    /**
     * A D-SACK (RFC 2883): the receiver got something twice. When every segment the last recovery
     * sent again is reported so, the recovery was needless (reordering, or a duplicate): its window
     * reduction is undone (RFC 3708 section 3.2, as Linux's tcp_try_undo_dsack).
     */
    private void duplicateReported() {
        if (undoRetransmissions > 0 && --undoRetransmissions == 0) {
            congestion.undo();
            undoRetransmissions = -1;
        }
    }

    /**
     * Loss recovery with SACK (RFC 6675 section 5): while the congestion window holds more than what
     * is in the network ({@code pipe}) by a segment, send the next segment presumed lost, or else new
     * data (NextSeg rules 1 and 2).
     */
    private void sendDuringRecovery() {
        while (true) {
            long pipe = scoreboard.pipe(sndUna, sndMax, highRxt, effectiveMss);
            long room = congestion.congestionWindow() - pipe;
            if (room < effectiveMss) {
                return;
            }
            long lost = scoreboard.nextLost(Math.max(highRxt, sndUna), sndMax, effectiveMss);
            if (lost >= 0) {
                retransmit(lost, false);
                continue;
            }
            if (sndNxt != sndMax || !sendNew(1 + sendBuffer.end(), room)) {
                return;
            }
        }
    }

    private long flightSize() {
        return sndMax - sndUna;
    }

    private void finAcknowledged() {
        boolean finAcked = finQueued && sndUna == finSequence() + 1;
        if (!finAcked) {
            return;
        }
        switch (state) {
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
        if (state != TcpState.ESTABLISHED && state != TcpState.FIN_WAIT_1 && state != TcpState.FIN_WAIT_2) {
            return;
        }
        if (applicationClosed) {
            // Nobody will read these bytes: Linux answers with a reset (RFC 2525 section 2.17).
            abort();
            return;
        }
        byte[] payload = segment.payload;
        measureRoundTrip(segment);
        boolean hadGap = receiveBuffer.hasGap();
        if (sackPermitted && receiveBuffer.holdsAhead(seq - 1, payload.length)) {
            // A second copy of data held beyond the gap: a D-SACK for it, then the SACK block that holds
            // it (RFC 2883 section 4.1.2), as Linux's tcp_data_queue_ofo does.
            duplicateReport = new long[] {seq - 1, seq - 1 + payload.length};
        }
        boolean moved = receiveBuffer.accept(seq - 1, payload);
        if (!moved) {
            ackNow = true; // out of order or a duplicate: ACK at once (RFC 5681 section 4.2)
            return;
        }
        notifyReadable = true;
        // Linux's tcp_event_data_recv: learn the sender's segment size, start or restart quick ACKs,
        // let the window grow.
        if (acks.measure(segment, timestamps)) {
            receiveWindow.segmentMeasured(payload.length);
        }
        long now = stack.simulator().now();
        acks.dataArrived(now, rtt.rto(), rcvWnd);
        receiveWindow.dataArrived(rcvNxt(), rcvWnd, now);
        if (receiveWindow.grow(payload.length, config.mss(ipv6), receiveBuffer.readable() + receiveBuffer.aheadBytes())) {
            acks.windowGrew(); // a growing window is announced at once
        }
        boolean quick = acks.quick();
        // __tcp_ack_snd_check: more than one full segment since the last ACK, and the window it would
        // announce is no smaller (otherwise the reader's next read sends it, tcp_cleanup_rbuf).
        boolean segmentsOwed = rcvNxt() - rcvWup > acks.rcvMss() && windowToAdvertise() >= rcvWnd;
        if (hadGap || quick || segmentsOwed) {
            // A gap filled, a quick ACK, or a second full-sized segment (RFC 9293 section 3.8.6.3): no delay.
            ackNow = true;
            if (quick) {
                acks.quickAckUsed();
            }
        } else if (!delayedAck.running()) {
            delayedAck.start(config.delayedAck().toNanos());
        }
    }

    /**
     * Linux's tcp_rcv_rtt_measure_ts: a data segment of a full MSS that echoes a timestamp not echoed
     * before measures the receiver's round trip, in whole milliseconds (none when under one).
     */
    private void measureRoundTrip(Packet segment) {
        if (!timestamps || !segment.timestamps || segment.timestampEchoReply == lastEchoForRtt) {
            return;
        }
        lastEchoForRtt = segment.timestampEchoReply;
        long elapsedMillis = (tsValue() - segment.timestampEchoReply) & MASK;
        if (segment.payload.length >= acks.rcvMss() && elapsedMillis > 0 && elapsedMillis < (1L << 31)) {
            receiveWindow.roundTrip(elapsedMillis * 1_000_000, receiveBuffer.readable() == 0);
        }
    }

    private void receiveFin() {
        finReceived = true;
        notifyReadable = true;
        switch (state) {
            case ESTABLISHED -> {
                enter(TcpState.CLOSE_WAIT);
                // Acknowledged after a short delay, so a program that closes at once sends FIN+ACK together.
                if (!delayedAck.running()) {
                    delayedAck.start(config.delayedAck().toNanos());
                }
            }
            case FIN_WAIT_1 -> {
                enter(TcpState.CLOSING); // simultaneous close (section 3.6, figure 13)
                ackNow = true;
            }
            case FIN_WAIT_2 -> {
                enterTimeWait();
                ackNow = true;
            }
            default -> ackNow = true;
        }
    }

    private void enterTimeWait() {
        stopTimers();
        enter(TcpState.TIME_WAIT);
        timeWait.start(config.timeWait().toNanos());
        handler.closed(this);
    }

    // ---- sending -------------------------------------------------------------------------------

    /**
     * Sends what the windows allow (RFC 9293 section 3.8.6, RFC 5681), then FIN when queued: first
     * what a timeout has us send again, cut at the MSS, then the write queue's segments, each whole,
     * as Linux's tcp_write_xmit does.
     */
    private void output() {
        if (state == TcpState.CLOSED || state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED
                || state == TcpState.TIME_WAIT || state == TcpState.LISTEN) {
            return;
        }
        long dataEnd = 1 + sendBuffer.end();
        long sentBefore = retransmissions + sndMax;
        if (congestion.inSackRecovery()) {
            sendDuringRecovery();
        } else {
            while (sndNxt < sndMax && sendAgain(dataEnd)) {
                // go-back-N after a timeout, as far as the windows allow
            }
            while (sndNxt == sndMax && sendNew(dataEnd, sndUna + congestion.congestionWindow() - sndNxt)) {
                // the write queue, segment by segment
            }
        }
        congestion.sent(retransmissions + sndMax != sentBefore, flightSize(), sndUna, sndNxt);
        if (dataEnd > sndNxt && sndNxt == sndUna && sndNxt == sndMax && !persist.running() && !inSendCall()) {
            // Data waits, nothing is in flight to bring an ACK: the window is closed (or too small for
            // the next segment), and only the persist timer will move things on (section 3.8.6.1 and
            // 3.8.6.2.1).
            retransmission.stop();
            persist.start(rtt.persistInterval(probes));
        }
    }

    /** Sends again, after a timeout, the segment at SND.NXT below SND.MAX; false when the windows are full. */
    private boolean sendAgain(long dataEnd) {
        sndNxt = Math.min(sndMax, scoreboard.sackedUpTo(sndNxt)); // the receiver has these already
        if (sndNxt == sndMax) {
            return false;
        }
        long room = sndUna + Math.min(sndWnd, congestion.congestionWindow()) - sndNxt;
        long unsent = Math.min(Math.min(dataEnd, sndMax), scoreboard.nextSackedStart(sndNxt)) - sndNxt;
        long length = Math.max(0, Math.min(Math.min(unsent, room), sendMss()));
        boolean fin = finQueued && sndNxt + length == dataEnd && sndMax > dataEnd;
        if (length == 0 && !fin) {
            return false;
        }
        transmit(sndNxt, (int) length, fin, sndNxt + length == dataEnd);
        sndNxt += length + (fin ? 1 : 0);
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
        writeQueue.sentUpTo(sndNxt);
        if (writeQueue.isEmpty()) {
            if (finQueued && sndNxt == dataEnd) {
                transmit(sndNxt, 0, true, false); // FIN needs no window
                sndNxt++;
            }
            return false;
        }
        long notYet = writeQueue.firstReadyAt() - stack.simulator().now();
        if (notYet > 0) {
            if (!copied.running()) {
                copied.start(notYet); // still being copied in: it leaves once full
            }
            return false;
        }
        int length = writeQueue.firstLength();
        boolean fin = finQueued && writeQueue.firstIsLast() && sndNxt + length == dataEnd;
        long room = Math.min(sndUna + sndWnd - sndNxt, congestionRoom);
        if (length > room) {
            return false;
        }
        boolean shortSegment = length < sendMss();
        if (shortSegment && !fin && config.nagle() && sndNxt > sndUna && sndSml > sndUna) {
            return false;
        }
        transmit(sndNxt, length, fin, writeQueue.firstPushed());
        writeQueue.removeFirst();
        sndNxt += length + (fin ? 1 : 0);
        if (shortSegment) {
            sndSml = sndNxt;
        }
        return !fin;
    }

    /**
     * The largest segment to send: the MSS, but at most half the largest window the peer has offered,
     * as Linux's tcp_bound_to_half_wnd does (sender silly window avoidance, RFC 9293 section 3.8.6.2.1),
     * which on a loopback with a 64 KiB first window halves its 65483-byte MSS.
     */
    private int sendMss() {
        long cutoff = maxSndWnd > 536 ? maxSndWnd / 2 : maxSndWnd;
        return cutoff > 0 && effectiveMss > cutoff ? (int) Math.max(cutoff, 68 - 32) : effectiveMss;
    }

    private long finSequence() {
        return 1 + sendBuffer.end();
    }

    /** Sends the segment at sequence offset {@code from}: {@code length} data bytes, then FIN if asked. */
    private void transmit(long from, int length, boolean fin, boolean push) {
        byte[] data = length == 0 ? EMPTY : sendBuffer.copy(from - 1, length);
        int flags = Tcp.ACK;
        if (fin) {
            flags |= Tcp.FIN;
        }
        if (length > 0 && push) {
            flags |= Tcp.PSH;
        }
        Packet segment = packet(flags, from, data);
        long end = from + length + (fin ? 1 : 0);
        boolean again = from < sndMax;
        if (again) {
            segment.marks |= Marks.RETRANSMISSION;
            retransmissions++;
        } else {
            if (length > 0) {
                acks.dataSent(stack.simulator().now()); // an answer to what just arrived?
            }
            if (timedSequence == NONE) {
                timedSequence = end; // Karn: time only a segment sent once
                timedAt = stack.simulator().now();
            }
        }
        sndMax = Math.max(sndMax, end);
        send(segment);
        rack.sent(from, end, stack.simulator().now(), again);
        if (!retransmission.running() && !lossProbe.running()) {
            retransmission.start(rtt.rto());
        }
        if (!again) {
            scheduleLossProbe(false);
        }
    }

    /** Resends the first unacknowledged segment (NewReno's next hole after a partial ACK). */
    private void retransmitFirst(boolean fast) {
        retransmit(sndUna, fast);
    }

    /**
     * Resends a segment from {@code from}: up to an MSS, not beyond the next SACKed range; the fast
     * retransmission is the first of a recovery. Moves HighRxt (RFC 6675).
     */
    private void retransmit(long from, boolean fast) {
        long dataEnd = 1 + sendBuffer.end();
        long upTo = Math.min(Math.min(dataEnd, sndMax), scoreboard.nextSackedStart(from));
        int length = (int) Math.min(sendMss(), Math.max(0, upTo - from));
        // The FIN goes again with the last bytes, unless the receiver has SACKed it (it came out of order).
        boolean fin = finQueued && from + length == dataEnd && sndMax > dataEnd && !scoreboard.isSacked(dataEnd);
        if (length == 0 && !fin) {
            return;
        }
        byte[] data = length == 0 ? EMPTY : sendBuffer.copy(from - 1, length);
        // PSH again where the bytes end what was written, as the original had it.
        int push = length > 0 && from + length == dataEnd ? Tcp.PSH : 0;
        Packet segment = packet(Tcp.ACK | push | (fin ? Tcp.FIN : 0), from, data);
        segment.marks |= Marks.RETRANSMISSION | (fast ? Marks.FAST_RETRANSMISSION : 0);
        retransmissions++;
        if (timedSequence != NONE && timedSequence > from) {
            timedSequence = NONE; // Karn's algorithm: a retransmitted range gives no RTT sample
        }
        highRxt = Math.max(highRxt, from + length + (fin ? 1 : 0));
        if (undoRetransmissions >= 0) {
            undoRetransmissions++;
        }
        send(segment);
        rack.sent(from, from + length + (fin ? 1 : 0), stack.simulator().now(), true);
        if (!retransmission.running()) {
            retransmission.start(rtt.rto());
        }
    }

    private void onRetransmissionTimeout() {
        retries++;
        if (ipv6) {
            // Linux draws a new txhash after a timeout (tcp_write_timeout, sk_rethink_txhash with
            // net.core.txrehash = 1), so that a path that lost the packets may be left: the flow label,
            // made from it (auto_flowlabels), changes.
            flowLabel = (int) (stack.randomIsn() & 0xfffff);
        }
        rtt.backOff();
        timedSequence = NONE;
        switch (state) {
            case SYN_SENT -> {
                if (retries > config.synRetries()) {
                    giveUp("no answer to " + (retries) + " SYNs: the connection timed out");
                    return;
                }
                sendSyn(false);
                retransmission.start(rtt.rto());
            }
            case SYN_RECEIVED -> {
                if (retries > config.synAckRetries()) {
                    giveUp("no ACK to " + retries + " SYN-ACKs");
                    return;
                }
                sendSyn(true);
                retransmission.start(rtt.rto());
            }
            default -> {
                if (sndUna == sndMax) {
                    return;
                }
                if (retries > config.dataRetries()) {
                    giveUp("no acknowledgment after " + config.dataRetries() + " retransmissions: the connection timed out");
                    return;
                }
                // Start again from one segment, resending everything not acknowledged (go-back-N).
                congestion.timeout(flightSize(), retries > 1, sndMax, sndMax, stack.simulator().now());
                undoRetransmissions = -1;
                sndNxt = sndUna;
                transmitAgainAfterTimeout();
                retransmission.start(rtt.rto());
            }
        }
    }

    private void transmitAgainAfterTimeout() {
        long dataEnd = 1 + sendBuffer.end();
        int length = (int) Math.min(sendMss(), Math.max(0, Math.min(dataEnd, sndMax) - sndNxt));
        boolean fin = finQueued && sndNxt + length == dataEnd && sndMax > dataEnd;
        if (length == 0 && !fin) {
            return;
        }
        transmit(sndNxt, length, fin, sndNxt + length == dataEnd);
        sndNxt += length + (fin ? 1 : 0);
    }

    private void persistTimeout() {
        long dataEnd = 1 + sendBuffer.end();
        if (dataEnd <= sndNxt || state == TcpState.CLOSED || sndNxt != sndUna) {
            return;
        }
        if (sndWnd > 0) {
            // The override timeout of section 3.8.6.2.1: send what the small window takes.
            int length = (int) Math.min(Math.min(sndWnd, dataEnd - sndNxt), sendMss());
            transmit(sndNxt, length, false, sndNxt + length == dataEnd);
            sndNxt += length;
            return;
        }
        // A zero-window probe as Linux sends it (tcp_write_wakeup, tcp_xmit_probe_skb): no data, and the
        // sequence number SND.UNA - 1, already acknowledged, so that the receiver answers with an ACK
        // that carries its window (RFC 9293 section 3.8.6.1 allows this form; tshark calls it a keep-alive).
        Packet probe = packet(Tcp.ACK, sndUna - 1, EMPTY);
        probe.marks |= Marks.ZERO_WINDOW_PROBE;
        send(probe);
        probes++;
        persist.start(rtt.persistInterval(probes));
    }

    private void giveUp(String reason) {
        stopTimers();
        enter(TcpState.CLOSED);
        fail(reason);
    }

    /** The delayed ACK goes out alone: no answer came to carry it, so the exchange is not interactive. */
    private void delayedAckTimeout() {
        acks.delayedAckExpired();
        sendAck();
    }

    private void sendAck() {
        if (state == TcpState.CLOSED || state == TcpState.SYN_SENT || state == TcpState.LISTEN) {
            return;
        }
        send(packet(Tcp.ACK, sndNxt, EMPTY));
    }

    private void flushAcknowledgment() {
        if (ackNow) {
            ackNow = false;
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
        boolean owed = delayedAck.running();
        boolean emptied = receiveBuffer.readable() == 0;
        if (owed && (rcvNxt() - rcvWup > acks.rcvMss() || acks.dueAfterRead(emptied))) {
            sendAck();
            return;
        }
        maybeSendWindowUpdate(windowBefore);
    }

    private void maybeSendWindowUpdate(long windowBefore) {
        if (state != TcpState.ESTABLISHED && state != TcpState.FIN_WAIT_1 && state != TcpState.FIN_WAIT_2) {
            return;
        }
        long advertised = rcvAdvertisedEdge - rcvNxt();
        long possible = windowToAdvertise();
        // Receiver silly window avoidance (section 3.8.6.2.2): announce a larger window only once it has
        // grown by an MSS or half the buffer; Linux sends the update when it at least doubles.
        long threshold = Math.min(config.receiveBuffer() / 2, effectiveMss);
        if (possible - advertised >= threshold && (advertised == 0 || possible >= 2 * advertised)) {
            send(packet(Tcp.ACK, sndNxt, EMPTY));
        }
    }

    // ---- building segments ---------------------------------------------------------------------

    private static final byte[] EMPTY = new byte[0];

    private Packet packet(int flags, long sequenceOffset, byte[] data) {
        Packet segment = newPacket(data);
        segment.sequenceNumber = (iss + sequenceOffset) & MASK;
        segment.relativeSequence = sequenceOffset;
        segment.flags = flags;
        if ((flags & Tcp.ACK) != 0) {
            segment.acknowledgmentNumber = wireAck();
        }
        // A reset from a connection carries its window and timestamps, as Linux's tcp_send_active_reset does.
        segment.window = windowField();
        if (timestamps) {
            segment.timestamps = true;
            segment.timestampValue = tsValue();
            segment.timestampEchoReply = tsRecent;
        }
        if (sackPermitted && (flags & Tcp.RST) == 0) {
            long[] ranges = sackBlocks(timestamps ? 3 : 4);
            if (ranges.length > 0) {
                for (int i = 0; i < ranges.length; i++) {
                    ranges[i] = (irs + 1 + ranges[i]) & MASK;
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
        long[] ahead = receiveBuffer.hasGap() ? receiveBuffer.aheadRanges(max) : new long[0];
        for (int i = 0; i + 1 < ahead.length; i += 2) {
            blocks.add(new long[] {ahead[i], ahead[i + 1]});
        }
        if (finAhead != NONE && !finReceived) {
            long fin = finAhead - 1;
            long[] joined = blocks.stream().filter(b -> b[1] == fin).findFirst().orElse(null);
            if (joined != null) {
                joined[1]++;
            } else {
                blocks.add(0, new long[] {fin, fin + 1});
            }
        }
        if (duplicateReport != null) {
            blocks.add(0, duplicateReport);
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
        Packet packet = new Packet(ipv6, localAddress, remoteAddress, Packet.TCP, ipv6 ? 0 : nextIdentification(),
                localPort, remotePort, data);
        packet.fromClient = client;
        packet.flowLabel = flowLabel;
        packet.congestionWindow = congestion.congestionWindow();
        packet.slowStartThreshold = congestion.slowStartThreshold();
        return packet;
    }

    private int nextIdentification() {
        if (state == TcpState.SYN_RECEIVED || state == TcpState.LISTEN) {
            return 0; // Linux sends SYN-ACKs with identification 0 (they have Don't Fragment)
        }
        if (identification == 0 && !client) {
            identification = stack.randomIdentification();
        }
        int id = identification;
        identification = (identification + 1) & 0xffff;
        return id;
    }

    private void send(Packet segment) {
        if ((segment.flags & Tcp.ACK) != 0 && (segment.flags & Tcp.RST) == 0) {
            boolean syn = (segment.flags & Tcp.SYN) != 0;
            long windowBytes = (long) segment.window << (syn ? 0 : rcvWscale);
            boolean pure = segment.payload.length == 0 && (segment.flags & (Tcp.SYN | Tcp.FIN)) == 0;
            if (pure && segment.window != 0 && lastAckSent == segment.acknowledgmentNumber
                    && segment.relativeSequence == sndMax) {
                // The same ACK again: a duplicate ACK if the window is the same too (RFC 5681 section 2),
                // otherwise an ACK that only moves the window, a window update.
                segment.marks |= windowBytes == lastWindowBytes ? Marks.DUPLICATE_ACK : Marks.WINDOW_UPDATE;
            }
            if (segment.window == 0 && !syn) {
                segment.marks |= Marks.ZERO_WINDOW;
            }
            lastAckSent = segment.acknowledgmentNumber;
            lastWindowBytes = windowBytes;
            rcvAdvertisedEdge = Math.max(rcvAdvertisedEdge, rcvNxt() + windowBytes);
            rcvWup = rcvNxt();
            rcvWnd = windowBytes;
            receiveWindow.offered(windowBytes);
            acks.ackSent();
            ackNow = false;
            duplicateReport = null;
            delayedAck.stop();
        }
        stack.send(this, segment);
    }

    /** The window field: free buffer space, scaled, never moving the right edge back (section 3.8.6.2.1). */
    private int windowField() {
        long window = Math.max(windowToAdvertise(), rcvAdvertisedEdge - rcvNxt());
        // Rounded up, as Linux does, so that scaling never moves the right edge back.
        return (int) Math.min(65_535, (window + (1L << rcvWscale) - 1) >> rcvWscale);
    }

    /**
     * What the buffer could take now, as Linux's __tcp_select_window: with window scaling, what is free
     * up to rcv_ssthresh, rounded up to the scale's unit so that scaling never hides it; but once less
     * than half the buffer is free, rounded down, and none at all below a sixteenth of the buffer or a
     * segment (receiver silly window avoidance, RFC 9293 section 3.8.6.2.2).
     */
    private long windowToAdvertise() {
        long held = receiveBuffer.readable() + receiveBuffer.aheadBytes();
        if (rcvWscale > 0) {
            long free = receiveWindow.free(held);
            long unit = 1L << rcvWscale;
            if (free < receiveWindow.full() / 2) {
                free = Math.max(0, free) / unit * unit;
                if (free < receiveWindow.allowed() / 16 || free < Math.min(acks.rcvMss(), receiveWindow.full())) {
                    return 0;
                }
            }
            free = Math.min(free, receiveWindow.threshold());
            return (free + unit - 1) / unit * unit;
        }
        long free = receiveWindow.offer(held);
        if (free < Math.min(config.receiveBuffer() / 2, effectiveMss)) {
            free = 0;
        }
        if (rcvWscale == 0 && free > 0) {
            // Without window scaling Linux offers whole segments of the sender's size (__tcp_select_window:
            // rounddown(free_space, rcv_mss)), keeping the offer it made while that is within a segment.
            long current = rcvAdvertisedEdge - rcvNxt();
            int rcvMss = acks.rcvMss();
            return current > free - rcvMss && current <= free ? current : free / rcvMss * rcvMss;
        }
        return Math.max(0, free);
    }

    private long rcvNxt() {
        return 1 + receiveBuffer.next() + (finReceived ? 1 : 0);
    }

    private long wireAck() {
        return (irs + rcvNxt()) & MASK;
    }

    private long tsValue() {
        return (tsOffset + stack.simulator().now() / 1_000_000) & MASK;
    }

    private long unwrapReceived(long wireSeq) {
        long expected = rcvNxt();
        long expectedWire = (irs + expected) & MASK;
        return expected + (int) (wireSeq - expectedWire);
    }

    private long unwrapAck(long wireAck) {
        long wireUna = (iss + sndUna) & MASK;
        return sndUna + (int) (wireAck - wireUna);
    }

    // ---- round-trip time (RFC 6298 section 2) --------------------------------------------------

    private void sampleRtt(long ack) {
        if (timedSequence == NONE || ack < timedSequence) {
            if (state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED) {
                if (retries == 0) {
                    rtt.sample(stack.simulator().now() - handshakeStart);
                    rack.roundTrip(stack.simulator().now() - handshakeStart);
                }
            }
            return;
        }
        rtt.sample(stack.simulator().now() - timedAt);
        timedSequence = NONE;
    }

    private long handshakeStart;

    // ---- state and notifications ---------------------------------------------------------------

    private void enter(TcpState next) {
        if (next == state) {
            return;
        }
        TcpState previous = state;
        state = next;
        if (next == TcpState.ESTABLISHED) {
            congestion.established(sndNxt, stack.simulator().now());
        }
        if (next == TcpState.SYN_SENT || next == TcpState.SYN_RECEIVED) {
            handshakeStart = stack.simulator().now();
        }
        stack.stateChanged(this, previous, next);
    }

    private void stopTimers() {
        retransmission.stop();
        reorder.stop();
        lossProbe.stop();
        delayedAck.stop();
        persist.stop();
    }

    private void fail(String reason) {
        handler.failed(this, reason);
    }

    private void notifyApplication() {
        if (establishedPending) {
            establishedPending = false;
            handler.established(this);
        }
        if (notifyReadable) {
            notifyReadable = false;
            handler.readable(this);
        }
        if (notifyWritable) {
            notifyWritable = false;
            if (canSend() && sendBuffer.space() > 0) {
                handler.writable(this);
            }
        }
    }

    @Override
    public String toString() {
        return name + " " + localPort + "->" + remotePort + " " + state;
    }
}
