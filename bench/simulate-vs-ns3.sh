#!/usr/bin/env bash
# `wirelab simulate --scenario tcp-bulk` against ns-3 on the same job: N bytes over one TCP connection,
# 1 Gbit/s, 10 ms each way, 1% of packets lost, 1500-byte MTU, every frame to a pcap file. Rounds
# alternate between the two; prints each run's wall time, CPU time (user + system), peak RSS and frames
# written, the median ratios (ns-3's time / wirelab's, wall and CPU) and the load average. On a loaded
# machine the CPU ratio is the one to trust: wall time then counts the waits for a core. Needs g++, pkg-config and Debian's libns3-dev and
# libgsl-dev (apt-get install g++ pkg-config libns3-dev libgsl-dev) to build bench/ns3/tcp-bulk.cc.
# Usage: bench/simulate-vs-ns3.sh [--bytes N] [--rounds N]
# Targets (issue 16): wirelab at least 3x ns-3's speed, its memory under 256 MB whatever N.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bytes=1000000000
rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --bytes) bytes="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--bytes N] [--rounds N]" >&2; exit 2 ;;
  esac
done
pkg-config --exists ns3-applications 2>/dev/null \
  || { echo "ns-3 not found: apt-get install g++ pkg-config libns3-dev libgsl-dev" >&2; exit 1; }
require_gnu_time

./wirelab --version >/dev/null          # builds the jar first if it is stale, outside the timings
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -O2 -std=c++17 -o "$work/ns3-tcp-bulk" bench/ns3/tcp-bulk.cc \
  $(pkg-config --cflags --libs ns3-applications ns3-internet ns3-point-to-point ns3-network ns3-core)

frames() { capinfos -c -M "$1" | awk -F': *' '/Number of packets/ {print $2}'; }

wirelab_times=()
ns3_times=()
wirelab_cpus=()
ns3_cpus=()
for round in $(seq 1 "$rounds"); do
  read -r w wc wm < <(timed ./wirelab simulate --scenario tcp-bulk --bytes "$bytes" --mtu 1500 --bandwidth 1G \
      --delay 10ms --loss 1% --seed "$round" --out "$work/wirelab.pcap")
  wf=$(frames "$work/wirelab.pcap")
  rm -f "$work/wirelab.pcap"
  read -r n nc nm < <(cd "$work" && timed ./ns3-tcp-bulk --bytes="$bytes" --seed="$round" --pcap="$work/ns3")
  nf=$(frames "$work"/ns3-0-0.pcap)
  rm -f "$work"/ns3-*.pcap
  printf "round %d: wirelab %.1f s (CPU %.1f s) %d MB %s frames; ns-3 %.1f s (CPU %.1f s) %d MB %s frames; load %s\n" \
    "$round" "$w" "$wc" "$((wm / 1024))" "$wf" "$n" "$nc" "$((nm / 1024))" "$nf" "$(load_average)"
  wirelab_times+=("$w")
  ns3_times+=("$n")
  wirelab_cpus+=("$wc")
  ns3_cpus+=("$nc")
done
w=$(median "${wirelab_times[@]}")
n=$(median "${ns3_times[@]}")
wc=$(median "${wirelab_cpus[@]}")
nc=$(median "${ns3_cpus[@]}")
printf "median: wirelab %.1f s, ns-3 %.1f s, ratio %sx; CPU wirelab %.1f s, ns-3 %.1f s, ratio %sx (load %s)\n" \
  "$w" "$n" "$(ratio "$n" "$w")" "$wc" "$nc" "$(ratio "$nc" "$wc")" "$(load_average)"
