package org.wirelab.app.conversations;

import javafx.collections.ObservableListBase;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;

/**
 * A capture's TCP streams then UDP flows, as a read-only list whose rows are made when the list view
 * asks for them: a million-frame capture has tens of thousands of conversations, and the list shows
 * twenty. Replaced as a whole with each capture.
 */
final class ConversationList extends ObservableListBase<Conversation> {
    private ConversationIndex index;
    private int tcp;
    private int udp;

    void show(ConversationIndex conversations) {
        int old = size();
        beginChange();
        index = conversations;
        tcp = conversations.tcpStreamCount();
        udp = conversations.udpStreamCount();
        if (old > 0) {
            nextRemove(0, java.util.Collections.nCopies(old, (Conversation) null));
        }
        if (size() > 0) {
            nextAdd(0, size());
        }
        endChange();
    }

    @Override
    public Conversation get(int position) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException(position);
        }
        return position < tcp ? index.tcpConversation(position) : index.udpConversation(position - tcp);
    }

    @Override
    public int size() {
        return tcp + udp;
    }
}
