#!/usr/bin/env python3
# The lab's UDP client (simpleUDPclient.py): one datagram to port 3000, one answer.
import socket
import sys

family = socket.AF_INET6 if "-6" in sys.argv[1:] else socket.AF_INET
addrPort = ("::1", 3000) if family == socket.AF_INET6 else ("127.0.0.1", 3000)

client = socket.socket(family, socket.SOCK_DGRAM)
client.sendto(b"Hello from client", addrPort)
msgServer = client.recv(1024).decode("utf-8")
print("Message du serveur : ", msgServer)
client.close()
