package org.wirelab.core.analysis;

import org.wirelab.core.frame.FrameReader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.protocol.dns.DnsTransactions;
import org.wirelab.core.protocol.icmp.IcmpEchoes;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

/**
 * Everything the fast path knows about a capture: the frames, their summary columns, the conversations
 * and the TCP sequence analysis, each computed once in a pass over primitive columns. The TCP sequence
 * analysis is made when first asked for: the conversation table does without it.
 *
 * <p>A file larger than the heap is analysed a part at a time ({@link #after}): each part's analysis
 * answers for its own frames exactly as the whole capture's would, from what the earlier parts handed
 * over (per-conversation state only), so that a one-pass command never holds more than a part.
 */
public final class CaptureAnalysis {
    private final FrameStore frames;
    private final PacketTable packets;
    private final ConversationIndex conversations;
    private volatile TcpSequenceAnalysis tcp;
    private volatile FrameTimes times;
    private volatile TcpAnalysisDetails tcpDetails;
    /** The last datagrams of the parts before this one (null for a whole file or its first part). */
    private RecentDatagrams earlierDatagrams;
    /** DNS messages paired with their conversation's earlier ones, carried from the parts before. */
    private DnsTransactions dns;
    /** ICMP echo replies paired with their requests, carried from the parts before. */
    private IcmpEchoes echoes;

    private CaptureAnalysis(FrameStore frames, PacketTable packets, ConversationIndex conversations) {
        this.frames = frames;
        this.packets = packets;
        this.conversations = conversations;
    }

    /** Decodes the summary of every frame and numbers the conversations; TCP is analysed when asked. */
    public static CaptureAnalysis of(FrameStore frames) {
        PacketTable packets = new PacketTable(frames.size());
        return decodedAndIndexed(frames, packets, ConversationIndex.toFill(frames, packets));
    }

    /**
     * Analyses the frames of the file that follow {@code previous}'s ({@code frames} of a
     * {@link org.wirelab.core.pcap.CaptureSegments}); {@code previous} hands over its conversations, its
     * TCP flows, its stream times, its last datagrams (which an ICMP error may quote), its DNS transactions
     * and its ICMP echo requests still unanswered, keeping the answers about its own frames that were
     * already asked. The DNS and ICMP pairs are carried once a part's were asked for ({@link #carryPairs}):
     * a reply may answer a request made millions of frames before, and the state is one entry per
     * transaction, not per frame; a reading that never shows a tree (the ladder, the conversations) does not
     * pay for pairing every DNS message.
     */
    public static CaptureAnalysis after(CaptureAnalysis previous, FrameStore frames) {
        PacketTable packets = new PacketTable(frames.size());
        CaptureAnalysis analysis = decodedAndIndexed(frames, packets,
                ConversationIndex.toFillAfter(previous.conversations, frames, packets));
        ConversationIndex conversations = analysis.conversations;
        analysis.tcp = TcpSequenceAnalysis.after(previous.tcp(), frames, packets, conversations);
        analysis.times = FrameTimes.after(previous.times(), frames, conversations);
        if (previous.tcpDetails != null) {
            // The fields that asked for them in the part before will ask again: carry their flows over.
            analysis.tcpDetails = TcpSequenceAnalysis.detailsAfter(previous.tcpDetails, frames, packets, conversations);
        }
        analysis.earlierDatagrams = RecentDatagrams.after(previous.earlierDatagrams, previous.frames,
                previous.packets, previous.conversations);
        if (previous.dns != null) {
            analysis.dns = DnsTransactions.after(previous.dns, analysis);
        }
        if (previous.echoes != null) {
            analysis.echoes = IcmpEchoes.after(previous.echoes, analysis);
        }
        return analysis;
    }

    /**
     * As {@link #after}, carrying only the conversations and the last datagrams: for a first reading of a file
     * that needs the summaries, the conversations and which datagram an ICMP error quotes, and no TCP analysis
     * or times (those this analysis would make from its own frames alone). {@code previous} is null for the
     * first part.
     */
    public static CaptureAnalysis summariesAfter(CaptureAnalysis previous, FrameStore frames) {
        if (previous == null) {
            return of(frames);
        }
        PacketTable packets = new PacketTable(frames.size());
        CaptureAnalysis analysis = decodedAndIndexed(frames, packets,
                ConversationIndex.toFillAfter(previous.conversations, frames, packets));
        analysis.earlierDatagrams = RecentDatagrams.after(previous.earlierDatagrams, previous.frames,
                previous.packets, previous.conversations);
        return analysis;
    }

    /**
     * Decodes each frame's summary into {@code packets} and numbers its conversation in {@code conversations}
     * in the same pass, so that each frame's bytes are read once (a mapped file's windows copied once).
     */
    private static CaptureAnalysis decodedAndIndexed(FrameStore frames, PacketTable packets,
            ConversationIndex conversations) {
        SummaryDecoder decoder = new SummaryDecoder();
        FrameReader reader = frames.reader();
        for (int i = 0; i < frames.size(); i++) {
            byte[] bytes = reader.buffer(i);
            decoder.decodeInto(bytes, frames.offset(i), frames.capturedLength(i), frames.originalLength(i),
                    frames.linkType(i), packets);
            conversations.add(frames, i, bytes);
        }
        return new CaptureAnalysis(frames, packets, conversations);
    }

    /** Analyses frames whose summary columns are already decoded. */
    public static CaptureAnalysis of(FrameStore frames, PacketTable packets) {
        return of(frames, packets, PassProgress.NONE);
    }

    /** The same, telling {@code progress} how far the conversations' numbering has gone. */
    public static CaptureAnalysis of(FrameStore frames, PacketTable packets, PassProgress progress) {
        return new CaptureAnalysis(frames, packets, ConversationIndex.build(frames, packets, progress));
    }

    public FrameStore frames() {
        return frames;
    }

    public PacketTable packets() {
        return packets;
    }

    public ConversationIndex conversations() {
        return conversations;
    }

    /** The TCP sequence analysis, made on first use (by one thread when several ask at once). */
    public TcpSequenceAnalysis tcp() {
        return tcp(PassProgress.NONE);
    }

    /** {@link #tcp()}, telling {@code progress} how far it has gone if it is made now. */
    public TcpSequenceAnalysis tcp(PassProgress progress) {
        TcpSequenceAnalysis analysis = tcp;
        if (analysis == null) {
            synchronized (this) {
                analysis = tcp;
                if (analysis == null) {
                    analysis = TcpSequenceAnalysis.build(frames, packets, conversations, progress);
                    tcp = analysis;
                }
            }
        }
        return analysis;
    }

    /**
     * The TCP analysis's numbers only -e and display filters ask for, made on first use (for a later part
     * of a file, when the part before made them).
     */
    public TcpAnalysisDetails tcpDetails() {
        TcpAnalysisDetails details = tcpDetails;
        if (details == null) {
            synchronized (this) {
                details = tcpDetails;
                if (details == null) {
                    details = TcpSequenceAnalysis.details(frames, packets, conversations);
                    tcpDetails = details;
                }
            }
        }
        return details;
    }

    /** The times each frame's time fields count from, made on first use. */
    public FrameTimes times() {
        FrameTimes made = times;
        if (made == null) {
            synchronized (this) {
                made = times;
                if (made == null) {
                    made = FrameTimes.of(frames, conversations);
                    times = made;
                }
            }
        }
        return made;
    }

    /**
     * Asks that this part's DNS transactions and ICMP echoes be found and carried to the parts after it
     * ({@link #after}), and from those on: a reading that shows the trees of later parts asks it of its first.
     */
    public void carryPairs() {
        dnsTransactions();
        icmpEchoes();
    }

    /**
     * Each DNS response's query and each message sent again, as the whole file's single pass finds them (in
     * a later part of a file, from the parts before when they were carried, {@link #carryPairs}).
     */
    public synchronized DnsTransactions dnsTransactions() {
        if (dns == null) {
            dns = new DnsTransactions(this);
        }
        return dns;
    }

    /** Each ICMP echo reply's request, as the whole file's single pass finds it. */
    public synchronized IcmpEchoes icmpEchoes() {
        if (echoes == null) {
            echoes = new IcmpEchoes(this);
        }
        return echoes;
    }

    /** The last datagrams of the parts before this one, for an ICMP error quoting one of them; null if none. */
    RecentDatagrams earlierDatagrams() {
        return earlierDatagrams;
    }

    public int size() {
        return packets.size();
    }

    /** Heap bytes held beyond the frame store, for the memory benchmark. */
    public long retainedBytes() {
        return packets.retainedBytes() + conversations.retainedBytes() + tcp().retainedBytes();
    }
}
