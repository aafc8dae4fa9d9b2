package org.wirelab.simulator.tcp;

import java.util.ArrayDeque;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.simulator.net.Packet;

/**
 * The whole state of one connection in one place, as RFC 9293 section 3.3.1 lists it (the
 * Transmission Control Block): the socket's addresses, the state, the send and receive sequence
 * spaces, what the SYNs agreed on, the buffers, then what Linux keeps for retransmission, loss
 * recovery, acknowledgments, send calls and the application's wake-ups. The classes that process
 * arriving segments, send, acknowledge and time out all read and write this block; none keeps a
 * connection variable of its own.
 */
final class TransmissionControlBlock {
    // ---- the socket ---------------------------------------------------------------------------
    final TcpConfig config;
    final boolean ipv6;
    final byte[] localAddress;
    final byte[] remoteAddress;
    final int localPort;
    final int remotePort;
    /** True for the endpoint that sent the first SYN (active open). */
    final boolean client;
    /** The actor and side, e.g. {@code client} or {@code server}. */
    final String name;
    TcpState state = TcpState.CLOSED;

    // ---- sequence spaces and options (RFC 9293 section 3.3.1, RFC 7323) -------------------------
    final SendSequence snd;
    final ReceiveSequence rcv;
    final ConnectionOptions options;
    /** How far the receive window may open now (Linux's rcv_ssthresh, window_clamp and autotuning). */
    final ReceiveWindow receiveWindow;

    // ---- what the application wrote and reads --------------------------------------------------
    /** Written and not yet acknowledged, kept for retransmission. */
    final SendBuffer sendBuffer;
    /** What is written and not yet sent, cut into segments as it was written. */
    final WriteQueue writeQueue = new WriteQueue(1);
    /** The application has closed its sending side: FIN follows the last byte written. */
    boolean finQueued;
    /** The application called close(): nobody will read what arrives any more. */
    boolean applicationClosed;

    // ---- retransmission and loss recovery ------------------------------------------------------
    final RttEstimator rtt;
    /** The congestion window and the recovery around it, grown and cut by CUBIC or Reno. */
    final CongestionWindow congestion;
    /** What the peer has SACKed (RFC 2018, RFC 6675). */
    final SackScoreboard scoreboard = new SackScoreboard();
    /** RACK-TLP (RFC 8985): loss found by time rather than by counting, and the tail loss probe. */
    final RackTlp rack = new RackTlp();
    /**
     * Segments sent again since the last recovery began and not yet reported as needless by a D-SACK
     * (Linux's undo_retrans); -1 when no undo is possible (a timeout, or already undone).
     */
    int undoRetransmissions = -1;
    /** RFC 6675's HighRxt: the end of what has been sent again in this recovery. */
    long highRxt;
    /** A tail loss probe was sent and no ACK has come since (one probe per tail, RFC 8985 section 7.3). */
    boolean probeOutstanding;
    /** Timeouts in a row without an ACK (SYN, SYN-ACK or data). */
    int retries;
    /** Persist timer probes sent in a row (their interval doubles like the RTO). */
    int probes;
    /** The end of the segment being timed for an RTT sample (Karn: sent once), and when it left. */
    long timedSequence = SendSequence.NONE;
    long timedAt;
    /** When the SYN or SYN-ACK left: the handshake's round trip is the first sample. */
    long handshakeStart;

    // ---- keep-alive ---------------------------------------------------------------------------
    /** The application's SO_KEEPALIVE and its options; null while off (Linux's default). */
    KeepAlive keepAlive;
    /** Keep-alive probes sent since the peer last answered (Linux's icsk_probes_out). */
    int keepAliveProbes;
    /** When an acceptable segment last arrived (Linux's rcv_tstamp): idleness is counted from it. */
    long lastReceivedAt;

    // ---- acknowledgments ----------------------------------------------------------------------
    /** When to acknowledge: quick ACKs, ping-pong, the guess of the sender's MSS (Linux's heuristics). */
    final AckPolicy acks;
    /** An ACK is owed at once, sent when the segment's processing ends. */
    boolean ackNow;
    /** The last acknowledgment number and window sent, to mark duplicate ACKs and window updates. */
    long lastAckSent = SendSequence.NONE;
    long lastWindowBytes = -1;
    /** A duplicate segment to report in the next ACK's first SACK block (RFC 2883), as data offsets; null if none. */
    long[] duplicateReport;
    /** The last timestamp echoed to us by a data segment: one receiver round-trip sample per echo. */
    long lastEchoForRtt = SendSequence.NONE;
    /** When a SYN-ACK last left, and when a SYN was last answered outside the timer (tcp_oow_rate_limited). */
    long lastSynAckAt = Long.MIN_VALUE / 2;
    long lastSynAnswerAt = Long.MIN_VALUE / 2;

    // ---- the IP header ------------------------------------------------------------------------
    /** The next IPv4 identification. */
    int identification;
    /** The IPv6 flow label: a random hash per socket, drawn again after each timeout (Linux's txhash). */
    int flowLabel;

    // ---- send calls (Linux's socket lock) ------------------------------------------------------
    /** Calls made while another was being copied: {first offset, length} each. */
    final ArrayDeque<long[]> waitingCalls = new ArrayDeque<>();
    /** When the send call being copied returns; in the past when there is none. */
    long sendCallEnds = Long.MIN_VALUE;
    /** Segments that arrived during a send call (Linux's socket backlog). */
    final ArrayDeque<Packet> backlog = new ArrayDeque<>();
    /** The program closed during a send call. */
    boolean shutdownAfterSendCalls;

    // ---- what the application has yet to hear --------------------------------------------------
    /** The handshake has completed and the application has not heard it yet. */
    boolean establishedPending;
    boolean notifyReadable;
    boolean notifyWritable;
    /** A wake-up of the application is scheduled. */
    boolean wakeupPending;

    // ---- counters -----------------------------------------------------------------------------
    long bytesRead;
    /** Segments (and SYNs, FINs) sent again. */
    long retransmissions;

    final TcpTimers timers;

    TransmissionControlBlock(TcpStack stack, boolean ipv6, byte[] localAddress, int localPort, byte[] remoteAddress,
            int remotePort, boolean client, String name, TcpTimers.Actions timerActions) {
        this.config = stack.config();
        this.ipv6 = ipv6;
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.client = client;
        this.name = name;
        // Drawn in this order from the network's random source, so that a seed gives the same numbers.
        this.snd = new SendSequence(stack.randomIsn());
        this.options = new ConnectionOptions(config.mss(ipv6), stack.randomIsn());
        this.identification = client ? stack.randomIdentification() : 0;
        this.flowLabel = ipv6 ? (int) (stack.randomIsn() & 0xfffff) : 0;
        this.sendBuffer = new SendBuffer(config.sendBuffer());
        this.rtt = new RttEstimator(config);
        this.rcv = new ReceiveSequence(new ReceiveBuffer(), config.windowScale());
        this.receiveWindow = new ReceiveWindow(config.receiveBuffer());
        this.congestion = new CongestionWindow(config.congestionControl().create());
        this.acks = new AckPolicy(config.delayedAck().toNanos(), config.mss(ipv6));
        this.timers = new TcpTimers(stack.simulator(), timerActions);
    }
}
