package org.wirelab.core.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.IcmpQuote;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.analysis.TcpReach;
import org.wirelab.core.analysis.TcpSequenceAnalysis;
import org.wirelab.core.frame.FrameReader;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.PassProgress;
import org.wirelab.core.protocol.ipv4.Ipv4;
import org.wirelab.core.protocol.ipv6.Ipv6;
import org.wirelab.core.net.AddressText;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.tcpstate.StateChange;
import org.wirelab.core.tcpstate.TcpStateTimeline;

/**
 * Builds the ladder of an analysed capture. TCP segments and UDP datagrams go between socket
 * lanes (a conversation's client lane is added before its server's when the conversation first
 * appears); an ICMP error goes back along the lanes of the datagram it quotes (from its receiver to its
 * sender); other ICMP, other IP payloads and ARP go between host lanes (one per address). Each TCP arrow
 * carries the state changes it caused, on the lanes of the endpoints that changed, and its expert
 * events on the sender's lane.
 *
 * <p>{@link #of} finds every frame's lanes in one pass over the analysis' columns (two ints per frame)
 * and makes each arrow, with its label, when asked: a viewer of a million frames builds only the arrows
 * it shows. {@link #build} makes them all.
 */
public final class CaptureLadder implements Ladder {
    private static final String STATE_ARROW = " -> ";

    /** The note on an arrow whose frame the network lost after the capture saw it leave. */
    public static final String LOST = "Lost on the way: the receiver never got it";

    private final CaptureAnalysis analysis;
    private final TcpStateTimeline states;
    private final IntPredicate lost;
    private final List<Lane> lanes = new ArrayList<>();
    private final Map<String, Integer> laneByName = new HashMap<>();
    // Lanes of each conversation's endpoints A and B (index 2 * stream + side), -1 before first use.
    private final int[] tcpLanes;
    private final int[] udpLanes;
    private final int[] fromLane;
    private final int[] toLane;
    private final long start;
    /** The file's number of this analysis's frame 0. */
    private final int firstNumber;
    // One array for every socket frame: the pass over a million frames makes no garbage for them.
    private final int[] sides = new int[2];
    // The FINs that crossed another FIN on the way (ascending) and the row where each was taken.
    private final int[] crossingFins;
    private final int[] crossingArrivals;
    /**
     * Each thread's reader of the frames' bytes, for the labels' TCP options: the threads that write a
     * million labels then copy each window of a mapped file into an array of their own, making no garbage.
     */
    private final ThreadLocal<FrameReader> readers;
    /** Each lane's state at any arrow ({@link #laneStates()}), made when first asked. */
    private volatile LaneStates laneStates;

    private CaptureLadder(CaptureAnalysis analysis, TcpStateTimeline states, IntPredicate lost, PassProgress progress) {
        this.lost = lost;
        this.analysis = analysis;
        this.states = states;
        ConversationIndex index = analysis.conversations();
        tcpLanes = new int[2 * index.tcpStreamCount()];
        udpLanes = new int[2 * index.udpStreamCount()];
        Arrays.fill(tcpLanes, -1);
        Arrays.fill(udpLanes, -1);
        FrameStore frames = analysis.frames();
        readers = ThreadLocal.withInitial(frames::reader);
        // Times count from the capture's first frame, which is before this analysis's in a part of a file.
        start = frames.size() == 0 ? 0 : frames.firstIndex() == 0 ? frames.timestampNanos(0)
                : analysis.times().captureStartNanos();
        firstNumber = frames.firstIndex() + 1;
        fromLane = new int[frames.size()];
        toLane = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            progress.at(i, frames.size());
            int[] ends = lanesOf(i);
            fromLane[i] = ends[0];
            toLane[i] = ends[1];
        }
        int[][] crossing = crossingFins(analysis, states);
        crossingFins = crossing[0];
        crossingArrivals = crossing[1];
    }

    /**
     * The FINs that crossed: FIN i, taken at row a, and the peer's FIN j sent before a (and after i,
     * or the other way round): neither acknowledges the other, each side sent its FIN before it took the
     * peer's. Only FINs taken later than their own row are candidates, a few per connection. The
     * segments of the same connection sent from the first FIN on and taken late, until both FINs are taken, are drawn slanting too,
     * so that no arrow reaches a lane before a segment that was taken earlier.
     */
    private static int[][] crossingFins(CaptureAnalysis analysis, TcpStateTimeline states) {
        int[] late = states.lateFrames();
        PacketTable table = analysis.packets();
        ConversationIndex index = analysis.conversations();
        boolean[] slanted = new boolean[late.length];
        for (int k = 0; k < late.length; k++) {
            int i = late[k];
            int arrival = states.arrivalIndex(i);
            if (arrival < 0 || (table.tcpFlags(i) & Tcp.FIN) == 0) {
                continue;
            }
            for (int m = k + 1; m < late.length && late[m] < arrival; m++) {
                int j = late[m];
                if ((table.tcpFlags(j) & Tcp.FIN) != 0 && states.arrivalIndex(j) > j
                        && index.tcpStream(j) == index.tcpStream(i) && index.direction(j) != index.direction(i)) {
                    int end = Math.max(arrival, states.arrivalIndex(j));
                    for (int n = k; n < late.length && late[n] < end; n++) {
                        slanted[n] |= states.arrivalIndex(late[n]) > late[n]
                                && index.tcpStream(late[n]) == index.tcpStream(i);
                    }
                }
            }
        }
        int[] frames = new int[late.length];
        int[] arrivals = new int[late.length];
        int count = 0;
        for (int k = 0; k < late.length; k++) {
            if (slanted[k]) {
                frames[count] = late[k];
                arrivals[count++] = states.arrivalIndex(late[k]);
            }
        }
        return new int[][] {Arrays.copyOf(frames, count), Arrays.copyOf(arrivals, count)};
    }

    /** A FIN that crossed the peer's FIN (and what was sent between them) arrives where its receiver takes it. */
    @Override
    public int arrivalIndex(int index) {
        int at = Arrays.binarySearch(crossingFins, index);
        return at >= 0 ? crossingArrivals[at] : index;
    }

    @Override
    public int[] slantedArrows() {
        return crossingFins.clone();
    }

    /** The ladder of every frame of {@code analysis}, arrows made on demand; {@code states} from {@code TcpStates.of(analysis)}. */
    public static CaptureLadder of(CaptureAnalysis analysis, TcpStateTimeline states) {
        return new CaptureLadder(analysis, states, index -> false, PassProgress.NONE);
    }

    /**
     * As {@link #of(CaptureAnalysis, TcpStateTimeline)}, with the frames ({@code lost}, by 0-based index)
     * a simulator knows never arrived: their arrows say so (pair it with
     * {@code TcpStates.of(analysis, delivered)}).
     */
    public static CaptureLadder of(CaptureAnalysis analysis, TcpStateTimeline states, IntPredicate lost) {
        return of(analysis, states, lost, PassProgress.NONE);
    }

    /** The same, telling {@code progress} how far the lanes of the arrows have been found. */
    public static CaptureLadder of(CaptureAnalysis analysis, TcpStateTimeline states, IntPredicate lost,
            PassProgress progress) {
        return new CaptureLadder(analysis, states, lost, progress);
    }

    /** The ladder of every frame of {@code analysis} with all its arrows made; {@code states} from {@code TcpStates.of(analysis)}. */
    public static LadderModel build(CaptureAnalysis analysis, TcpStateTimeline states) {
        return build(analysis, states, index -> false);
    }

    /** {@link #build(CaptureAnalysis, TcpStateTimeline)} with the frames known {@code lost} said so. */
    public static LadderModel build(CaptureAnalysis analysis, TcpStateTimeline states, IntPredicate lost) {
        CaptureLadder ladder = new CaptureLadder(analysis, states, lost, PassProgress.NONE);
        List<Arrow> arrows = new ArrayList<>(ladder.size());
        for (int i = 0; i < ladder.size(); i++) {
            arrows.add(ladder.arrow(i));
        }
        return new LadderModel(ladder.lanes, arrows);
    }

    /** The analysis drawn. */
    CaptureAnalysis analysis() {
        return analysis;
    }

    /** The frames whose TCP segment changed a state (arrow {@code i} is frame {@code i + 1}), from the state timeline. */
    @Override
    public int[] stateChangeArrows() {
        return states.changedFrames();
    }

    @Override
    public List<Lane> lanes() {
        return Collections.unmodifiableList(lanes);
    }

    @Override
    public int size() {
        return fromLane.length;
    }

    @Override
    public int fromLane(int index) {
        return fromLane[index];
    }

    @Override
    public int frameNumber(int index) {
        Objects.checkIndex(index, fromLane.length);
        return firstNumber + index;
    }

    @Override
    public long relativeTimeNanos(int index) {
        return analysis.frames().timestampNanos(index) - start;
    }

    @Override
    public int toLane(int index) {
        return toLane[index];
    }

    @Override
    public Arrow arrow(int i) {
        Objects.checkIndex(i, fromLane.length);
        long time = analysis.frames().timestampNanos(i) - start;
        int[] ends = {fromLane[i], toLane[i]};
        ConversationIndex index = analysis.conversations();
        if (index.tcpStream(i) != ConversationIndex.NONE) {
            return new Arrow(firstNumber + i, ends[0], ends[1], time, tcpLabel(i), withLost(i, ends, tcpNotes(i, ends)),
                    tcpSegment(i));
        }
        if (index.udpStream(i) != ConversationIndex.NONE) {
            return new Arrow(firstNumber + i, ends[0], ends[1], time,
                    FrameLabels.udp(analysis.packets().payloadLength(i)), withLost(i, ends, List.of()));
        }
        return new Arrow(firstNumber + i, ends[0], ends[1], time, hostLabel(i), withLost(i, ends, List.of()));
    }

    /** The sender's and receiver's lanes of frame {@code i}, adding lanes on first sight. */
    private int[] lanesOf(int i) {
        ConversationIndex index = analysis.conversations();
        int tcpStream = index.tcpStream(i);
        if (tcpStream != ConversationIndex.NONE) {
            if (tcpLanes[2 * tcpStream] < 0) {
                addSocketLanes(tcpLanes, index.tcpConversation(tcpStream));
            }
            return sides(tcpLanes, tcpStream, index.direction(i));
        }
        int udpStream = index.udpStream(i);
        if (udpStream != ConversationIndex.NONE) {
            if (udpLanes[2 * udpStream] < 0) {
                addSocketLanes(udpLanes, index.udpConversation(udpStream));
            }
            return sides(udpLanes, udpStream, index.direction(i));
        }
        int quoted = IcmpQuote.quotedFrame(analysis.frames(), analysis.packets(), i);
        if (quoted >= 0 && fromLane[quoted] >= 0) {
            // An ICMP error goes back from the datagram's receiver lane to its sender's, beside it.
            return new int[] {toLane[quoted], fromLane[quoted]};
        }
        return hostLanes(i);
    }

    private int[] sides(int[] cache, int stream, int direction) {
        sides[0] = cache[2 * stream + direction];
        sides[1] = cache[2 * stream + 1 - direction];
        return sides;
    }

    /** Adds a conversation's client lane, then its server's, the first time the conversation is seen. */
    private void addSocketLanes(int[] cache, Conversation conversation) {
        int s = conversation.stream();
        boolean clientIsA = conversation.clientIsA();
        int client = lane(conversation.client().toString(), "client");
        int server = lane(conversation.server().toString(), "server");
        cache[2 * s] = clientIsA ? client : server;
        cache[2 * s + 1] = clientIsA ? server : client;
    }

    private TcpSegment tcpSegment(int i) {
        PacketTable table = analysis.packets();
        ConversationIndex index = analysis.conversations();
        TcpSequenceAnalysis tcp = analysis.tcp();
        FrameStore frames = analysis.frames();
        int payload = table.transportOffset(i) + table.tcpHeaderLength(i);
        int captured = Math.max(0, Math.min(table.payloadLength(i), frames.capturedLength(i) - payload));
        String start = TcpReach.hasValidHeaderLength(frames, table, i)
                ? TcpSegment.payloadStart(frames.buffer(i), frames.offset(i) + payload, captured) : "";
        return new TcpSegment(table.tcpFlags(i), Integer.toUnsignedLong(index.relativeSequence(i)),
                Integer.toUnsignedLong(index.relativeAcknowledgement(i)), Integer.toUnsignedLong(table.sequence(i)),
                Integer.toUnsignedLong(table.acknowledgement(i)), table.payloadLength(i),
                tcp.scaledWindow(table, i), tcp.expertBits(i), start);
    }

    /**
     * Writes arrow {@code i}'s label and notes from the analysis' columns, as {@link #arrow} would make them,
     * for a TCP segment or a UDP datagram (all but a few frames of most captures); other frames are made.
     */
    @Override
    public void writeText(int i, ArrowText text) {
        Objects.checkIndex(i, fromLane.length);
        ConversationIndex index = analysis.conversations();
        if (index.tcpStream(i) != ConversationIndex.NONE) {
            writeTcpLabel(i, text.line());
            List<StateChange> changes = states.changes(i);
            if (!changes.isEmpty()) {
                boolean senderIsClient = index.fromClient(i);
                for (int endpoint = 0; endpoint < 2; endpoint++) {
                    if (hasChange(changes, endpoint)) {
                        text.stateNote((endpoint == 0) == senderIsClient ? fromLane[i] : toLane[i]);
                        writeStatePath(changes, endpoint, text.line());
                    }
                }
            }
            if (lost.test(i)) {
                text.expertNote().append(LOST);
            }
            TcpSequenceAnalysis tcp = analysis.tcp();
            int expertBits = tcp.expertBits(i);
            // The duplicate ACK's number is looked up only for a duplicate ACK.
            int duplicateAck = TcpExpert.DUPLICATE_ACK.isIn(expertBits) ? tcp.duplicateAckNumber(i) : 0;
            ExpertNotes.write(expertBits, duplicateAck, analysis.packets().tcpFlags(i), text);
        } else if (index.udpStream(i) != ConversationIndex.NONE) {
            text.append(FrameLabels.UDP_LENGTH).append(analysis.packets().payloadLength(i));
            if (lost.test(i)) {
                text.expertNote().append(LOST);
            }
        } else {
            text.write(arrow(i));
        }
    }

    private String tcpLabel(int i) {
        AsciiLine label = new AsciiLine(96);
        writeTcpLabel(i, label);
        return label.toString();
    }

    /** The segment's label as tshark's Info column, without the ports; numbers and names only, ASCII. */
    private void writeTcpLabel(int i, AsciiLine label) {
        FrameStore frames = analysis.frames();
        PacketTable table = analysis.packets();
        if (!TcpReach.hasValidHeaderLength(frames, table, i)) {
            label.append("TCP (header not entirely captured)");
            return;
        }
        ConversationIndex index = analysis.conversations();
        TcpSequenceAnalysis tcp = analysis.tcp();
        int relativeAck = index.relativeAcknowledgement(i);
        TcpInfoText.write(label, table.tcpFlags(i), Integer.toUnsignedLong(index.relativeSequence(i)),
                Integer.toUnsignedLong(relativeAck), tcp.scaledWindow(table, i), table.payloadLength(i),
                readers.get().buffer(i), frames.offset(i) + table.transportOffset(i),
                frames.offset(i) + frames.capturedLength(i), table.acknowledgement(i) - relativeAck);
    }

    private static boolean hasChange(List<StateChange> changes, int endpoint) {
        for (StateChange change : changes) {
            if (change.endpoint() == endpoint) {
                return true;
            }
        }
        return false;
    }

    /** Several changes of one endpoint at one frame read as one path: "FIN-WAIT-1 -> CLOSING -> TIME-WAIT". */
    private static void writeStatePath(List<StateChange> changes, int endpoint, AsciiLine path) {
        boolean first = true;
        for (StateChange change : changes) {
            if (change.endpoint() == endpoint) {
                if (first) {
                    path.append(change.from().text(change.fromInferred()));
                    first = false;
                }
                path.append(STATE_ARROW).append(change.to().text(change.toInferred()));
            }
        }
    }

    /** {@code notes}, and first the note that frame {@code i} was lost, when it was. */
    private List<LaneNote> withLost(int i, int[] ends, List<LaneNote> notes) {
        if (!lost.test(i)) {
            return notes;
        }
        List<LaneNote> all = new ArrayList<>(notes.size() + 1);
        all.add(new LaneNote(ends[0], LaneNote.Kind.EXPERT, LOST));
        all.addAll(notes);
        return all;
    }

    private List<LaneNote> tcpNotes(int i, int[] ends) {
        List<LaneNote> notes = new ArrayList<>(2);
        addStateNotes(i, ends, notes);
        TcpSequenceAnalysis tcp = analysis.tcp();
        for (String expert : ExpertNotes.of(tcp.expertBits(i), tcp.duplicateAckNumber(i),
                analysis.packets().tcpFlags(i))) {
            notes.add(new LaneNote(ends[0], LaneNote.Kind.EXPERT, expert));
        }
        return notes;
    }

    /** The notes of arrow {@code i}'s TCP state changes, one a side that changed ({@code ends}: sender's, receiver's lane). */
    private void addStateNotes(int i, int[] ends, List<LaneNote> notes) {
        // Endpoint 0 of the state timeline is the client; ends[0] is the sender's lane.
        boolean senderIsClient = analysis.conversations().fromClient(i);
        List<StateChange> changes = states.changes(i);
        for (int endpoint = 0; endpoint < 2; endpoint++) {
            if (hasChange(changes, endpoint)) {
                AsciiLine path = new AsciiLine(48);
                writeStatePath(changes, endpoint, path);
                boolean changedIsSender = (endpoint == 0) == senderIsClient;
                notes.add(new LaneNote(changedIsSender ? ends[0] : ends[1], LaneNote.Kind.STATE, path.toString()));
            }
        }
    }

    /** Only the state notes: a view of a million frames asks them of every state change once (LaneStates). */
    @Override
    public List<LaneNote> stateNotes(int i) {
        Objects.checkIndex(i, fromLane.length);
        if (analysis.conversations().tcpStream(i) == ConversationIndex.NONE) {
            return List.of();
        }
        List<LaneNote> notes = new ArrayList<>(2);
        addStateNotes(i, new int[] {fromLane[i], toLane[i]}, notes);
        return notes;
    }

    /** Made once, when first asked: on the source's thread for a capture shown whole, so the view's first paint waits for nothing. */
    @Override
    public LaneStates laneStates() {
        return laneStates(PassProgress.NONE);
    }

    /** {@link #laneStates()}, telling {@code progress} how far it has gone if it is made now. */
    public LaneStates laneStates(PassProgress progress) {
        LaneStates made = laneStates;
        if (made == null) {
            made = LaneStates.of(this, progress);
            laneStates = made;
        }
        return made;
    }

    /** ICMP, other IP payloads, ARP and undecodable frames: between hosts, when there are addresses. */
    private int[] hostLanes(int i) {
        String[] names = hostLaneNames(analysis.frames(), analysis.packets(), i);
        return names == null ? new int[] {-1, -1} : new int[] {lane(names[0], "host"), lane(names[1], "host")};
    }

    /**
     * The names of the host lanes (the addresses) of frame {@code i}'s sender and receiver, or null when it has
     * none: what {@link #of} draws ICMP, other IP payloads and ARP between (one lane per address).
     */
    static String[] hostLaneNames(FrameStore frames, PacketTable table, int i) {
        byte[] b = frames.buffer(i);
        int network = table.network(i);
        int at = frames.offset(i) + table.networkOffset(i);
        int available = frames.capturedLength(i) - table.networkOffset(i);
        if (network == PacketTable.NETWORK_IPV4 && available >= Ipv4.MIN_HEADER_LENGTH) {
            return new String[] {AddressText.ipv4(b, at + Ipv4.SOURCE), AddressText.ipv4(b, at + Ipv4.DESTINATION)};
        }
        if (network == PacketTable.NETWORK_IPV6 && available >= Ipv6.HEADER_LENGTH) {
            return new String[] {AddressText.ipv6(b, at + Ipv6.SOURCE), AddressText.ipv6(b, at + Ipv6.DESTINATION)};
        }
        // ARP goes from the sender's address to the target's (RFC 826 fields).
        if (network == PacketTable.NETWORK_ARP && available >= 28 && (b[at + 4] & 0xff) == 6
                && (b[at + 5] & 0xff) == 4) {
            return new String[] {AddressText.ipv4(b, at + 14), AddressText.ipv4(b, at + 24)};
        }
        return null;
    }

    private String hostLabel(int i) {
        FrameStore frames = analysis.frames();
        PacketTable table = analysis.packets();
        int network = table.network(i);
        int captured = frames.capturedLength(i);
        int available = captured - table.networkOffset(i);
        if (network == PacketTable.NETWORK_IPV4 && available >= Ipv4.MIN_HEADER_LENGTH) {
            return ipLabel(i, false);
        }
        if (network == PacketTable.NETWORK_IPV6 && available >= Ipv6.HEADER_LENGTH) {
            return ipLabel(i, true);
        }
        if (network == PacketTable.NETWORK_ARP) {
            return FrameLabels.arp(frames.buffer(i), frames.offset(i) + table.networkOffset(i), available);
        }
        return "Frame not decoded to an address (" + captured + " bytes)";
    }

    private String ipLabel(int i, boolean v6) {
        FrameStore frames = analysis.frames();
        PacketTable table = analysis.packets();
        int transport = table.transport(i);
        if (table.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)) {
            return "IP fragment";
        }
        if (transport == PacketTable.TRANSPORT_ICMP || transport == PacketTable.TRANSPORT_ICMPV6) {
            return FrameLabels.icmp(transport == PacketTable.TRANSPORT_ICMPV6, frames.buffer(i),
                    frames.offset(i) + table.transportOffset(i), frames.capturedLength(i) - table.transportOffset(i));
        }
        if (transport == PacketTable.TRANSPORT_TCP) {
            return "TCP (header not captured)";
        }
        if (transport == PacketTable.TRANSPORT_UDP) {
            return "UDP (header not captured)";
        }
        return transport == PacketTable.TRANSPORT_NONE ? (v6 ? "IPv6" : "IPv4") : FrameLabels.ipPayload(transport);
    }

    private int lane(String name, String role) {
        Integer existing = laneByName.get(name);
        if (existing != null) {
            return existing;
        }
        int index = lanes.size();
        lanes.add(new Lane(index, name, role));
        laneByName.put(name, index);
        return index;
    }
}
