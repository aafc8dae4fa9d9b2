#!/usr/bin/env python3
# The lab's TCP server (simpleServeurSocket.py, port 3000) that also replies, so that data flows both
# ways. It serves one client: reads its line, answers, reads until the client closes, then closes too.
import socket
import sys

family = socket.AF_INET6 if "-6" in sys.argv[1:] else socket.AF_INET
host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
port = 3000

serveur = socket.socket(family, socket.SOCK_STREAM)
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind((host, port))
serveur.listen()
print("Serveur en écoute sur", port, flush=True)

client, infosclient = serveur.accept()
request = client.recv(1024)
print(request.decode("utf-8"), end="")
client.sendall(b"hello client\n")
while client.recv(1024):      # wait for the client's FIN, so the client closes first
    pass
client.close()
serveur.close()
