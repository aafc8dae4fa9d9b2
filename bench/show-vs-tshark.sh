#!/usr/bin/env bash
# `wirelab show FILE` against `tshark -q -z flow,tcp,standard` on the same 1,000,000-frame capture, run
# in turn (wirelab, tshark, wirelab, tshark, ...) so that both meet the same load. Prints each run's wall
# time, CPU time (user + system) and peak memory, the median ratios (tshark's time / wirelab's) and the
# load average. On a loaded machine the wall clock counts the wait for a core; the CPU ratio does not.
# wirelab runs through ./wirelab, the launcher a user runs (its JVM options included).
# Usage: bench/show-vs-tshark.sh [--frames N] [--rounds N] [--file PCAP] [--keep]
# Target (issue 16): wirelab at least 5x faster, its memory flat in the number of frames and lanes.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

frames=1000000
rounds=3
file=""
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--frames N] [--rounds N] [--file PCAP] [--keep]" >&2; exit 2 ;;
  esac
done
command -v tshark >/dev/null || { echo "tshark not found (apt-get install tshark)" >&2; exit 1; }
require_gnu_time

./wirelab --version >/dev/null          # builds the jar first if it is stale, outside the timings
work="$(mktemp -d)"
cleanup() { if [ "$keep" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
if [ -z "$file" ]; then
  # The decode benchmark's loopback traffic (bench/README.md): many interleaved TCP and UDP conversations.
  mvn -q -B -pl core -DskipTests test-compile
  file="$work/loopback-$frames.pcap"
  java -cp core/target/classes:core/target/test-classes org.wirelab.bench.LoopbackTrafficGenerator "$file" "$frames" 1
fi
echo "file: $file ($(stat -c %s "$file") bytes)"
cat "$file" > /dev/null                  # into the page cache for both tools

wirelab_times=()
tshark_times=()
wirelab_cpu=()
tshark_cpu=()
for round in $(seq 1 "$rounds"); do
  read -r w wc wm < <(timed ./wirelab show "$file")
  read -r t tc tm < <(timed tshark -r "$file" -q -z flow,tcp,standard)
  printf 'round %d: wirelab show %6.2f s (CPU %5.2f s) %5d MB | tshark flow %6.2f s (CPU %5.2f s) %5d MB | ratio %sx (CPU %sx) | load %s\n' \
    "$round" "$w" "$wc" $((wm / 1024)) "$t" "$tc" $((tm / 1024)) "$(ratio "$t" "$w")" "$(ratio "$tc" "$wc")" "$(load_average)"
  wirelab_times+=("$w")
  tshark_times+=("$t")
  wirelab_cpu+=("$wc")
  tshark_cpu+=("$tc")
done
w=$(median "${wirelab_times[@]}")
t=$(median "${tshark_times[@]}")
wc=$(median "${wirelab_cpu[@]}")
tc=$(median "${tshark_cpu[@]}")
printf 'median: wirelab show %.2f s, tshark flow %.2f s: wirelab %sx faster (target >= 5x); CPU %.2f s against %.2f s: %sx; load %s\n' \
  "$w" "$t" "$(ratio "$t" "$w")" "$wc" "$tc" "$(ratio "$tc" "$wc")" "$(load_average)"
