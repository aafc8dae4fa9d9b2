package org.wirelab.core.decode;

/**
 * What an IP header contributes to its payload's checksum (RFC 9293 section 3.1, RFC 8200 section 8.1):
 * the one's complement sum of the source and destination address words, and whether both addresses are
 * loopback addresses (where Linux leaves TCP/UDP checksums to an offload that never happens), and whether
 * the header is IPv6's (where a zero UDP checksum is not allowed).
 */
public record PseudoHeader(long addressSum, boolean loopback, boolean ipv6) {
}
