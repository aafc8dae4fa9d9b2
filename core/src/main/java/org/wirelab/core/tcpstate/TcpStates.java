package org.wirelab.core.tcpstate;

import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.summary.PacketTable;

/**
 * The TCP state timeline of an analysed capture: every segment whose flags were read is fed to its
 * stream's tracker. Endpoint 0 of each stream is its client (the analysis's role: the SYN's sender,
 * or the higher port when the handshake was not captured), endpoint 1 its server.
 */
public final class TcpStates {
    private TcpStates() {
    }

    public static TcpStateTimeline of(CaptureAnalysis analysis) {
        return of(analysis, index -> true);
    }

    /**
     * The timeline when it is known which frames reached their receiver ({@code delivered}, by 0-based
     * frame index): a simulator knows which frames it lost after the capture saw them leave. A lost
     * segment moves its sender's state and not its receiver's.
     */
    public static TcpStateTimeline of(CaptureAnalysis analysis, IntPredicate delivered) {
        return of(analysis, delivered, PassProgress.NONE);
    }

    /** The same, telling {@code progress} how far it has gone. */
    public static TcpStateTimeline of(CaptureAnalysis analysis, IntPredicate delivered, PassProgress progress) {
        PacketTable table = analysis.packets();
        ConversationIndex conversations = analysis.conversations();
        TcpStateTimeline.Builder builder = new TcpStateTimeline.Builder(table.size());
        // Three passes over the frames make the timeline: the segments gathered here, then (build) when each
        // arrived, then the trackers' replay. Each is told as a third of the whole.
        int thirds = (int) Math.min(Integer.MAX_VALUE, 3L * table.size());
        PassProgress gathering = progress.within(0, thirds);
        for (int i = 0; i < table.size(); i++) {
            gathering.at(i, table.size());
            int stream = conversations.tcpStream(i);
            if (stream == ConversationIndex.NONE || !TcpReach.hasValidHeaderLength(analysis.frames(), table, i)) {
                builder.skip();
                continue;
            }
            builder.segment(stream, conversations.fromClient(i) ? 0 : 1, table.tcpFlags(i), table.sequence(i),
                    table.acknowledgement(i), table.payloadLength(i), delivered.test(i));
        }
        return builder.build(progress.within(table.size(), thirds));
    }
}
