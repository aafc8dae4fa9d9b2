#!/usr/bin/env python3
# The lab's TCP client (simpleclientSocket.py) that also reads the server's answer before closing.
import socket
import sys

family = socket.AF_INET6 if "-6" in sys.argv[1:] else socket.AF_INET
host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
port = 3000

client = socket.socket(family, socket.SOCK_STREAM)
client.connect((host, port))
client.sendall(b"hello serveur\n")
print("Message du serveur :", client.recv(1024).decode("utf-8"), end="")
client.close()
