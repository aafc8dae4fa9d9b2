#!/usr/bin/env python3
# The client of http-pipelining.pcap, on one HTTP/1.1 connection to 127.0.0.1:PORT (8000 by default):
# sends two requests in one segment (pipelining: a GET with a query, then a HEAD), reads both answers
# (the HEAD's has a Content-Length but no body), then asks for /chunked with Connection: close.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000


def read_response(f, head=False):
    status = f.readline()
    length, chunked = 0, False
    while True:
        line = f.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
        if name.lower() == "transfer-encoding" and "chunked" in value:
            chunked = True
    if head:
        return status
    if chunked:
        while True:
            size = int(f.readline(), 16)
            f.read(size + 2)
            if size == 0:
                break
    else:
        f.read(length)
    return status


client = socket.create_connection(("127.0.0.1", port))
host = "127.0.0.1:%d" % port
client.sendall(("GET /search?q=tcp+handshake&lang=fr HTTP/1.1\r\nHost: %s\r\nUser-Agent: wirelab-sample\r\n\r\n"
                "HEAD /index.html HTTP/1.1\r\nHost: %s\r\nUser-Agent: wirelab-sample\r\n\r\n" % (host, host)).encode())
replies = client.makefile("rb")
read_response(replies)
read_response(replies, head=True)
client.sendall(("GET /chunked HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % host).encode())
read_response(replies)
client.close()
