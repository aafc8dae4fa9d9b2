#!/usr/bin/env python3
"""The two ends of the reference captures: ordinary Linux sockets, one role per run.

Each role is the simulator's program of the same name, written with Python's socket module so that the
kernel's own TCP/IP does everything on the wire. Every wait is bounded by a socket timeout.

Servers print 'ready' once they listen (linux-reference.sh starts the client only then):
  hello-server PORT                   simpleServeurSocket.py: one recv(1024), then close
  sink-server PORT [--rcvbuf N] [--read N --every S]
                                      read until the client's FIN (N bytes every S seconds), then close
  reply-server PORT --expect N        read N bytes, answer 'ok\\n', read until the FIN, close
  half-close-server PORT --lines K    read until the client's FIN, then send K lines 50 ms apart, close
  udp-echo-server PORT                simpleUDPServeur.py: answer 'i am the server' to one datagram
  udp-sink-server PORT --count N      receive N datagrams (or nothing for 2 s), then stop
  http-server PORT                    answer one GET as wirelab's HTTP server writes it (the JDK's
                                      HttpServer): status line and headers in one write, the body in
                                      another, then close
  chat-server PORT                    the lab's chat server as wirelab runs it (`wirelab lab
                                      chat-server`, Java), until its client 0 has left
Clients:
  hello-client HOST PORT [--pause S]  connect, send 'hello serveur\\n', wait S seconds, close
  bulk-client HOST PORT BYTES [--pause S]  connect, send BYTES bytes, wait S seconds, close
  request-client HOST PORT BYTES      connect, send BYTES bytes, read the answer, close
  half-close-client HOST PORT         connect, send a line, shutdown(SHUT_WR), read until EOF, close
  keepalive-client HOST PORT [--idle S] [--pause S]
                                      connect with SO_KEEPALIVE, TCP_KEEPIDLE and TCP_KEEPINTVL of S
                                      seconds, send a line, stay idle --pause seconds, close
  late-writer-client HOST PORT [--pause S]
                                      connect, send a line, wait S seconds (the server has closed by
                                      then), send a second line, wait S seconds, close
  refused-client HOST PORT            connect to a port where nothing listens
  udp-client HOST PORT                send 'Hello from client' from a connected UDP socket, wait 1 s
                                      (IPv6 when HOST has a colon)
  udp-burst-client HOST PORT --count N --size B
                                      send N datagrams of B bytes as fast as sendto returns
  http-client HOST PORT               send GET / as the JDK's HttpClient writes it, read to the end, close
  chat-clients HOST PORT              alice, bob and carol run wirelab's chat scenario step by step
"""
import argparse
import os
import subprocess
import threading
import socket
import struct
import sys
import time

TIMEOUT = 20.0
FILLER = b"wirelab "
MESSAGE = b"hello serveur\n"
SECOND_MESSAGE = b"encore une ligne\n"
# What wirelab's tcp-bulk and udp-burst send, repeated (Scenarios.FILLER).
SCENARIO_FILLER = b"0123456789abcdefghijklmnopqrstuvwxyz\n"
HTTP_BODY = b"hello from wirelab\n"
# wirelab's application, for the chat server (the live chat scenario's own program); `./wirelab` builds it.
WIRELAB_JAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "app", "target", "wirelab.jar")


def linux_default_cc(sock):
    """CUBIC, Linux's default, whatever this machine's default is (a namespace may not choose its own)."""
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, b"cubic")
    return sock


def listen(port, rcvbuf=0):
    server = linux_default_cc(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if rcvbuf:
        # Set before listen(): the accepted socket inherits it, and the SYN-ACK's window scale follows it.
        server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    server.bind(("0.0.0.0", port))
    server.listen()
    server.settimeout(TIMEOUT)
    print("ready", flush=True)
    connection, address = server.accept()
    connection.settimeout(TIMEOUT)
    print("congestion control:", connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, 16).rstrip(b"\0").decode())
    server.close()
    return connection


def connect(host, port):
    client = linux_default_cc(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    client.settimeout(TIMEOUT)
    client.connect((host, port))
    return client


def filler(count, pattern=FILLER):
    return (pattern * (count // len(pattern) + 1))[:count]


def recv_exactly(connection, count):
    """The next count bytes (the scenario's Receive step); an early end of stream is an error."""
    data = b""
    while len(data) < count:
        more = connection.recv(count - len(data))
        if not more:
            raise ConnectionError(f"end of stream after {data!r}, {count} bytes expected")
        data += more
    return data


def chat_clients(host, port):
    """wirelab's chat scenario (Scenarios.chat), step by step, with three sockets in one program."""
    everyone = {}
    for number, name in enumerate(("alice", "bob", "carol")):
        everyone[name] = connect(host, port)
        print(name, "is number", recv_exactly(everyone[name], len(str(number))).decode(), flush=True)

    def broadcast(sender, message, receivers):
        everyone[sender].sendall(message)
        line = b"\n>>" + message + b"\n"
        for receiver in receivers:
            got = recv_exactly(everyone[receiver], len(line))
            if got != line:
                raise ValueError(f"{receiver} received {got!r}, expected {line!r}")

    for sender, message in (("alice", b"hello everyone"), ("bob", b"salut"), ("carol", b"ciao"), ("bob", b"quit")):
        broadcast(sender, message, everyone)
    bob = everyone.pop("bob")
    bob.sendall(b"1")    # the lab's client sends its number after quit
    read_to_end(bob)     # the server's FIN
    bob.close()
    carol = everyone.pop("carol")
    # carol vanishes: SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    carol.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    carol.close()
    time.sleep(0.03)     # the scenario waits until the server has handled both (the RST takes 10 ms)
    broadcast("alice", b"anyone there?", ["alice"])
    everyone["alice"].close()
    print("chat done", flush=True)


def chat_server(port):
    """`wirelab lab chat-server` (Java), stopped once client 0 (alice, the last to leave) has left."""
    if not os.path.exists(WIRELAB_JAR):
        raise SystemExit(f"{WIRELAB_JAR} is missing: run ./wirelab once to build it")
    server = subprocess.Popen(["java", "-jar", WIRELAB_JAR, "lab", "chat-server", "--bind", "0.0.0.0", "--port", str(port), "--lang", "en"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    timer = threading.Timer(TIMEOUT * 2, server.terminate)
    timer.start()
    try:
        for line in server.stdout:
            print(line.rstrip(), flush=True)
            if "listening" in line:
                print("ready", flush=True)
            if line.startswith("client 0 left"):
                break
    finally:
        timer.cancel()
        time.sleep(0.5)   # the server's FIN to alice and her ACK
        server.terminate()
        server.wait(10)


def read_to_end(connection, size=65536):
    total = 0
    while True:
        data = connection.recv(size)
        if not data:
            return total
        total += len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("role")
    parser.add_argument("args", nargs="*")
    parser.add_argument("--rcvbuf", type=int, default=0)
    parser.add_argument("--read", type=int, default=0)
    parser.add_argument("--every", type=float, default=0.0)
    parser.add_argument("--expect", type=int, default=0)
    parser.add_argument("--lines", type=int, default=3)
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--idle", type=int, default=1)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--size", type=int, default=100)
    options = parser.parse_args()
    role, rest = options.role, options.args

    if role == "hello-server":
        connection = listen(int(rest[0]))
        print("received", connection.recv(1024))
        connection.close()
    elif role == "sink-server":
        connection = listen(int(rest[0]), options.rcvbuf)
        total = 0
        if options.read:
            deadline = time.monotonic() + TIMEOUT * 3
            while time.monotonic() < deadline:
                data = connection.recv(options.read)
                if not data:
                    break
                total += len(data)
                time.sleep(options.every)  # like the simulator's paced sink: at most N bytes every S seconds
        else:
            total = read_to_end(connection)
        print("received", total, "bytes")
        connection.close()
    elif role == "reply-server":
        connection = listen(int(rest[0]))
        total = 0
        while total < options.expect:
            data = connection.recv(65536)
            if not data:
                break
            total += len(data)
        connection.sendall(b"ok\n")
        read_to_end(connection)
        connection.close()
    elif role == "half-close-server":
        connection = listen(int(rest[0]))
        print("received", read_to_end(connection), "bytes, then the client's FIN")
        for number in range(options.lines):
            connection.sendall(b"line %d after your FIN\n" % (number + 1))
            time.sleep(0.05)
        connection.close()
    elif role == "udp-echo-server":
        server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        server.bind(("0.0.0.0", int(rest[0])))
        server.settimeout(TIMEOUT)
        print("ready", flush=True)
        data, address = server.recvfrom(1024)
        print("received", data, "from", address)
        server.sendto(b"i am the server", address)
        server.close()
    elif role == "udp-sink-server":
        server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        server.bind(("0.0.0.0", int(rest[0])))
        server.settimeout(TIMEOUT)
        print("ready", flush=True)
        received = 0
        try:
            while received < options.count:
                server.recvfrom(65536)
                received += 1
                server.settimeout(2.0)
        except socket.timeout:
            pass
        print("received", received, "datagrams")
        server.close()
    elif role == "http-server":
        connection = listen(int(rest[0]))
        request = b""
        while b"\r\n\r\n" not in request:
            data = connection.recv(65536)
            if not data:
                break
            request += data
        print("request", request.split(b"\r\n")[0])
        date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
        connection.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nDate: " + date.encode()
                           + b"\r\nContent-type: text/plain; charset=us-ascii\r\nContent-length: "
                           + str(len(HTTP_BODY)).encode() + b"\r\n\r\n")
        connection.sendall(HTTP_BODY)
        connection.close()
    elif role == "chat-server":
        chat_server(int(rest[0]))
    elif role == "hello-client":
        client = connect(rest[0], int(rest[1]))
        client.sendall(MESSAGE)
        if options.pause:
            time.sleep(options.pause)
        client.close()
    elif role == "bulk-client":
        client = connect(rest[0], int(rest[1]))
        client.sendall(filler(int(rest[2])))
        if options.pause:
            time.sleep(options.pause)
        client.close()
    elif role == "request-client":
        client = connect(rest[0], int(rest[1]))
        client.sendall(filler(int(rest[2])))
        print("answer", client.recv(1024))
        client.close()
    elif role == "half-close-client":
        client = connect(rest[0], int(rest[1]))
        client.sendall(MESSAGE)
        client.shutdown(socket.SHUT_WR)
        print("received", read_to_end(client), "bytes after my FIN")
        client.close()
    elif role == "keepalive-client":
        client = connect(rest[0], int(rest[1]))
        # Linux's defaults (7200 s idle, 75 s between probes) made short enough to see in a capture.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, options.idle)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, options.idle)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
        client.sendall(MESSAGE)
        time.sleep(options.pause)
        client.close()
    elif role == "late-writer-client":
        client = connect(rest[0], int(rest[1]))
        client.sendall(MESSAGE)
        time.sleep(options.pause)
        # The server has read the first line and closed: this line reaches a socket nobody reads.
        client.sendall(SECOND_MESSAGE)
        time.sleep(options.pause)
        client.close()
    elif role == "udp-burst-client":
        client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        client.connect((rest[0], int(rest[1])))
        payload = filler(options.size, SCENARIO_FILLER)
        start = time.monotonic()
        for _ in range(options.count):
            client.send(payload)
        print(f"sent {options.count} datagrams of {options.size} bytes in {(time.monotonic() - start) * 1000:.1f} ms")
        client.close()
    elif role == "http-client":
        # What wirelab's simulated client (after the JDK's HttpClient) writes, with this JDK's version.
        version = subprocess.run(["java", "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
        java = next((l.split("=")[1].strip() for l in version.splitlines() if l.strip().startswith("java.version =")), "17")
        client = connect(rest[0], int(rest[1]))
        client.sendall(b"GET / HTTP/1.1\r\nContent-Length: 0\r\nHost: %s:%s\r\nUser-Agent: Java-http-client/%s\r\n\r\n"
                       % (rest[0].encode(), rest[1].encode(), java.encode()))
        print("answer of", read_to_end(client), "bytes")
        client.close()
    elif role == "chat-clients":
        chat_clients(rest[0], int(rest[1]))
    elif role == "refused-client":
        try:
            connect(rest[0], int(rest[1])).close()
            print("connected (unexpected)")
            return 1
        except ConnectionRefusedError as error:
            print("refused:", error)
    elif role == "udp-client":
        family = socket.AF_INET6 if ":" in rest[0] else socket.AF_INET
        client = socket.socket(family, socket.SOCK_DGRAM)
        client.connect((rest[0], int(rest[1])))
        client.settimeout(1.0)
        client.send(b"Hello from client")
        try:
            print("answered", client.recv(1024))
        except ConnectionRefusedError as error:
            print("ICMP port unreachable reported as:", error)
        except socket.timeout:
            print("no answer within 1 s")
        client.close()
    else:
        print(f"unknown role '{role}'", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
