#!/usr/bin/env python3
# The client of dns-retransmission.pcap: asks 127.0.0.1 port 53 for lab.example, sends the same query
# again (same ID) when no answer comes within 0.2 s, reads both answers, then asks for www.lab.example.
import socket
import struct


def query(qid, name):
    """A standard query (recursion desired) for the A record of name."""
    q = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    for label in name.split("."):
        q += bytes([len(label)]) + label.encode()
    return q + b"\x00" + struct.pack(">HH", 1, 1)


client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(0.2)
first = query(0x1a2b, "lab.example")
client.sendto(first, ("127.0.0.1", 53))
try:
    client.recvfrom(512)
except socket.timeout:
    client.sendto(first, ("127.0.0.1", 53))
client.settimeout(5)
client.recvfrom(512)
client.recvfrom(512)
client.sendto(query(0x3c4d, "www.lab.example"), ("127.0.0.1", 53))
client.recvfrom(512)
