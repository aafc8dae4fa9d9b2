#!/usr/bin/env bash
# `wirelab conversations FILE` against `tshark -q -z conv,tcp -z conv,udp` on the same capture with many
# conversations (the decode benchmark's loopback traffic: about 63,000 per million frames), run in turn
# so that both meet the same load. Checks that both print the same tables, then prints each run's wall
# time and CPU time (user + system), the median ratios (tshark's time / wirelab's) and the load average.
# wirelab runs through ./wirelab, the launcher a user runs (its JVM options included).
# Usage: bench/conversations-vs-tshark.sh [--frames N] [--rounds N] [--file PCAP]
# Target (issue 16): wirelab at least 5x faster than tshark.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

frames=1000000
rounds=3
file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    *) echo "usage: $0 [--frames N] [--rounds N] [--file PCAP]" >&2; exit 2 ;;
  esac
done
command -v tshark >/dev/null || { echo "tshark not found (apt-get install tshark)" >&2; exit 1; }
require_gnu_time

./wirelab --version >/dev/null          # builds the jar first if it is stale, outside the timings
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/home"                       # tshark with default preferences
if [ -z "$file" ]; then
  mvn -q -B -pl core -DskipTests test-compile
  file="$work/loopback-$frames.pcap"
  java -cp core/target/classes:core/target/test-classes org.wirelab.bench.LoopbackTrafficGenerator "$file" "$frames" 1
fi
echo "file: $file ($(stat -c %s "$file") bytes)"
cat "$file" > /dev/null                  # into the page cache for both tools

./wirelab conversations "$file" > "$work/wirelab.txt"
HOME="$work/home" tshark -r "$file" -q -z conv,tcp -z conv,udp 2>/dev/null > "$work/tshark.txt"
echo "conversations listed: $(grep -c '<->' "$work/wirelab.txt") by wirelab, $(grep -c '<->' "$work/tshark.txt") by tshark"
if cmp -s "$work/wirelab.txt" "$work/tshark.txt"; then echo "same text: yes"; else echo "same text: NO"; fi

wirelab_times=()
tshark_times=()
wirelab_cpu=()
tshark_cpu=()
for round in $(seq 1 "$rounds"); do
  read -r w wc _ < <(timed ./wirelab conversations "$file")
  read -r t tc _ < <(timed env HOME="$work/home" tshark -r "$file" -q -z conv,tcp -z conv,udp)
  printf "round %d: wirelab %.2f s (CPU %.2f s), tshark %.2f s (CPU %.2f s), ratio %sx (CPU %sx), load %s\n" \
    "$round" "$w" "$wc" "$t" "$tc" "$(ratio "$t" "$w")" "$(ratio "$tc" "$wc")" "$(load_average)"
  wirelab_times+=("$w")
  tshark_times+=("$t")
  wirelab_cpu+=("$wc")
  tshark_cpu+=("$tc")
done
w=$(median "${wirelab_times[@]}")
t=$(median "${tshark_times[@]}")
wc=$(median "${wirelab_cpu[@]}")
tc=$(median "${tshark_cpu[@]}")
printf "median: wirelab %.2f s, tshark %.2f s, ratio %sx; CPU %.2f s against %.2f s: %sx (target >= 5x; load %s)\n" \
  "$w" "$t" "$(ratio "$t" "$w")" "$wc" "$tc" "$(ratio "$tc" "$wc")" "$(load_average)"
