#!/usr/bin/env bash
# Display filters on a 1,000,000-frame capture: 'wirelab packets -Y FILTER' against 'tshark -Y FILTER'
# on the same file, for a fast-path field (tcp.port == 3000) and a tree-only field
# (http.request.method == "GET"), beside what reading the file alone costs. Prints the median of the
# timed runs and the load average. See README.md.
#   bench/filter.sh [--frames N] [--runs N] [--file PCAP] [--no-tshark] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

frames=1000000
runs=3
file=""
tshark=yes
keep=no
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --no-tshark) tshark=no; shift ;;
    --keep) keep=yes; shift ;;
    *) echo "bench/filter.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# The jar for wirelab's command, and core's test classes for the traffic generator.
mvn -q -B -DskipTests package
mvn -q -B -pl core -DskipTests test-compile
work="$(mktemp -d)"
if [ -z "$file" ]; then
  file="$work/loopback-$frames.pcap"
  java -cp core/target/classes:core/target/test-classes org.wirelab.bench.LoopbackTrafficGenerator "$file" "$frames"
fi
[ "$keep" = yes ] && echo "capture: $file" || trap 'rm -rf "$work"' EXIT
# A copy of the jar, so that a build during the runs cannot change what is measured.
cp app/target/wirelab.jar "$work/wirelab.jar"
wirelab() {
  java -Xms3g -Xmx3g -jar "$work/wirelab.jar" "$@"
}
export HOME_FOR_TSHARK="$work/home"
mkdir -p "$HOME_FOR_TSHARK"

# Wall-clock seconds of one run of the command given, its output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' 
}

# Median wall-clock seconds of $runs runs.
median_of_runs() {
  local times=()
  for _ in $(seq "$runs"); do times+=("$(seconds "$@")"); done
  median "${times[@]}"
}

row() {
  printf '%-58s %8.2f s  %9.0f frames/s\n' "$1" "$2" "$(awk -v n="$frames" -v s="$2" 'BEGIN { print n / s }')"
}

echo "file: $file ($frames frames, $(du -h "$file" | cut -f1))"
read_only=$(median_of_runs wirelab packets "$file" -T fields -e frame.number)
row "wirelab packets -e frame.number (reading, no filter)" "$read_only"
for filter in 'tcp.port == 3000' 'http.request.method == "GET"'; do
  selected=$(wirelab packets "$file" -Y "$filter" -T fields -e frame.number 2>/dev/null | wc -l)
  row "wirelab packets -Y '$filter' ($selected frames)" "$(median_of_runs wirelab packets "$file" -Y "$filter" -T fields -e frame.number)"
  if [ "$tshark" = yes ]; then
    row "tshark -Y '$filter'" "$(HOME="$HOME_FOR_TSHARK" seconds tshark -r "$file" -Y "$filter" -T fields -e frame.number)"
  fi
done
echo "load average at the end: $(load_average) on $(nproc) cores"
