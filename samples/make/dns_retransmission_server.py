#!/usr/bin/env python3
# The DNS server of dns-retransmission.pcap, on 127.0.0.1 port 53 (UDP): it ignores the first query (an
# answer "lost"), answers the second twice (a response sent again), answers the third, and exits.
import socket
import struct

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 53))


def answer(query, address):
    """The query's question with one A record (TTL 300) for it."""
    qid = struct.unpack(">H", query[:2])[0]
    head = struct.pack(">HHHHHH", qid, 0x8180, 1, 1, 0, 0)
    return head + query[12:] + b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 300, 4) + socket.inet_aton(address)


server.recvfrom(512)                                   # the first query: no answer
query, client = server.recvfrom(512)                   # the same query, sent again
server.sendto(answer(query, "192.0.2.7"), client)
server.sendto(answer(query, "192.0.2.7"), client)
query, client = server.recvfrom(512)
server.sendto(answer(query, "192.0.2.8"), client)
