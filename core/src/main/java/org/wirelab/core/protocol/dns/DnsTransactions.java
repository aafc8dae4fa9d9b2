package org.wirelab.core.protocol.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.Timestamps;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.summary.PacketTable;

/**
 * Pairs each DNS response with the query it answers, as packet-dns.c does on tshark's single pass: by
 * transaction ID within one conversation (the UDP or TCP stream), the query seen before the response. A
 * response then shows {@code dns.response_to} (the query's frame) and {@code dns.time} (the seconds between
 * them). A query's {@code dns.response_in} needs a second pass, which tshark makes only with {@code -2}, so
 * it is not shown, as tshark shows it by default.
 *
 * <p>A file read a part at a time carries the transactions from part to part ({@link #after}, made by
 * {@link CaptureAnalysis#after}): one entry per transaction ID of a conversation, at most 65,536 a
 * conversation whatever its length, and nothing per frame, so a response answers a query of a flow that
 * began millions of frames before without those frames in memory.
 */
public final class DnsTransactions {
    private final CaptureAnalysis analysis;
    /** The transactions by conversation and ID: as the parts of the file before left them, then as this one does. */
    private final Map<Long, Transaction> transactions;
    /** What other frames tell about each DNS frame of this part (0-based index in it) that has a pair. */
    private Map<Integer, Pairing> pairings;

    /**
     * A DNS message's relation to an earlier frame of its conversation with the same transaction ID.
     *
     * @param kind a response to its query, a query sent again, or a response sent again
     * @param other the earlier frame's number in the file: the query answered, the first query, the first response
     * @param nanos that frame's time
     */
    private record Pairing(Kind kind, int other, long nanos) {
    }

    private enum Kind { RESPONSE, RETRANSMITTED_QUERY, RETRANSMITTED_RESPONSE }

    /** One transaction: the numbers (in the file) and times of its first query and first response (-1 until seen). */
    private static final class Transaction {
        final int query;
        final long queryNanos;
        int response = -1;
        long responseNanos;

        Transaction(int query, long queryNanos) {
            this.query = query;
            this.queryNanos = queryNanos;
        }
    }

    public DnsTransactions(CaptureAnalysis analysis) {
        this(analysis, new HashMap<>());
    }

    private DnsTransactions(CaptureAnalysis analysis, Map<Long, Transaction> transactions) {
        this.analysis = analysis;
        this.transactions = transactions;
    }

    /**
     * The transactions of {@code analysis}, the part of a file that follows {@code previous}'s
     * ({@code CaptureAnalysis.after}): a response may answer a query of a part before.
     */
    public static DnsTransactions after(DnsTransactions previous, CaptureAnalysis analysis) {
        previous.pairings(); // the transactions as the previous part leaves them
        return new DnsTransactions(analysis, previous.transactions);
    }

    /** {@code dns}, frame {@code index}'s DNS layer, with the fields that pair it with earlier frames. */
    public Layer applyTo(int index, Layer dns) {
        if (!dns.protocol().equals("DNS")) {
            return dns;
        }
        Pairing pairing = pairings().get(index);
        if (pairing == null) {
            return dns;
        }
        ByteRange none = new ByteRange(dns.range().offset(), 0);
        String frame = Integer.toString(pairing.other());
        List<Field> fields = new ArrayList<>(dns.fields());
        switch (pairing.kind()) {
            case RESPONSE -> {
                FrameStore frames = analysis.frames();
                String seconds = Timestamps.epochText(frames.timestampNanos(index) - pairing.nanos());
                fields.add(Field.generated(Dns.RESPONSE_TO, none, (long) pairing.other(), frame, "value", frame));
                fields.add(Field.generated(Dns.TIME, none, seconds, seconds, "dns.time.value", seconds));
            }
            case RETRANSMITTED_QUERY -> {
                fields.add(Field.generated(Dns.RETRANSMIT_REQUEST, none, "", "1", Wording.NO_VALUE));
                fields.add(Field.generated(Dns.RETRANSMIT_REQUEST_IN, none, (long) pairing.other(), frame, "value",
                        frame));
                fields.add(Field.generated(Dns.RETRANSMISSION, none, Boolean.TRUE, "1", "dns.retransmission.value"));
            }
            case RETRANSMITTED_RESPONSE -> {
                fields.add(Field.generated(Dns.RETRANSMIT_RESPONSE, none, "", "1", Wording.NO_VALUE));
                fields.add(Field.generated(Dns.RETRANSMIT_RESPONSE_IN, none, (long) pairing.other(), frame, "value",
                        frame));
                fields.add(Field.generated(Dns.RETRANSMISSION, none, Boolean.TRUE, "1", "dns.retransmission.value"));
            }
        }
        return dns.withFields(fields);
    }

    /** Pairs every DNS message of the capture now rather than when the first one is shown. */
    public void prepare() {
        pairings();
    }

    /**
     * Every DNS frame's pairing, read in capture order as packet-dns.c's first pass reads it: a query with
     * the ID of a query still unanswered is sent again; a response answers the transaction's query, or, when
     * it already has a response, is that response sent again.
     */
    private synchronized Map<Integer, Pairing> pairings() {
        if (pairings == null) {
            pairings = findPairings();
        }
        return pairings;
    }

    private Map<Integer, Pairing> findPairings() {
        Map<Integer, Pairing> found = new HashMap<>();
        PacketTable packets = analysis.packets();
        ConversationIndex conversations = analysis.conversations();
        FrameStore frames = analysis.frames();
        for (int i = 0; i < packets.size(); i++) {
            int transport = packets.transport(i);
            boolean tcp = transport == PacketTable.TRANSPORT_TCP;
            if (!tcp && transport != PacketTable.TRANSPORT_UDP
                    || packets.sourcePort(i) != Dns.PORT && packets.destinationPort(i) != Dns.PORT
                    || packets.hasStatus(i, PacketTable.STATUS_IP_FRAGMENT)) {
                continue;
            }
            int prefix = tcp ? Dns.TCP_LENGTH_PREFIX : 0;
            int at = packets.transportOffset(i) + (tcp ? packets.tcpHeaderLength(i) : 8) + prefix;
            if (packets.payloadLength(i) < prefix + 4 || at + 4 > frames.capturedLength(i)) {
                continue;
            }
            int stream = tcp ? conversations.tcpStream(i) : conversations.udpStream(i);
            if (stream == ConversationIndex.NONE) {
                continue;
            }
            byte[] b = frames.buffer(i);
            int o = frames.offset(i) + at;
            long key = ((long) stream << 18) | (tcp ? 1L << 17 : 0) | Bytes.u16(b, o);
            Transaction transaction = transactions.get(key);
            int number = frames.firstIndex() + i + 1;
            long nanos = frames.timestampNanos(i);
            if ((Bytes.u16(b, o + 2) & Dns.FLAG_RESPONSE) == 0) {
                if (transaction != null && transaction.response < 0) {
                    found.put(i, new Pairing(Kind.RETRANSMITTED_QUERY, transaction.query, transaction.queryNanos));
                } else {
                    transactions.put(key, new Transaction(number, nanos));
                }
            } else if (transaction != null && transaction.response >= 0) {
                found.put(i, new Pairing(Kind.RETRANSMITTED_RESPONSE, transaction.response, transaction.responseNanos));
            } else if (transaction != null) {
                transaction.response = number;
                transaction.responseNanos = nanos;
                found.put(i, new Pairing(Kind.RESPONSE, transaction.query, transaction.queryNanos));
            }
        }
        return found;
    }
}
