package org.wirelab.core.analysis;

import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

/**
 * Everything the fast path knows about a capture: the frames, their summary columns, the conversations
 * and the TCP sequence analysis, each computed once in a pass over primitive columns.
 */
public final class CaptureAnalysis {
    private final FrameStore frames;
    private final PacketTable packets;
    private final ConversationIndex conversations;
    private final TcpSequenceAnalysis tcp;

    private CaptureAnalysis(FrameStore frames, PacketTable packets, ConversationIndex conversations,
            TcpSequenceAnalysis tcp) {
        this.frames = frames;
        this.packets = packets;
        this.conversations = conversations;
        this.tcp = tcp;
    }

    /** Decodes the summary of every frame, then numbers the conversations and analyses TCP. */
    public static CaptureAnalysis of(FrameStore frames) {
        return of(frames, new SummaryDecoder().decode(frames));
    }

    /** Analyses frames whose summary columns are already decoded. */
    public static CaptureAnalysis of(FrameStore frames, PacketTable packets) {
        ConversationIndex conversations = ConversationIndex.build(frames, packets);
        return new CaptureAnalysis(frames, packets, conversations,
                TcpSequenceAnalysis.build(frames, packets, conversations));
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

    public TcpSequenceAnalysis tcp() {
        return tcp;
    }

    public int size() {
        return packets.size();
    }

    /** Heap bytes held beyond the frame store, for the memory benchmark. */
    public long retainedBytes() {
        return packets.retainedBytes() + conversations.retainedBytes() + tcp.retainedBytes();
    }
}
