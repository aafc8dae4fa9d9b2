package org.wirelab.core.protocol.dns;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Wording.Word;
import org.wirelab.core.header.Bytes;
import org.wirelab.core.net.AddressText;

/**
 * One resource record (RFC 1035 section 4.1.3) as packet-dns.c shows it: name, type, class, TTL, data
 * length, then the data of the types wirelab reads (A, AAAA, NS, CNAME, PTR, MX, SOA) or EDNS0's OPT
 * pseudo-record (RFC 6891), whose class is the sender's UDP payload size and whose TTL holds the extended
 * reply code, the EDNS version and the DO bit; its data is a list of options.
 */
final class DnsRecord {
    private final LayerBuilder layer;
    private final byte[] b;
    private final DnsNames names;
    private final int at;
    private final int end;

    DnsRecord(LayerBuilder layer, DnsNames names, int at, int end) {
        this.layer = layer;
        this.b = layer.bytes();
        this.names = names;
        this.at = at;
        this.end = end;
    }

    /**
     * Adds the record's subtree to {@code records} (and, for an answer, "A 1.2.3.4" to {@code answerTexts});
     * returns the offset after it, or -1 when it is cut short or malformed.
     */
    int read(List<Field> records, List<String> answerTexts) {
        DnsNames.Read name = names.read(at);
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
        fields.add(layer.text(Dns.RESP_NAME, at, p - at, name.text()));
        fields.add(layer.field(Dns.RESP_TYPE, p, 2, type, "value.named", Integer.toString(type),
                DnsDecoder.typeLongWord(type)));
        Word typeName = DnsDecoder.typeWord(type);
        if (type == Dns.TYPE_OPT) {
            fields.addAll(edns(p));
            fields.add(layer.field(Dns.RESP_LEN, p + 8, 2));
            fields.addAll(options(data, length));
            records.add(layer.group(Dns.RECORD_OPT, at, data + length - at, fields, name.text(), typeName));
            return data + length;
        }
        fields.add(DnsDecoder.classField(layer, Dns.RESP_CLASS, p + 2, rclass));
        fields.add(layer.field(Dns.RESP_TTL, p + 4, 4, ttl, "value.number_named", Long.toString(ttl),
                DnsDecoder.duration(ttl)));
        fields.add(layer.field(Dns.RESP_LEN, p + 8, 2));
        Data shown = data(type, data, length, fields);
        if (answerTexts != null) {
            answerTexts.add(DnsDecoder.english(typeName) + " " + (shown == null ? "" : shown.value()));
        }
        Word classWord = DnsDecoder.classWord(rclass);
        Word dataWord = shown == null ? new Word("dns.record.no_data") : new Word(shown.key(), shown.value());
        records.add(layer.group(Dns.RECORD, at, data + length - at, fields, name.text(), typeName, classWord,
                dataWord));
        return data + length;
    }

    /** A record's data as its title names it ("addr 1.2.3.4"): the word's key and the value. */
    private record Data(String key, String value) {
    }

    /** Adds the data's fields of the types wirelab reads; returns what the title shows of it, or null. */
    private Data data(int type, int data, int length, List<Field> fields) {
        switch (type) {
            case Dns.TYPE_A -> {
                if (length == 4) {
                    fields.add(layer.address(Dns.A, data, 4));
                    return new Data("dns.record.addr", AddressText.ipv4(b, data));
                }
            }
            case Dns.TYPE_AAAA -> {
                if (length == 16) {
                    fields.add(layer.address(Dns.AAAA, data, 16));
                    return new Data("dns.record.addr", AddressText.ipv6(b, data));
                }
            }
            case Dns.TYPE_NS, Dns.TYPE_CNAME, Dns.TYPE_PTR -> {
                DnsNames.Read target = names.read(data);
                if (target != null) {
                    fields.add(layer.text(type == Dns.TYPE_NS ? Dns.NS : type == Dns.TYPE_CNAME ? Dns.CNAME : Dns.PTR,
                            data, length, target.text()));
                    return new Data(type == Dns.TYPE_NS ? "dns.record.ns" : type == Dns.TYPE_CNAME ? "dns.record.cname"
                            : "dns.record.ptr", target.text());
                }
            }
            case Dns.TYPE_MX -> {
                DnsNames.Read target = length >= 3 ? names.read(data + 2) : null;
                if (target != null) {
                    fields.add(layer.field(Dns.MX_PREFERENCE, data, 2));
                    fields.add(layer.text(Dns.MX_EXCHANGE, data + 2, length - 2, target.text()));
                    return new Data("dns.record.mx", target.text());
                }
            }
            case Dns.TYPE_SOA -> {
                Data soa = soa(data, length, fields);
                if (soa != null) {
                    return soa;
                }
            }
            default -> {
            }
        }
        if (length > 0) {
            fields.add(layer.data(Dns.RESP_DATA, data, length));
        }
        return null;
    }

    /** SOA (RFC 1035 section 3.3.13): two names, then five 32-bit numbers, four of them durations. */
    private Data soa(int data, int length, List<Field> fields) {
        DnsNames.Read mname = names.read(data);
        DnsNames.Read rname = mname == null ? null : names.read(mname.next());
        if (rname == null || rname.next() + 20 > data + length) {
            return null;
        }
        fields.add(layer.text(Dns.SOA_MNAME, data, mname.next() - data, mname.text()));
        fields.add(layer.text(Dns.SOA_RNAME, mname.next(), rname.next() - mname.next(), rname.text()));
        int p = rname.next();
        fields.add(layer.field(Dns.SOA_SERIAL, p, 4));
        List<HeaderField> durations = List.of(Dns.SOA_REFRESH, Dns.SOA_RETRY, Dns.SOA_EXPIRE,
                Dns.SOA_MINIMUM);
        for (int i = 0; i < durations.size(); i++) {
            long seconds = Integer.toUnsignedLong(Bytes.u32(b, p + 4 + 4 * i));
            fields.add(layer.field(durations.get(i), p + 4 + 4 * i, 4, seconds, "value.number_named",
                    Long.toString(seconds), DnsDecoder.duration(seconds)));
        }
        return new Data("dns.record.soa", mname.text());
    }

    /** OPT's class and TTL: UDP payload size, extended reply code, EDNS version, and Z with its DO bit. */
    private List<Field> edns(int p) {
        List<Field> fields = new ArrayList<>();
        fields.add(layer.field(Dns.UDP_PAYLOAD_SIZE, p + 2, 2));
        fields.add(layer.field(Dns.EXT_RCODE, p + 4, 1));
        fields.add(layer.field(Dns.EDNS0_VERSION, p + 5, 1));
        int z = Bytes.u16(b, p + 6);
        fields.add(layer.field(Dns.EDNS0_Z, p + 6, 2).withChildren(List.of(
                DnsDecoder.meaning(layer, Dns.EDNS0_DO, p + 6, z), layer.field(Dns.EDNS0_Z_RESERVED, p + 6, 2))));
        return fields;
    }

    /** OPT's options, each a code, a length and its data; a cookie's data is the client's then the server's. */
    private List<Field> options(int data, int length) {
        List<Field> options = new ArrayList<>();
        int p = data;
        while (p + 4 <= data + length) {
            int code = Bytes.u16(b, p);
            int optionLength = Math.min(Bytes.u16(b, p + 2), data + length - p - 4);
            Word codeName = Word.valueOf("dns.opt.code", Integer.toString(code));
            List<Field> fields = new ArrayList<>();
            fields.add(layer.field(Dns.OPT_CODE, p, 2, code, "value.named", Integer.toString(code), codeName));
            fields.add(layer.field(Dns.OPT_LEN, p + 2, 2));
            int value = p + 4;
            if (optionLength > 0) {
                fields.add(layer.data(Dns.OPT_DATA, value, optionLength));
            }
            if (code == Dns.OPTION_COOKIE && optionLength >= Dns.CLIENT_COOKIE_LENGTH) {
                fields.add(layer.data(Dns.COOKIE_CLIENT, value, Dns.CLIENT_COOKIE_LENGTH));
                int server = optionLength - Dns.CLIENT_COOKIE_LENGTH;
                // tshark prints an absent server cookie (a client's first query) as <MISSING>.
                fields.add(server > 0 ? layer.data(Dns.COOKIE_SERVER, value + Dns.CLIENT_COOKIE_LENGTH, server)
                        : layer.text(Dns.COOKIE_SERVER, value + Dns.CLIENT_COOKIE_LENGTH, 0, "<MISSING>"));
            }
            Field option = layer.group(Dns.OPT, p, 4 + optionLength, fields, codeName);
            // An FT_NONE item: no value of its own, and tshark prints 1 where it is present.
            options.add(new Field(option.label(), option.name(), option.range(), 0, "", option.display(), "1",
                    false, option.children(), option.wording()));
            p = value + optionLength;
        }
        return options;
    }
}
