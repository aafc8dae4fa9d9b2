#!/usr/bin/env python3
"""A bulk transfer over loopback between two processes, with Linux's defaults (CUBIC set on both
sockets, no SO_RCVBUF): the client writes COUNT bytes in writes of 65536 and closes; the server reads
65536 at a time until the end. Usage: bulk_lo2.py PORT COUNT"""
import os, socket, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
def cubic(sock):
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, b"cubic")
    return sock
server = cubic(socket.socket())
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port)); server.listen()
if os.fork() == 0:
    server.close()
    client = cubic(socket.socket())
    client.connect(("127.0.0.1", port))
    chunk = b"wirelab " * 8192
    sent = 0
    while sent < count:
        n = min(len(chunk), count - sent)
        client.sendall(chunk[:n]); sent += n
    client.close()
    os._exit(0)
conn, _ = server.accept()
total = 0
while True:
    data = conn.recv(65536)
    if not data:
        break
    total += len(data)
conn.close(); os.wait()
print("received", total)
