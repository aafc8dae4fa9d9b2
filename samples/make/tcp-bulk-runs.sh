#!/usr/bin/env bash
# How live runs of tcp-bulk differ: captures `wirelab capture --scenario tcp-bulk --bytes 200000` N times
# (default 28) and writes samples/scenarios/tcp-bulk-runs.txt from them and the committed tcp-bulk.pcap:
# each distinct sequence of the client's data and FIN segments (TCP flags:payload length) with how many
# runs gave it, then each distinct pair of the two sides' frames, bare ACKs included (the order between
# the two sides aside: frames crossing on the wire are a race). On standard output: the distinct whole
# sequences of frames. Needs what capture-scenarios.sh needs (root or CAP_NET_RAW, libpcap) and tshark.
# Usage: samples/make/tcp-bulk-runs.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-28}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 "$runs"); do
  "$root/wirelab" capture --scenario tcp-bulk --bytes 200000 --out "$dir/run$i.pcap" > /dev/null 2> "$dir/log" \
    || { cat "$dir/log"; exit 1; }
done
cp "$root/samples/scenarios/tcp-bulk.pcap" "$dir/run0.pcap"
fields() {
  tshark -r "$1" -T fields -e tcp.srcport -e tcp.flags.str -e tcp.len 2> /dev/null | sed 's/·//g'
}
tally() {
  sort | uniq -c | sort -rn | sed 's/^ *//'
}
echo "# every frame (C client, S server)"
for f in "$dir"/run*.pcap; do
  fields "$f" | awk '{ printf "%s%s:%s ", ($1 == 3000 ? "S" : "C"), $2, $3 } END { print "" }'
done | tally
out="$root/samples/scenarios/tcp-bulk-runs.txt"
{
  echo "# $runs live runs of \`wirelab capture --scenario tcp-bulk --bytes 200000\` on this project's machine"
  echo "# (lo, two cores shared with other builds), $(date -u +%F), and the committed tcp-bulk.pcap: $((runs + 1))"
  echo "# runs, by samples/make/tcp-bulk-runs.sh. Each line: how many runs, then what they sent (TCP"
  echo "# flags:payload bytes). The runs differ in when the receiver read and ACKed, and in whether its buffer"
  echo "# autotuning had opened the window by the third write."
  echo "## the client's data and FIN segments"
  for f in "$dir"/run*.pcap; do
    fields "$f" | awk '$1 != 3000 && ($3 > 0 || $2 ~ /F/) { printf "%s%s:%s", sep, $2, $3; sep = " " } END { print "" }'
  done | tally
  echo "## each side's frames, bare ACKs included: the client's, then after / the server's"
  for f in "$dir"/run*.pcap; do
    fields "$f" | awk '$1 != 3000 { c = c sep1 $2 ":" $3; sep1 = " " }
                       $1 == 3000 { s = s sep2 $2 ":" $3; sep2 = " " } END { print c " / " s }'
  done | tally
} > "$out"
echo "wrote $out"
