#!/usr/bin/env bash
# A capture over 2 GiB is read whole by every command: 7,000,000 frames of loopback traffic (about
# 2.35 GB, made by core's LoopbackTrafficGenerator) read by packets, conversations, follow and
# show --frame, each compared with the frame count of Wireshark's reader (capinfos, the same wiretap
# library as tshark, without dissecting; --tshark runs tshark -T fields too); wall time, peak memory
# and exit code of each, and the load average. Not a test: it writes gigabytes and takes minutes.
#
#   bench/large-capture.sh                  # 7,000,000 frames in a temporary directory, deleted after
#   bench/large-capture.sh --frames 8000000 --keep
#   bench/large-capture.sh --file big.pcap  # an existing capture
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

frames=7000000
file=""
keep=0
tshark=0
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --tshark) tshark=1; shift ;;
    *) echo "usage: $0 [--frames N] [--file F] [--keep] [--tshark]" >&2; exit 2 ;;
  esac
done

command -v capinfos >/dev/null || { echo "large-capture.sh: capinfos is needed (apt-get install tshark)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "large-capture.sh: GNU time is needed (apt-get install time)" >&2; exit 1; }

./wirelab --version >/dev/null   # builds the jar when it is stale
mvn -q -B -pl core -DskipTests test-compile

work="$(mktemp -d)"
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
if [ -z "$file" ]; then
  file="$work/large.pcap"
  echo "writing $frames frames to $file ..."
  java -cp core/target/classes:core/target/test-classes org.wirelab.bench.LoopbackTrafficGenerator "$file" "$frames"
fi
bytes=$(stat -c %s "$file")
echo "file: $file, $bytes bytes ($(awk "BEGIN{printf \"%.2f\", $bytes/2^30}") GiB)"
export HOME_FOR_TSHARK="$work/home"
mkdir -p "$HOME_FOR_TSHARK"

# run NAME COMMAND...: wall seconds, peak RSS, exit code and output lines of one command.
run() {
  local name="$1"; shift
  local out="$work/$name.out" stats="$work/$name.time"
  set +e
  /usr/bin/time -f "%e %M" -o "$stats" "$@" >"$out" 2>"$work/$name.err"
  local rc=$?
  set -e
  read -r seconds rss <"$stats" || true
  printf "%-34s %8s s  %6d MB  exit %d  %10d lines\n" "$name" "$seconds" "$((rss / 1024))" "$rc" "$(wc -l <"$out")"
  { grep -v "^Running as user" "$work/$name.err" || true; } | head -3 | sed 's/^/    stderr: /'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "capinfos -c -M" env HOME="$HOME_FOR_TSHARK" capinfos -c -M "$file"
tshark_frames=$(awk -F': *' '/Number of packets/ {print $2}' "$work/capinfos -c -M.out")
if [ "$tshark" = 1 ]; then
  run "tshark -T fields -e frame.number" env HOME="$HOME_FOR_TSHARK" tshark -r "$file" -T fields -e frame.number
fi
run "wirelab packets -e frame.number" ./wirelab packets "$file" -T fields -e frame.number
wirelab_frames=$(wc -l <"$work/wirelab packets -e frame.number.out")
last=$(tail -n 1 "$work/wirelab packets -e frame.number.out")
run "wirelab conversations" ./wirelab conversations "$file"
run "wirelab follow --stream 0" ./wirelab follow "$file" --stream 0
run "wirelab show --frame $tshark_frames" ./wirelab show "$file" --frame "$tshark_frames"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Wireshark's reader counts $tshark_frames frames; wirelab packets printed $wirelab_frames, the last numbered $last"
if [ "$tshark_frames" = "$wirelab_frames" ] && [ "$last" = "$tshark_frames" ]; then
  echo "every frame read: yes"
else
  echo "every frame read: NO"
  exit 1
fi
