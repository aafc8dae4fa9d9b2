#!/usr/bin/env bash
# Issue 3 section 7: the time from `wirelab capture --scenario tcp-hello` to the diagram printed, as a
# user sees it (JVM start, opening lo, the readiness probe, the run, the grace period, the drain, the
# analysis and the diagram). Runs the command N times (default 10) and prints each time and the median.
# Needs root (or CAP_NET_RAW) and libpcap. Usage: bench/capture-hello.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

./wirelab --version > /dev/null          # builds the jar first if it is stale, outside the timings
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  # --free-ports: the lab's port 3000 may be taken by a server left running; the exchange is the same.
  ./wirelab capture --scenario tcp-hello --free-ports --out "$out/hello.pcap" > "$out/diagram.txt" 2> "$out/err.txt"
  end=$(date +%s%N)
  grep -q "FIN, ACK" "$out/diagram.txt" || { echo "run $i: no teardown in the diagram"; cat "$out/err.txt"; exit 1; }
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms, $(tail -n 1 "$out/err.txt")"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "capture --scenario tcp-hello to diagram: median ${sorted[$(( runs / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms over $runs runs"
