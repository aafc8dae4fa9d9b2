#!/usr/bin/env python3
"""A small seeded Ethernet relay between two interfaces, for the reference captures.

It runs in the middle network namespace of linux-reference.sh, where the client's and the server's
veth pairs end, and copies every frame from one interface to the other through raw AF_PACKET sockets,
as a cable would, but later and not always: each frame waits the one-way delay, and rules given on the
command line drop a chosen frame, drop frames at a seeded rate, hold one back (so that later frames
overtake it) or send it twice. This kernel has no netem, so the impairments live here, while both ends
stay the real Linux TCP/IP stack.

Frames are counted per direction and per kind, from 1, in the order they reach the relay:
  any     every IPv4 frame          data    a TCP segment with payload, or a UDP datagram
  syn     a SYN without ACK         synack  a SYN with ACK
  fin     a segment with FIN        ack     a TCP segment with no payload, SYN, FIN or RST
Directions: c2s (client to server) and s2c (server to client).

Rules (repeatable):
  --drop DIR:KIND:N             drop the Nth frame of KIND going DIR
  --hold DIR:KIND:N:MS          deliver it MS milliseconds later than the delay (reordering)
  --duplicate DIR:KIND:N:MS     deliver it, and a second copy MS milliseconds later
  --loss DIR:RATE               drop each IPv4 frame going DIR with probability RATE (seeded)

The relay stops by itself after --max-seconds or --max-frames, and on SIGTERM/SIGINT. It writes one
line per frame to --log: the time since start, the direction, its counts and what it did.
"""
import argparse
import heapq
import random
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
SOL_PACKET = 263
PACKET_IGNORE_OUTGOING = 23
SO_RCVBUFFORCE = 33
KINDS = ("any", "data", "syn", "synack", "fin", "ack")
DIRECTIONS = ("c2s", "s2c")


def parse_rule(text, fields):
    parts = text.split(":")
    if len(parts) != fields:
        raise argparse.ArgumentTypeError(f"'{text}': expected {fields} fields separated by ':'")
    direction, kind = parts[0], parts[1]
    if direction not in DIRECTIONS:
        raise argparse.ArgumentTypeError(f"'{text}': direction must be one of {', '.join(DIRECTIONS)}")
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(f"'{text}': kind must be one of {', '.join(KINDS)}")
    numbers = [int(p) for p in parts[2:]]
    if numbers[0] < 1:
        raise argparse.ArgumentTypeError(f"'{text}': frames are counted from 1")
    return (direction, kind, *numbers)


def kinds_of(frame):
    """The kinds an Ethernet frame counts as ('any' for every IPv4 frame); empty for anything else."""
    if len(frame) < 34 or frame[12:14] != b"\x08\x00":
        return ()
    ihl = (frame[14] & 0x0F) * 4
    total = struct.unpack("!H", frame[16:18])[0]
    protocol = frame[23]
    kinds = ["any"]
    if protocol == 17:
        kinds.append("data")
    elif protocol == 6 and len(frame) >= 14 + ihl + 14:
        tcp = 14 + ihl
        offset = (frame[tcp + 12] >> 4) * 4
        flags = frame[tcp + 13]
        syn, ack, fin, rst = flags & 0x02, flags & 0x10, flags & 0x01, flags & 0x04
        payload = total - ihl - offset
        if payload > 0:
            kinds.append("data")
        if syn:
            kinds.append("synack" if ack else "syn")
        if fin:
            kinds.append("fin")
        if payload == 0 and not (syn or fin or rst):
            kinds.append("ack")
    return tuple(kinds)


def open_socket(interface):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    try:
        sock.setsockopt(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1)
    except OSError:
        pass  # older kernels: outgoing frames are skipped by their packet type below
    # A burst (udp-burst's 1000 datagrams in 7 ms) must wait here, not overflow the default 208 KiB
    # buffer (some 270 small frames): SO_RCVBUFFORCE, as root, goes past net.core.rmem_max.
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 8 << 20)
    except OSError:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind((interface, ETH_P_ALL))
    sock.setblocking(False)
    return sock


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--client-side", required=True, help="interface towards the client")
    parser.add_argument("--server-side", required=True, help="interface towards the server")
    parser.add_argument("--delay-ms", type=float, default=10.0, help="one-way delay, each direction")
    parser.add_argument("--drop", action="append", default=[], type=lambda t: parse_rule(t, 3))
    parser.add_argument("--hold", action="append", default=[], type=lambda t: parse_rule(t, 4))
    parser.add_argument("--duplicate", action="append", default=[], type=lambda t: parse_rule(t, 4))
    parser.add_argument("--loss", action="append", default=[], help="DIR:RATE")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--max-frames", type=int, default=100000)
    parser.add_argument("--log", default=None)
    args = parser.parse_args()

    loss = {}
    for text in args.loss:
        direction, _, rate = text.partition(":")
        if direction not in DIRECTIONS or not rate:
            parser.error(f"--loss '{text}': expected DIR:RATE with DIR one of {', '.join(DIRECTIONS)}")
        loss[direction] = float(rate)
    randomness = random.Random(args.seed)

    client_side = open_socket(args.client_side)
    server_side = open_socket(args.server_side)
    direction_of = {client_side: "c2s", server_side: "s2c"}
    out_of = {client_side: server_side, server_side: client_side}
    counts = {d: {k: 0 for k in KINDS} for d in DIRECTIONS}
    queue = []  # (release time, order, socket, frame)
    order = 0
    log = open(args.log, "w", buffering=1) if args.log else None
    stop = False

    def stop_now(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, stop_now)
    signal.signal(signal.SIGINT, stop_now)
    start = time.monotonic()
    print("ready", flush=True)

    def matches(rule, direction, kinds):
        return rule[0] == direction and rule[1] in kinds and counts[direction][rule[1]] == rule[2]

    frames = 0
    while not stop and frames < args.max_frames and time.monotonic() - start < args.max_seconds:
        now = time.monotonic()
        timeout = 0.05
        if queue:
            timeout = max(0.0, min(timeout, queue[0][0] - now))
        readable, _, _ = select.select([client_side, server_side], [], [], timeout)
        now = time.monotonic()
        for sock in readable:
            for _ in range(64):  # drain what is there, a bounded number at a time
                try:
                    frame, address = sock.recvfrom(65535)
                except BlockingIOError:
                    break
                if address[2] == PACKET_OUTGOING:
                    continue
                frames += 1
                direction = direction_of[sock]
                kinds = kinds_of(frame)
                for kind in kinds:
                    counts[direction][kind] += 1
                release = now + args.delay_ms / 1000.0
                copies = [release]
                action = "forward"
                if any(matches(rule, direction, kinds) for rule in args.drop):
                    copies, action = [], "drop"
                elif kinds and direction in loss and randomness.random() < loss[direction]:
                    copies, action = [], "drop (rate)"
                for rule in args.hold:
                    if copies and matches(rule, direction, kinds):
                        copies = [release + rule[3] / 1000.0]
                        action = f"hold {rule[3]} ms"
                for rule in args.duplicate:
                    if copies and matches(rule, direction, kinds):
                        copies.append(copies[0] + rule[3] / 1000.0)
                        action = f"duplicate after {rule[3]} ms"
                for at in copies:
                    order += 1
                    heapq.heappush(queue, (at, order, out_of[sock], frame))
                if log and kinds:
                    described = " ".join(f"{k}={counts[direction][k]}" for k in kinds)
                    log.write(f"{now - start:9.6f} {direction} {described} len={len(frame)} {action}\n")
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, out, frame = heapq.heappop(queue)
            try:
                out.send(frame)
            except OSError as error:
                print(f"relay: cannot send a frame: {error}", file=sys.stderr)
    if log:
        log.close()


if __name__ == "__main__":
    main()
