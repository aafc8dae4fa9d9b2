#!/usr/bin/env bash
# Makes samples/reference/loopback-bulk.pcap: 4,000,000 bytes over this machine's lo between two
# processes (samples/make/loopback_bulk.py, CUBIC on both sockets, Linux's default buffers), captured
# by tcpdump with each frame cut to 128 bytes (every header is there), to check the simulator's window
# scale, window rounding and receive-buffer autotuning on a loopback against the kernel's own.
# Needs root (or capture rights), tcpdump and python3. Usage: samples/make/loopback-bulk.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(dirname "$here")/reference/loopback-bulk.pcap"
dir="$(mktemp -d)"
chmod 777 "$dir"   # tcpdump may write as its own user
trap 'rm -rf "$dir"' EXIT
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
tcpdump -i lo -s 128 -w "$dir/capture.pcap" -U -n "tcp port $port" 2>"$dir/tcpdump" &
tcpdump_pid=$!
for _ in $(seq 50); do
  grep -q "listening on" "$dir/tcpdump" && break
  sleep 0.2
done
python3 "$here/loopback_bulk.py" "$port" 4000000
sleep 1
kill -INT "$tcpdump_pid"
wait "$tcpdump_pid" || true
grep "packets captured" "$dir/tcpdump"
cp "$dir/capture.pcap" "$out"
# The text files beside it, as linux-reference.sh writes them for the other references.
eval "$(sed -n '/^describe() {/,/^}/p' "$here/linux-reference.sh")"
describe "$out"
