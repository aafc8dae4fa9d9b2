#!/usr/bin/env python3
# The lab's UDP server (simpleUDPServeur.py, port 3000), answering one datagram and stopping.
import socket
import sys

family = socket.AF_INET6 if "-6" in sys.argv[1:] else socket.AF_INET
host = "::1" if family == socket.AF_INET6 else "127.0.0.1"

serveur = socket.socket(family, socket.SOCK_DGRAM)
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind((host, 3000))
print("Serveur UDP en écoute sur 3000", flush=True)

request, address = serveur.recvfrom(1024)
print("Message client : ", request.decode("utf-8"))
print("IP du client connecté : ", address)
serveur.sendto(b"i am the server", address)
serveur.close()
