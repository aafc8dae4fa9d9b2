package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.IcmpQuote;
import org.wirelab.core.analysis.CaptureAnalysis;

/**
 * The lanes of each frame of a file read a part at a time, by name: what {@link CaptureLadder} draws each
 * frame between (the sockets of its TCP or UDP conversation, the lanes of the datagram an ICMP error quotes,
 * else the host addresses), each name numbered once in order of first sight. Carries from part to part one
 * pair of numbers per conversation and the lanes of the last frames an ICMP error may quote.
 */
final class LaneNames {
    /** Frames kept for an ICMP error's datagram: at most this far back (IcmpQuote's look-back). */
    private static final int RECENT = 257;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    // Names of endpoints A and B of each conversation (2 * stream + side), -1 before its first frame.
    private int[] tcp = filled(64);
    private int[] udp = filled(64);
    private final int[] recentFrom = new int[RECENT];
    private final int[] recentTo = new int[RECENT];
    /** Frames read so far (the file's index of the next). */
    private int frames;
    /** The last frame's sender and receiver names (-1 when it is drawn nowhere). */
    int from;
    int to;
    /** The conversation seen for the first time at the last frame (TCP: 2 * stream, UDP: 2 * stream + 1), or -1. */
    int newConversation;
    /** Whether the last frame's lanes are host lanes (by address), which it makes on first sight. */
    boolean hosts;

    /** Finds the lanes of frame {@code i} of {@code part}, the next frame of the file. */
    void next(CaptureAnalysis part, int i) {
        ConversationIndex index = part.conversations();
        newConversation = -1;
        hosts = false;
        int stream = index.tcpStream(i);
        if (stream != ConversationIndex.NONE) {
            tcp = sockets(tcp, stream, index, true);
            sides(tcp, stream, index.direction(i));
        } else if ((stream = index.udpStream(i)) != ConversationIndex.NONE) {
            udp = sockets(udp, stream, index, false);
            sides(udp, stream, index.direction(i));
        } else {
            int back = IcmpQuote.quotedDistance(part, i);
            int quoted = back < 0 ? -1 : (frames - back) % RECENT;
            if (quoted >= 0 && recentFrom[quoted] >= 0) {
                // An ICMP error goes back from the datagram's receiver lane to its sender's.
                from = recentTo[quoted];
                to = recentFrom[quoted];
            } else {
                String[] hostNames = CaptureLadder.hostLaneNames(part.frames(), part.packets(), i);
                hosts = hostNames != null;
                from = hosts ? id(hostNames[0]) : -1;
                to = hosts ? id(hostNames[1]) : -1;
            }
        }
        recentFrom[frames % RECENT] = from;
        recentTo[frames % RECENT] = to;
        frames++;
    }

    private int[] sockets(int[] cache, int stream, ConversationIndex index, boolean isTcp) {
        if (2 * stream + 1 >= cache.length) {
            int old = cache.length;
            cache = Arrays.copyOf(cache, Math.max(2 * old, 2 * stream + 2));
            Arrays.fill(cache, old, cache.length, -1);
        }
        if (cache[2 * stream] < 0) {
            Conversation conversation = isTcp ? index.tcpConversation(stream) : index.udpConversation(stream);
            cache[2 * stream] = id(conversation.a().toString());
            cache[2 * stream + 1] = id(conversation.b().toString());
            newConversation = 2 * stream + (isTcp ? 0 : 1);
        }
        return cache;
    }

    private void sides(int[] cache, int stream, int direction) {
        from = cache[2 * stream + direction];
        to = cache[2 * stream + 1 - direction];
    }

    /** The names of endpoints A and B of a conversation ({@link #newConversation}'s number). */
    int sideA(int conversation) {
        return ((conversation & 1) == 0 ? tcp : udp)[2 * (conversation >> 1)];
    }

    int sideB(int conversation) {
        return ((conversation & 1) == 0 ? tcp : udp)[2 * (conversation >> 1) + 1];
    }

    /** The number of {@code name}, given on first sight. */
    int id(String name) {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** The number of a name already seen, or -1. */
    int idOf(String name) {
        Integer known = ids.get(name);
        return known == null ? -1 : known;
    }

    String name(int id) {
        return names.get(id);
    }

    int count() {
        return names.size();
    }

    private static int[] filled(int n) {
        int[] array = new int[n];
        Arrays.fill(array, -1);
        return array;
    }
}
