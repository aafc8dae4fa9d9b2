package org.wirelab.core.protocol.dns;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FieldLabels;
import org.wirelab.core.decode.HeaderField;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.decode.Wording.Word;
import org.wirelab.core.header.Bytes;

/**
 * DNS (RFC 1035) as packet-dns.c shows it: the header with its flags, the questions, and every resource
 * record (answers, authority, additional) with its name, type, class, TTL and the data of the common types
 * (A, AAAA, NS, CNAME, PTR, MX, SOA, and EDNS0's OPT with its options). Over TCP the message follows a
 * 2-byte length. Compressed names are followed with a bound on the number of jumps, so a pointer loop ends
 * with a diagnostic ({@link DnsNames}).
 */
public final class DnsDecoder implements ApplicationDecoder {
    private static final List<HeaderField> COUNTS = List.of(Dns.COUNT_QUERIES, Dns.COUNT_ANSWERS, Dns.COUNT_AUTH_RR,
            Dns.COUNT_ADD_RR);
    private static final List<HeaderField> SECTIONS = List.of(Dns.ANSWERS, Dns.AUTHORITIES, Dns.ADDITIONALS);
    private final boolean overTcp;

    public DnsDecoder(boolean overTcp) {
        this.overTcp = overTcp;
    }

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        return payload.has((overTcp ? Dns.TCP_LENGTH_PREFIX : 0) + Dns.HEADER_LENGTH);
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        byte[] b = payload.bytes();
        int o = payload.offset();
        int end = o + payload.captured();
        LayerBuilder layer = new LayerBuilder(Dns.PROTOCOL_FIELD.layerName(), 7, b, o);
        int start = o;
        if (overTcp) {
            layer.add(Dns.LENGTH, o, 2);
            start += Dns.TCP_LENGTH_PREFIX;
            end = Math.min(end, start + Bytes.u16(b, o));
        }
        int id = Bytes.u16(b, start);
        int flags = Bytes.u16(b, start + 2);
        boolean response = (flags & Dns.FLAG_RESPONSE) != 0;
        layer.add(Dns.ID, start, 2);
        layer.add(layer.field(Dns.FLAGS, start + 2, 2, "dns.flags.value", LayerBuilder.hexText(flags, 4),
                flagsWord(flags)).withChildren(flagFields(layer, start + 2, flags)));
        int[] count = new int[COUNTS.size()];
        for (int i = 0; i < count.length; i++) {
            count[i] = Bytes.u16(b, start + 4 + 2 * i);
            layer.add(COUNTS.get(i), start + 4 + 2 * i, 2);
        }
        int at = start + Dns.HEADER_LENGTH;
        DnsNames names = new DnsNames(b, start, end);
        List<Field> queries = new ArrayList<>();
        List<String> questionTexts = new ArrayList<>();
        int groupStart = at;
        for (int i = 0; i < count[0] && at >= 0; i++) {
            int questionStart = at;
            DnsNames.Read name = names.read(at);
            if (name == null || name.next() + 4 > end) {
                layer.error(at, Math.max(0, end - at), "DNS question " + (i + 1) + " is cut short or malformed");
                at = -1;
                break;
            }
            int p = name.next();
            int type = Bytes.u16(b, p);
            int qclass = Bytes.u16(b, p + 2);
            questionTexts.add(name.text() + " " + english(typeWord(type)));
            List<Field> fields = new ArrayList<>(nameFields(layer, Dns.QRY_NAME, questionStart, p, name.text()));
            fields.add(layer.field(Dns.QRY_TYPE, p, 2, type, "value.named", Integer.toString(type), typeLongWord(type)));
            fields.add(classField(layer, Dns.QRY_CLASS, p + 2, qclass));
            queries.add(layer.group(Dns.QUERY, questionStart, p + 4 - questionStart, fields, name.text(),
                    typeWord(type), classWord(qclass)));
            at = p + 4;
        }
        if (!queries.isEmpty()) {
            layer.add(layer.group(Dns.QUERIES, groupStart, at < 0 ? 0 : at - groupStart, queries));
        }
        List<String> answerTexts = new ArrayList<>();
        for (int s = 0; s < SECTIONS.size() && at >= 0; s++) {
            List<Field> records = new ArrayList<>();
            groupStart = at;
            for (int i = 0; i < count[s + 1]; i++) {
                int next = new DnsRecord(layer, names, at, end).read(records, s == 0 ? answerTexts : null);
                if (next < 0) {
                    at = -1;
                    break;
                }
                at = next;
            }
            if (!records.isEmpty()) {
                layer.add(layer.group(SECTIONS.get(s), groupStart, Math.max(0, at - groupStart), records));
            }
        }
        String summary = "DNS " + (response ? "response " : "query ") + LayerBuilder.hexText(id, 4) + " "
                + String.join(", ", questionTexts) + (answerTexts.isEmpty() ? "" : " → " + String.join(", ", answerTexts));
        if (response && (flags & 0xf) != 0) {
            summary += " (" + english(Word.valueOf("dns.rcode", Integer.toString(flags & 0xf))) + ")";
        }
        Wording title = new Wording(Dns.PROTOCOL, Wording.NO_VALUE, new Word(response ? "dns.kind.response"
                : "dns.kind.query"));
        return Step.last(layer.build(o + payload.captured(), title, summary));
    }

    /** The name's field, then Wireshark's generated length of its text and count of its labels. */
    static List<Field> nameFields(LayerBuilder layer, HeaderField declaration, int at, int next, String text) {
        List<Field> fields = new ArrayList<>(3);
        fields.add(layer.text(declaration, at, next - at, text));
        if (declaration == Dns.QRY_NAME) {
            fields.add(layer.generated(Dns.QRY_NAME_LEN, at, next - at, (long) text.length(),
                    Integer.toString(text.length())));
            long labels = text.chars().filter(c -> c == '.').count() + 1;
            fields.add(layer.generated(Dns.COUNT_LABELS, at, next - at, labels, Long.toString(labels)));
        }
        return fields;
    }

    static Field classField(LayerBuilder layer, HeaderField declaration, int at, int dnsClass) {
        return layer.field(declaration, at, 2, dnsClass, "value.named", LayerBuilder.hexText(dnsClass, 4),
                classWord(dnsClass));
    }

    /** "Standard query" for a query, "Standard query response, No error" for a response. */
    private static Word flagsWord(int flags) {
        Word opcode = Word.valueOf("dns.opcode", Integer.toString((flags >>> 11) & 0xf));
        if ((flags & Dns.FLAG_RESPONSE) == 0) {
            return opcode;
        }
        return new Word("dns.flags.reply", opcode, Word.valueOf("dns.rcode", Integer.toString(flags & 0xf)));
    }

    private static List<Field> flagFields(LayerBuilder layer, int at, int flags) {
        boolean response = (flags & Dns.FLAG_RESPONSE) != 0;
        List<Field> fields = new ArrayList<>();
        fields.add(meaning(layer, Dns.FLAG_RESPONSE_BIT, at, flags));
        int opcode = (flags & (int) Dns.OPCODE.mask()) >>> Dns.OPCODE.shift();
        fields.add(layer.field(Dns.OPCODE, at, 2, "value.named", Integer.toString(opcode),
                Word.valueOf("dns.opcode", Integer.toString(opcode))));
        if (response) {
            fields.add(meaning(layer, Dns.AUTHORITATIVE, at, flags));
        }
        fields.add(meaning(layer, Dns.TRUNCATED, at, flags));
        fields.add(meaning(layer, Dns.RECURSION_DESIRED, at, flags));
        if (response) {
            fields.add(meaning(layer, Dns.RECURSION_AVAILABLE, at, flags));
        }
        fields.add(layer.field(Dns.Z, at, 2, "dns.flags.z.value", (flags & (int) Dns.Z.mask()) != 0 ? "1" : "0"));
        // A query may set the bit too (RFC 6840 section 5.7): Wireshark shows it, as "AD bit", only when set.
        if (response) {
            fields.add(meaning(layer, Dns.AUTHENTICATED, at, flags));
        } else if ((flags & (int) Dns.AD_BIT.mask()) != 0) {
            fields.add(layer.field(Dns.AD_BIT, at, 2));
        }
        fields.add(meaning(layer, Dns.CHECK_DISABLE, at, flags));
        if (response) {
            int rcode = flags & (int) Dns.RCODE.mask();
            fields.add(layer.field(Dns.RCODE, at, 2, "value.named", Integer.toString(rcode),
                    Word.valueOf("dns.rcode", Integer.toString(rcode))));
        }
        return fields;
    }

    /** A flag shown by what it means ("Message is a response"), the words {@code name[1]} and {@code name[0]}. */
    static Field meaning(LayerBuilder layer, HeaderField flag, int at, int word) {
        boolean set = (word & flag.mask()) != 0;
        return layer.field(flag, at, 2, flag.name() + (set ? "[1]" : "[0]"));
    }

    /** The type's short name ("A", "CNAME"). */
    static Word typeWord(int type) {
        return Word.valueOf("dns.type", Integer.toString(type));
    }

    /** The type's name with its meaning ("A (Host Address)"), as the Type field shows it. */
    static Word typeLongWord(int type) {
        return Word.valueOf("dns.type.long", Integer.toString(type));
    }

    static Word classWord(int dnsClass) {
        return Word.valueOf("dns.class", Integer.toString(dnsClass));
    }

    /**
     * A number of seconds in days, hours, minutes and seconds, as Wireshark writes a TTL ("11 hours, 20
     * minutes, 28 seconds"), in the bundles' words.
     */
    static Word duration(long seconds) {
        long[] amounts = {seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60};
        String[] units = {"day", "hour", "minute", "second"};
        List<Word> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0) {
                parts.add(new Word("dns.duration." + units[i] + (amounts[i] == 1 ? "" : "s"), Long.toString(amounts[i])));
            }
        }
        return parts.isEmpty() ? new Word("dns.duration.seconds", "0") : Word.list(parts);
    }

    static String english(Word word) {
        return FieldLabels.english().text(word.key(), word.arguments());
    }
}
