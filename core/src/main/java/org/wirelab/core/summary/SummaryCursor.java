package org.wirelab.core.summary;

import org.wirelab.core.header.IpProtocol;

/**
 * Where the fast path is in one frame as its {@link SummaryLayer}s read it: the frame's bytes, the position of
 * the next header, how far the bytes were captured and how far the headers say they go, and the row of the
 * {@link PacketTable} being filled. Reused from frame to frame, so that the walk allocates nothing.
 */
public final class SummaryCursor {
    /** IP-in-IP nesting followed at most this deep, so that crafted frames always terminate quickly. */
    private static final int MAX_IP_NESTING = 4;

    private byte[] bytes;
    private int frameStart;
    private int at;
    private int end;
    private long reportedEnd;
    private int linkType;
    private int ipHeaders;
    private int row;
    private PacketTable table;

    /** Starts at the first byte of a frame of {@code capturedLength} bytes; {@code originalLength} on the wire. */
    void start(byte[] bytes, int offset, int capturedLength, int originalLength, int linkType, int row,
            PacketTable table) {
        this.bytes = bytes;
        this.frameStart = offset;
        this.at = offset;
        this.end = offset + capturedLength;
        // The length on the wire bounds lengths that headers claim (tshark's "reported length").
        this.reportedEnd = (long) offset + Math.max(originalLength, capturedLength);
        this.linkType = linkType;
        this.ipHeaders = 0;
        this.row = row;
        this.table = table;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Where the next header starts in {@link #bytes()}. */
    public int at() {
        return at;
    }

    /** The end of the captured bytes (of the enclosing IP datagram's, inside IP in IP). */
    public int end() {
        return end;
    }

    /** How many captured bytes are left from {@link #at()}. */
    public int captured() {
        return end - at;
    }

    /** The end of the bytes on the wire, or of the IP datagram the next header is in. */
    public long reportedEnd() {
        return reportedEnd;
    }

    /** The capture's link type (BSD loopback's byte order depends on it). */
    public int linkType() {
        return linkType;
    }

    public int row() {
        return row;
    }

    public PacketTable table() {
        return table;
    }

    /** {@code position} as an offset in the frame, as the row stores offsets. */
    public int inFrame(int position) {
        return position - frameStart;
    }

    /** Moves past a header of {@code length} bytes. */
    public void skip(int length) {
        at += length;
    }

    public void addStatus(int status) {
        table.addStatus(row, status);
    }

    /** Marks the row malformed and ends the walk (returns null for the layer to return). */
    public SummaryLayer malformed() {
        table.addStatus(row, PacketTable.STATUS_MALFORMED);
        return null;
    }

    /**
     * Counts one more IP header; false past the nesting followed (the row is then malformed), so that
     * crafted IP in IP always ends quickly.
     */
    public boolean enterIp() {
        if (ipHeaders == MAX_IP_NESTING) {
            table.addStatus(row, PacketTable.STATUS_MALFORMED);
            return false;
        }
        ipHeaders++;
        return true;
    }

    /**
     * After an IP header: its payload, {@code protocol} from {@code payloadAt} to {@code payloadEnd}. IP in IP
     * is read as a second network layer whose bytes end with the outer datagram (the conversation is the inner
     * datagram's, as tshark's tcp.stream keys it); any other protocol is the row's transport.
     */
    public SummaryLayer ipPayload(int protocol, int payloadAt, long payloadEnd, SummaryTables tables) {
        at = payloadAt;
        reportedEnd = payloadEnd;
        if (protocol == IpProtocol.IPV4 || protocol == IpProtocol.IPV6) {
            end = (int) Math.min(end, payloadEnd);
        } else {
            table.setTransport(row, protocol, payloadAt - frameStart);
        }
        return tables.byIpProtocol(protocol);
    }
}
