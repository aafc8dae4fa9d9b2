#!/usr/bin/env bash
# A capture over 2 GiB is read whole by every command: 7,000,000 frames of loopback traffic (about
# 2.35 GB, made by core's LoopbackTrafficGenerator) read by packets, conversations, follow, show
# (--frame and --stream) and export (one stream's diagram and charts, the traffic chart, the whole
# diagram, refused for a file of more than 100,000 frames), each compared with the frame count of
# Wireshark's reader (capinfos, the same wiretap library as tshark, without dissecting; --tshark runs
# tshark -T fields too); wall time, CPU time, peak memory and exit code of each, and the load average.
# --heap 2g gives every wirelab command that heap (JAVA_TOOL_OPTIONS=-Xmx2g): the frames' bytes stay
# in the mapped file, so what must fit is the per-frame columns (conversations and follow keep only
# per-conversation state); a command that runs out says so in one line and exits 3. The peak memory
# (RSS) counts the mapped file's pages the command touched, which the kernel can drop at any time.
# Not a test: it writes gigabytes and takes minutes.
#
#   bench/large-capture.sh                  # 7,000,000 frames in a temporary directory, deleted after
#   bench/large-capture.sh --frames 8000000 --keep
#   bench/large-capture.sh --file big.pcap  # an existing capture
#   bench/large-capture.sh --frames 24800000 --heap 2g   # about 8.3 GB of disk
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

frames=7000000
file=""
keep=0
tshark=0
heap=""
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --tshark) tshark=1; shift ;;
    --heap) heap="$2"; shift 2 ;;
    *) echo "usage: $0 [--frames N] [--file F] [--keep] [--tshark] [--heap SIZE]" >&2; exit 2 ;;
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

# run NAME COMMAND...: wall and CPU seconds, peak RSS, exit code and output lines of one command.
run() {
  local name="$1"; shift
  local out="$work/$name.out" stats="$work/$name.time"
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" >"$out" 2>"$work/$name.err"
  local rc=$?
  set -e
  # GNU time writes "Command exited with non-zero status N" before its figures when the command fails.
  read -r seconds user system rss < <(tail -n 1 "$stats") || true
  printf "%-42s %8s s  %8s s CPU  %6d MB  exit %d  %10d lines\n" "$name" "$seconds" \
    "$(awk "BEGIN{print $user + $system}")" "$((rss / 1024))" "$rc" "$(wc -l <"$out")"
  { grep -v "^Running as user\|^Picked up JAVA_TOOL_OPTIONS" "$work/$name.err" || true; } | head -3 | sed 's/^/    stderr: /'
}

# The launcher, with the heap asked for (a command, not a function: /usr/bin/time runs it).
wirelab=(./wirelab)
[ -z "$heap" ] || wirelab=(env "JAVA_TOOL_OPTIONS=-Xmx$heap" ./wirelab)

echo "heap: ${heap:-as the launcher sets it (a quarter of the memory)}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "capinfos -c -M" env HOME="$HOME_FOR_TSHARK" capinfos -c -M "$file"
tshark_frames=$(awk -F': *' '/Number of packets/ {print $2}' "$work/capinfos -c -M.out")
if [ "$tshark" = 1 ]; then
  run "tshark -T fields -e frame.number" env HOME="$HOME_FOR_TSHARK" tshark -r "$file" -T fields -e frame.number
fi
run "wirelab packets -e frame.number" "${wirelab[@]}" packets "$file" -T fields -e frame.number
wirelab_frames=$(wc -l <"$work/wirelab packets -e frame.number.out")
last=$(tail -n 1 "$work/wirelab packets -e frame.number.out")
run "wirelab conversations" "${wirelab[@]}" conversations "$file"
run "wirelab follow --stream 1" "${wirelab[@]}" follow "$file" --stream 1
run "wirelab show --frame $tshark_frames" "${wirelab[@]}" show "$file" --frame "$tshark_frames"
run "wirelab show --stream 1" "${wirelab[@]}" show "$file" --stream 1
run "wirelab export --stream 1 --diagram" "${wirelab[@]}" export "$file" --stream 1 --diagram "$work/stream1.svg"
run "wirelab export --stream 1 --chart rtt, tcp-sequence" "${wirelab[@]}" export "$file" --stream 1 --chart rtt "$work/rtt.svg" \
  --chart tcp-sequence "$work/sequence.png"
run "wirelab export --chart traffic" "${wirelab[@]}" export "$file" --chart traffic "$work/traffic.png"
run "wirelab export --diagram (whole file)" "${wirelab[@]}" export "$file" --diagram "$work/all.svg"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Wireshark's reader counts $tshark_frames frames; wirelab packets printed $wirelab_frames, the last numbered $last"
if [ "$tshark_frames" = "$wirelab_frames" ] && [ "$last" = "$tshark_frames" ]; then
  echo "every frame read: yes"
else
  echo "every frame read: NO"
  exit 1
fi
