package org.wirelab.core.protocol.dns;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * DNS's one place for its names (RFC 1035, EDNS0 of RFC 6891): the header's layout, the record types it
 * reads, and every field packet-dns.c names, declared once with Wireshark 4.0's types and bases;
 * {@link DnsDecoder} adds them and {@link DnsTransactions} the ones that pair a query with its response.
 * Labels, the names of types, classes, opcodes and reply codes ({@code dns.type[1]}, {@code dns.rcode[3]})
 * and the title are in the {@code FieldLabels} bundles under these names.
 */
public final class Dns {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("dns", "DNS");
    /** The protocol, by its filter name; its title is the bundles' {@code dns} ("Domain Name System (query)"). */
    public static final String PROTOCOL = PROTOCOL_FIELD.name();
    public static final int PORT = 53;
    public static final int HEADER_LENGTH = 12;
    /** Over TCP each message follows its length in 2 bytes (RFC 1035 section 4.2.2). */
    public static final int TCP_LENGTH_PREFIX = 2;

    public static final int FLAG_RESPONSE = 0x8000;
    public static final int TYPE_A = 1;
    public static final int TYPE_NS = 2;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_SOA = 6;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_MX = 15;
    public static final int TYPE_AAAA = 28;
    public static final int TYPE_OPT = 41;
    /** The EDNS0 option that carries DNS cookies (RFC 7873). */
    public static final int OPTION_COOKIE = 10;
    public static final int CLIENT_COOKIE_LENGTH = 8;

    public static final HeaderField LENGTH = HeaderField.unsigned("dns.length");
    public static final HeaderField ID = HeaderField.hex("dns.id");
    public static final HeaderField FLAGS = HeaderField.hex("dns.flags");
    public static final HeaderField FLAG_RESPONSE_BIT = HeaderField.flag("dns.flags.response", FLAG_RESPONSE);
    public static final HeaderField OPCODE = HeaderField.bits("dns.flags.opcode", 0x7800);
    public static final HeaderField AUTHORITATIVE = HeaderField.flag("dns.flags.authoritative", 0x0400);
    public static final HeaderField TRUNCATED = HeaderField.flag("dns.flags.truncated", 0x0200);
    public static final HeaderField RECURSION_DESIRED = HeaderField.flag("dns.flags.recdesired", 0x0100);
    public static final HeaderField RECURSION_AVAILABLE = HeaderField.flag("dns.flags.recavail", 0x0080);
    public static final HeaderField Z = HeaderField.flag("dns.flags.z", 0x0040);
    public static final HeaderField AUTHENTICATED = HeaderField.flag("dns.flags.authenticated", 0x0020);
    /** The same bit in a query, where Wireshark calls it "AD bit" (RFC 6840 section 5.7). */
    public static final HeaderField AD_BIT = AUTHENTICATED.labelled("dns.flags.authenticated.query");
    public static final HeaderField CHECK_DISABLE = HeaderField.flag("dns.flags.checkdisable", 0x0010);
    public static final HeaderField RCODE = HeaderField.bits("dns.flags.rcode", 0x000f);

    public static final HeaderField COUNT_QUERIES = HeaderField.unsigned("dns.count.queries");
    public static final HeaderField COUNT_ANSWERS = HeaderField.unsigned("dns.count.answers");
    public static final HeaderField COUNT_AUTH_RR = HeaderField.unsigned("dns.count.auth_rr");
    public static final HeaderField COUNT_ADD_RR = HeaderField.unsigned("dns.count.add_rr");

    /** The sections' subtrees, which Wireshark does not name. */
    public static final HeaderField QUERIES = HeaderField.unnamed("dns.queries");
    public static final HeaderField ANSWERS = HeaderField.unnamed("dns.answers");
    public static final HeaderField AUTHORITIES = HeaderField.unnamed("dns.authorities");
    public static final HeaderField ADDITIONALS = HeaderField.unnamed("dns.additionals");
    /** A question's subtree ("example.com: type A, class IN"). */
    public static final HeaderField QUERY = HeaderField.unnamed("dns.query");
    /** A record's subtree ("example.com: type A, class IN, addr 1.2.3.4"). */
    public static final HeaderField RECORD = HeaderField.unnamed("dns.record");
    /** EDNS0's pseudo-record, which has no class ("<Root>: type OPT"). */
    public static final HeaderField RECORD_OPT = HeaderField.unnamed("dns.record.opt");

    public static final HeaderField QRY_NAME = HeaderField.of("dns.qry.name", FieldType.STRING);
    public static final HeaderField QRY_NAME_LEN = HeaderField.unsigned("dns.qry.name.len");
    public static final HeaderField COUNT_LABELS = HeaderField.unsigned("dns.count.labels");
    public static final HeaderField QRY_TYPE = HeaderField.unsigned("dns.qry.type");
    public static final HeaderField QRY_CLASS = HeaderField.hex("dns.qry.class");

    public static final HeaderField RESP_NAME = HeaderField.of("dns.resp.name", FieldType.STRING);
    public static final HeaderField RESP_TYPE = HeaderField.unsigned("dns.resp.type");
    public static final HeaderField RESP_CLASS = HeaderField.hex("dns.resp.class");
    public static final HeaderField RESP_TTL = HeaderField.unsigned("dns.resp.ttl");
    public static final HeaderField RESP_LEN = HeaderField.unsigned("dns.resp.len");
    /** Record data wirelab does not read field by field. */
    public static final HeaderField RESP_DATA = HeaderField.unnamed("dns.resp.data", FieldType.BYTES);

    public static final HeaderField A = HeaderField.of("dns.a", FieldType.IPV4);
    public static final HeaderField AAAA = HeaderField.of("dns.aaaa", FieldType.IPV6);
    public static final HeaderField NS = HeaderField.of("dns.ns", FieldType.STRING);
    public static final HeaderField CNAME = HeaderField.of("dns.cname", FieldType.STRING);
    public static final HeaderField PTR = HeaderField.of("dns.ptr.domain_name", FieldType.STRING);
    public static final HeaderField MX_PREFERENCE = HeaderField.unsigned("dns.mx.preference");
    public static final HeaderField MX_EXCHANGE = HeaderField.of("dns.mx.mail_exchange", FieldType.STRING);

    public static final HeaderField SOA_MNAME = HeaderField.of("dns.soa.mname", FieldType.STRING);
    public static final HeaderField SOA_RNAME = HeaderField.of("dns.soa.rname", FieldType.STRING);
    public static final HeaderField SOA_SERIAL = HeaderField.unsigned("dns.soa.serial_number");
    public static final HeaderField SOA_REFRESH = HeaderField.unsigned("dns.soa.refresh_interval");
    public static final HeaderField SOA_RETRY = HeaderField.unsigned("dns.soa.retry_interval");
    public static final HeaderField SOA_EXPIRE = HeaderField.unsigned("dns.soa.expire_limit");
    public static final HeaderField SOA_MINIMUM = HeaderField.unsigned("dns.soa.minimum_ttl");

    /** EDNS0's pseudo-record OPT reuses the class for the UDP payload size and the TTL for these. */
    public static final HeaderField UDP_PAYLOAD_SIZE = HeaderField.unsigned("dns.rr.udp_payload_size");
    public static final HeaderField EXT_RCODE = HeaderField.hex("dns.resp.ext_rcode");
    public static final HeaderField EDNS0_VERSION = HeaderField.unsigned("dns.resp.edns0_version");
    public static final HeaderField EDNS0_Z = HeaderField.hex("dns.resp.z");
    public static final HeaderField EDNS0_DO = HeaderField.flag("dns.resp.z.do", 0x8000);
    public static final HeaderField EDNS0_Z_RESERVED = HeaderField.hexBits("dns.resp.z.reserved", 0x7fff);
    public static final HeaderField OPT = HeaderField.of("dns.opt", FieldType.NONE);
    public static final HeaderField OPT_CODE = HeaderField.unsigned("dns.opt.code");
    public static final HeaderField OPT_LEN = HeaderField.unsigned("dns.opt.len");
    public static final HeaderField OPT_DATA = HeaderField.of("dns.opt.data", FieldType.BYTES);
    public static final HeaderField COOKIE_CLIENT = HeaderField.of("dns.opt.cookie.client", FieldType.BYTES);
    public static final HeaderField COOKIE_SERVER = HeaderField.of("dns.opt.cookie.server", FieldType.BYTES);

    /** A response's query, and the time between them: known only from the capture, not from one frame. */
    public static final HeaderField RESPONSE_TO = HeaderField.unsigned("dns.response_to");
    public static final HeaderField TIME = HeaderField.of("dns.time", FieldType.TIME);
    /** A query or a response sent again with the same ID, and the frame of the first one. */
    public static final HeaderField RETRANSMISSION = HeaderField.of("dns.retransmission", FieldType.BOOLEAN);
    public static final HeaderField RETRANSMIT_REQUEST = HeaderField.of("dns.retransmit_request", FieldType.NONE);
    public static final HeaderField RETRANSMIT_REQUEST_IN = HeaderField.unsigned("dns.retransmit_request_in");
    public static final HeaderField RETRANSMIT_RESPONSE = HeaderField.of("dns.retransmit_response", FieldType.NONE);
    public static final HeaderField RETRANSMIT_RESPONSE_IN = HeaderField.unsigned("dns.retransmit_response_in");

    /** Every named DNS field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(LENGTH, ID, FLAGS, FLAG_RESPONSE_BIT, OPCODE, AUTHORITATIVE,
            TRUNCATED, RECURSION_DESIRED, RECURSION_AVAILABLE, Z, AUTHENTICATED, CHECK_DISABLE, RCODE, COUNT_QUERIES,
            COUNT_ANSWERS, COUNT_AUTH_RR, COUNT_ADD_RR, QRY_NAME, QRY_NAME_LEN, COUNT_LABELS, QRY_TYPE, QRY_CLASS,
            RESP_NAME, RESP_TYPE, RESP_CLASS, RESP_TTL, RESP_LEN, A, AAAA, NS, CNAME, PTR, MX_PREFERENCE, MX_EXCHANGE,
            SOA_MNAME, SOA_RNAME, SOA_SERIAL, SOA_REFRESH, SOA_RETRY, SOA_EXPIRE, SOA_MINIMUM, UDP_PAYLOAD_SIZE,
            EXT_RCODE, EDNS0_VERSION, EDNS0_Z, EDNS0_DO, EDNS0_Z_RESERVED, OPT, OPT_CODE, OPT_LEN, OPT_DATA,
            COOKIE_CLIENT, COOKIE_SERVER, RESPONSE_TO, TIME, RETRANSMISSION, RETRANSMIT_REQUEST, RETRANSMIT_REQUEST_IN,
            RETRANSMIT_RESPONSE, RETRANSMIT_RESPONSE_IN);

    private Dns() {
    }
}
