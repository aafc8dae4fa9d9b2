#!/usr/bin/env bash
# How live runs of tcp-bulk differ: captures it N times (default 30) with `wirelab capture`, then prints
# each distinct sequence of frames (C/S for client/server, TCP flags, payload length) with how many runs
# gave it. Needs what capture-scenarios.sh needs (root or CAP_NET_RAW, libpcap) and tshark.
# Usage: samples/make/tcp-bulk-runs.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-30}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 "$runs"); do
  "$root/wirelab" capture --scenario tcp-bulk --bytes 200000 --out "$dir/run$i.pcap" > /dev/null 2> "$dir/log" \
    || { cat "$dir/log"; exit 1; }
done
for f in "$dir"/run*.pcap; do
  tshark -r "$f" -T fields -e tcp.srcport -e tcp.flags.str -e tcp.len 2> /dev/null \
    | awk '{ printf "%s%s:%s ", ($1 == 3000 ? "S" : "C"), $2, $3 } END { print "" }' | sed 's/·//g'
done | sort | uniq -c | sort -rn
