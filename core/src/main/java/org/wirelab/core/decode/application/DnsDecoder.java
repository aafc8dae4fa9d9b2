package org.wirelab.core.decode.application;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.net.AddressText;

/**
 * DNS (RFC 1035): the header with its flags, the questions, and every resource record (answers,
 * authority, additional) with its name, type, TTL and the common data types (A, AAAA, CNAME, PTR, NS, MX).
 * Over TCP the message follows a 2-byte length (RFC 1035 section 4.2.2). Compressed names are followed
 * with a bound on the number of jumps, so a pointer loop ends with a diagnostic.
 */
public final class DnsDecoder implements ApplicationDecoder {
    private static final int HEADER_LENGTH = 12;
    private static final int MAX_POINTER_JUMPS = 32;
    private final boolean overTcp;

    public DnsDecoder(boolean overTcp) {
        this.overTcp = overTcp;
    }

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        return payload.has((overTcp ? 2 : 0) + HEADER_LENGTH);
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        byte[] b = payload.bytes();
        int o = payload.offset();
        int end = o + payload.captured();
        LayerBuilder layer = new LayerBuilder("DNS", 7, b, o);
        int start = o;
        if (overTcp) {
            layer.add(layer.uint("dns.length", "Length", o, 2, Bytes.u16(b, o)));
            start += 2;
            end = Math.min(end, start + Bytes.u16(b, o));
        }
        int id = Bytes.u16(b, start);
        int flags = Bytes.u16(b, start + 2);
        boolean response = (flags & 0x8000) != 0;
        layer.add(layer.hex("dns.id", "Transaction ID", start, 2, id));
        layer.add(layer.hexBits("dns.flags", "Flags", start + 2, 2, 0xffff, flags, 4, response ? "response"
                : "query").withChildren(flagFields(layer, start + 2, response)));
        String[] counts = {"dns.count.queries", "dns.count.answers", "dns.count.auth_rr", "dns.count.add_rr"};
        String[] labels = {"Questions", "Answer RRs", "Authority RRs", "Additional RRs"};
        int[] count = new int[4];
        for (int i = 0; i < 4; i++) {
            count[i] = Bytes.u16(b, start + 4 + 2 * i);
            layer.add(layer.uint(counts[i], labels[i], start + 4 + 2 * i, 2, count[i]));
        }
        int at = start + HEADER_LENGTH;
        Names names = new Names(b, start, end);
        List<Field> queries = new ArrayList<>();
        List<String> questionTexts = new ArrayList<>();
        int groupStart = at;
        for (int i = 0; i < count[0] && at >= 0; i++) {
            int questionStart = at;
            Names.Read name = names.read(at);
            if (name == null || name.next() + 4 > end) {
                layer.error(at, Math.max(0, end - at), "DNS question " + (i + 1) + " is cut short or malformed");
                at = -1;
                break;
            }
            int type = Bytes.u16(b, name.next());
            int qclass = Bytes.u16(b, name.next() + 2);
            questionTexts.add(name.text() + " " + typeName(type));
            queries.add(layer.group("", name.text() + ": type " + typeName(type) + ", class " + className(qclass),
                    questionStart, name.next() + 4 - questionStart, List.of(
                            layer.string("dns.qry.name", "Name", questionStart, name.next() - questionStart,
                                    name.text()),
                            layer.uint("dns.qry.type", "Type", name.next(), 2, type, typeName(type) + " (" + type + ")"),
                            layer.hex("dns.qry.class", "Class", name.next() + 2, 2, qclass, className(qclass)))));
            at = name.next() + 4;
        }
        if (!queries.isEmpty()) {
            layer.add(layer.group("", "Queries", groupStart, at < 0 ? 0 : at - groupStart, queries));
        }
        List<String> answerTexts = new ArrayList<>();
        String[] sections = {"Answers", "Authoritative nameservers", "Additional records"};
        for (int s = 0; s < 3 && at >= 0; s++) {
            List<Field> records = new ArrayList<>();
            groupStart = at;
            for (int i = 0; i < count[s + 1]; i++) {
                int next = record(layer, names, at, end, records, s == 0 ? answerTexts : null);
                if (next < 0) {
                    at = -1;
                    break;
                }
                at = next;
            }
            if (!records.isEmpty()) {
                layer.add(layer.group("", sections[s], groupStart, Math.max(0, at - groupStart), records));
            }
        }
        String summary = "DNS " + (response ? "response " : "query ") + LayerBuilder.hexText(id, 4) + " "
                + String.join(", ", questionTexts) + (answerTexts.isEmpty() ? "" : " → " + String.join(", ", answerTexts));
        if (response && (flags & 0xf) != 0) {
            summary += " (" + rcodeName(flags & 0xf) + ")";
        }
        return Step.last(layer.build(o + payload.captured(), "Domain Name System (" + (response ? "response" : "query")
                + ")", summary));
    }

    /** Decodes one resource record into {@code records}; returns the offset after it, or -1. */
    private static int record(LayerBuilder layer, Names names, int at, int end, List<Field> records,
            List<String> answerTexts) {
        byte[] b = layer.bytes();
        Names.Read name = names.read(at);
        if (name == null || name.next() + 10 > end) {
            layer.error(at, Math.max(0, end - at), "DNS resource record at offset " + at + " is cut short or malformed");
            return -1;
        }
        int p = name.next();
        int type = Bytes.u16(b, p);
        int rclass = Bytes.u16(b, p + 2);
        long ttl = Integer.toUnsignedLong(Bytes.u32(b, p + 4));
        int length = Bytes.u16(b, p + 8);
        int data = p + 10;
        if (data + length > end) {
            layer.error(data, Math.max(0, end - data), "DNS record data claims " + length + " bytes, "
                    + Math.max(0, end - data) + " captured");
            return -1;
        }
        List<Field> fields = new ArrayList<>();
        fields.add(layer.string("dns.resp.name", "Name", at, p - at, name.text()));
        fields.add(layer.uint("dns.resp.type", "Type", p, 2, type, typeName(type) + " (" + type + ")"));
        if (type != 41) { // OPT (RFC 6891) reuses class and TTL for other values
            fields.add(layer.hex("dns.resp.class", "Class", p + 2, 2, rclass, className(rclass)));
            fields.add(layer.uint("dns.resp.ttl", "Time to live", p + 4, 4, ttl));
        }
        fields.add(layer.uint("dns.resp.len", "Data length", p + 8, 2, length));
        String value = null;
        switch (type) {
            case 1 -> {
                if (length == 4) {
                    value = AddressText.ipv4(b, data);
                    fields.add(layer.string("dns.a", "Address", data, 4, value));
                }
            }
            case 28 -> {
                if (length == 16) {
                    value = AddressText.ipv6(b, data);
                    fields.add(layer.string("dns.aaaa", "AAAA Address", data, 16, value));
                }
            }
            case 2, 5, 12 -> {
                Names.Read target = names.read(data);
                if (target != null) {
                    value = target.text();
                    String fieldName = type == 2 ? "dns.ns" : type == 5 ? "dns.cname" : "dns.ptr.domain_name";
                    fields.add(layer.string(fieldName, type == 2 ? "Name Server" : type == 5 ? "CNAME" : "Domain Name",
                            data, length, value));
                }
            }
            case 15 -> {
                Names.Read target = length >= 3 ? names.read(data + 2) : null;
                if (target != null) {
                    fields.add(layer.uint("dns.mx.preference", "Preference", data, 2, Bytes.u16(b, data)));
                    value = target.text();
                    fields.add(layer.string("dns.mx.mail_exchange", "Mail Exchange", data + 2, length - 2, value));
                }
            }
            default -> {
                if (length > 0) {
                    fields.add(layer.data("", "Data", data, length));
                }
            }
        }
        String text = name.text() + ": type " + typeName(type) + (value == null ? "" : ", " + value);
        if (answerTexts != null) {
            answerTexts.add(typeName(type) + " " + (value == null ? "" : value));
        }
        records.add(layer.group("", text, at, data + length - at, fields));
        return data + length;
    }

    private static List<Field> flagFields(LayerBuilder layer, int at, boolean response) {
        List<Field> fields = new ArrayList<>();
        fields.add(layer.flag("dns.flags.response", "Response", at, 2, 0x8000));
        int opcode = (Bytes.u16(layer.bytes(), at) >>> 11) & 0xf;
        fields.add(layer.bits("dns.flags.opcode", "Opcode", at, 2, 0x7800, opcode, Integer.toString(opcode)));
        if (response) {
            fields.add(layer.flag("dns.flags.authoritative", "Authoritative", at, 2, 0x0400));
        }
        fields.add(layer.flag("dns.flags.truncated", "Truncated", at, 2, 0x0200));
        fields.add(layer.flag("dns.flags.recdesired", "Recursion desired", at, 2, 0x0100));
        if (response) {
            fields.add(layer.flag("dns.flags.recavail", "Recursion available", at, 2, 0x0080));
        }
        fields.add(layer.flag("dns.flags.z", "Z", at, 2, 0x0040));
        // A query may set the bit too (RFC 6840 section 5.7): Wireshark shows it, as "AD bit", only when set.
        if (response || (Bytes.u16(layer.bytes(), at) & 0x0020) != 0) {
            fields.add(layer.flag("dns.flags.authenticated", response ? "Answer authenticated" : "AD bit", at, 2,
                    0x0020));
        }
        fields.add(layer.flag("dns.flags.checkdisable", "Non-authenticated data", at, 2, 0x0010));
        if (response) {
            int rcode = Bytes.u16(layer.bytes(), at) & 0xf;
            fields.add(layer.bits("dns.flags.rcode", "Reply code", at, 2, 0x000f, rcode, rcodeName(rcode)));
        }
        return fields;
    }

    static String typeName(int type) {
        return switch (type) {
            case 1 -> "A";
            case 2 -> "NS";
            case 5 -> "CNAME";
            case 6 -> "SOA";
            case 12 -> "PTR";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 28 -> "AAAA";
            case 33 -> "SRV";
            case 41 -> "OPT";
            case 65 -> "HTTPS";
            case 255 -> "ANY";
            default -> "Unknown (" + type + ")";
        };
    }

    private static String className(int dnsClass) {
        return switch (dnsClass) {
            case 1 -> "IN";
            case 3 -> "CH";
            case 255 -> "ANY";
            default -> "0x" + Integer.toHexString(dnsClass);
        };
    }

    private static String rcodeName(int rcode) {
        return switch (rcode) {
            case 0 -> "No error";
            case 1 -> "Format error";
            case 2 -> "Server failure";
            case 3 -> "No such name";
            case 4 -> "Not implemented";
            case 5 -> "Refused";
            default -> "Error " + rcode;
        };
    }

    /** Reads possibly compressed names (RFC 1035 section 4.1.4) within one message. */
    private static final class Names {
        private final byte[] b;
        private final int messageStart;
        private final int end;

        Names(byte[] b, int messageStart, int end) {
            this.b = b;
            this.messageStart = messageStart;
            this.end = end;
        }

        record Read(String text, int next) {
        }

        /** The name at {@code at} and the offset after its in-place part, or null when malformed. */
        Read read(int at) {
            StringBuilder text = new StringBuilder();
            int p = at;
            int next = -1;
            for (int jumps = 0; jumps <= MAX_POINTER_JUMPS; ) {
                if (p >= end) {
                    return null;
                }
                int length = Bytes.u8(b, p);
                if (length == 0) {
                    return new Read(text.length() == 0 ? "<Root>" : text.toString(), next < 0 ? p + 1 : next);
                }
                if ((length & 0xc0) == 0xc0) {
                    if (p + 1 >= end) {
                        return null;
                    }
                    if (next < 0) {
                        next = p + 2;
                    }
                    p = messageStart + (((length & 0x3f) << 8) | Bytes.u8(b, p + 1));
                    jumps++;
                    continue;
                }
                if ((length & 0xc0) != 0 || p + 1 + length > end || text.length() + length > 255) {
                    return null;
                }
                if (text.length() > 0) {
                    text.append('.');
                }
                for (int i = p + 1; i <= p + length; i++) {
                    int c = b[i] & 0xff;
                    text.append(c > 0x20 && c < 0x7f ? (char) c : '?');
                }
                p += 1 + length;
            }
            return null;
        }
    }
}
