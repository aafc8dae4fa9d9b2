#!/usr/bin/env bash
# How live runs of tcp-bulk differ: captures `wirelab capture --scenario tcp-bulk --bytes 200000` N times
# (default 28), then prints each distinct sequence of frames (C/S for client/server, TCP flags, payload
# length) with how many runs gave it, then the same for the client's data and FIN segments alone, in the
# format of samples/scenarios/tcp-bulk-runs.txt. Needs what capture-scenarios.sh needs (root or
# CAP_NET_RAW, libpcap) and tshark. Usage: samples/make/tcp-bulk-runs.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-28}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 "$runs"); do
  "$root/wirelab" capture --scenario tcp-bulk --bytes 200000 --out "$dir/run$i.pcap" > /dev/null 2> "$dir/log" \
    || { cat "$dir/log"; exit 1; }
done
fields() {
  tshark -r "$1" -T fields -e tcp.srcport -e tcp.flags.str -e tcp.len 2> /dev/null | sed 's/·//g'
}
echo "# every frame"
for f in "$dir"/run*.pcap; do
  fields "$f" | awk '{ printf "%s%s:%s ", ($1 == 3000 ? "S" : "C"), $2, $3 } END { print "" }'
done | sort | uniq -c | sort -rn
echo "# the client's data and FIN segments"
for f in "$dir"/run*.pcap; do
  fields "$f" | awk '$1 != 3000 && ($3 > 0 || $2 ~ /F/) { printf "%s%s:%s", sep, $2, $3; sep = " " } END { print "" }'
done | sort | uniq -c | sort -rn | sed 's/^ *//'
