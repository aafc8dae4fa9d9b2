package org.wirelab.core.check;

import java.util.TreeSet;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;

/** When nothing went to the expected port: the server ports the capture does show, as a hint. */
final class OtherPorts {
    private OtherPorts() {
    }

    /** " (the capture has TCP traffic to port 4000: try --port 4000)", or "" when it has none. */
    static String hint(CaptureAnalysis analysis, int port, boolean tcp, Words words) {
        ConversationIndex index = analysis.conversations();
        TreeSet<Integer> ports = new TreeSet<>();
        int count = tcp ? index.tcpStreamCount() : index.udpStreamCount();
        for (int s = 0; s < count; s++) {
            Conversation c = tcp ? index.tcpConversation(s) : index.udpConversation(s);
            if (c.server().port() != port) {
                ports.add(c.server().port());
            }
        }
        if (ports.isEmpty()) {
            return "";
        }
        String listed = String.join(", ", ports.stream().limit(5).map(String::valueOf).toList());
        return words.format(tcp ? "hint.ports.tcp" : "hint.ports.udp", listed, ports.first());
    }
}
