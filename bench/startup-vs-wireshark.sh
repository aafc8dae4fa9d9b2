#!/usr/bin/env bash
# Time to the first window: `./wirelab FILE` against `wireshark FILE`, side by side on the same
# 1,000,000-frame capture (core's LoopbackTrafficGenerator), under one Xvfb display, in interleaved
# rounds (wirelab, Wireshark, wirelab, ...) so that both meet the same load. A round starts the program
# and stops the clock when xdotool sees its main window mapped (wirelab's title holds "wirelab",
# Wireshark's "Wireshark" or the file's name), then ends the program it started. Prints each round,
# the medians, wirelab's time over Wireshark's and the load average. Not a test: it takes minutes.
#
#   bench/startup-vs-wireshark.sh                     # 1,000,000 frames, 3 rounds each
#   bench/startup-vs-wireshark.sh --rounds 5 --keep
#   bench/startup-vs-wireshark.sh --file big.pcap     # an existing capture
#
# Needs: Xvfb, xdotool, wireshark (Debian: apt-get install xvfb xdotool wireshark-qt) and the window
# libraries JavaFX uses on X11 (libgtk-3-0, libxtst6; see README's requirements).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

frames=1000000
rounds=3
file=""
keep=0
timeout_seconds=120
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--frames N] [--rounds R] [--file F] [--keep]" >&2; exit 2 ;;
  esac
done

for tool in Xvfb xdotool wireshark; do
  command -v "$tool" >/dev/null || { echo "startup-vs-wireshark.sh: $tool is needed (apt-get install xvfb xdotool wireshark-qt)" >&2; exit 1; }
done

./wirelab --version >/dev/null   # builds the jar (and its class-data archive) when they are stale
mvn -q -B -pl core -DskipTests test-compile

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$file" ]; then
  file="$work/startup.pcap"
  echo "writing $frames frames to $file ..."
  java -cp core/target/classes:core/target/test-classes org.wirelab.bench.LoopbackTrafficGenerator "$file" "$frames"
fi

# A display of our own: Xvfb picks a free number and writes it to the pipe.
exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 20 display_number <&3 || { echo "startup-vs-wireshark.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display_number"
# Both programs start with default preferences: no recent files, no saved layout, no first-run dialog
# left over from another run.
export HOME="$work/home"
mkdir -p "$HOME"

# first_window NAME_PATTERN COMMAND...: milliseconds from the start of COMMAND until a visible window
# whose title matches NAME_PATTERN exists; the program is then ended (its whole process group).
first_window() {
  local pattern="$1"; shift
  local start end pid
  start=$(date +%s%N)
  setsid "$@" >"$work/program.log" 2>&1 &
  pid=$!
  if ! timeout "$timeout_seconds" xdotool search --sync --onlyvisible --name "$pattern" >/dev/null 2>&1; then
    kill -- -"$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "no window matching '$pattern' within $timeout_seconds s; the program said:" >&2
    tail -5 "$work/program.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # Let the display forget the window before the next round looks for one.
  while xdotool search --onlyvisible --name "$pattern" >/dev/null 2>&1; do sleep 0.1; done
  echo $(((end - start) / 1000000))
}

echo "file: $file ($(stat -c %s "$file") bytes), display $DISPLAY, $rounds rounds each"
echo "load average before: $(load_average)"
wirelab_times=()
wireshark_times=()
for round in $(seq 1 "$rounds"); do
  w=$(first_window 'wirelab' ./wirelab "$file")
  s=$(first_window 'Wireshark|startup.pcap|\.pcap' wireshark "$file")
  wirelab_times+=("$w")
  wireshark_times+=("$s")
  printf "round %d: wirelab %6d ms   wireshark %6d ms   (load %s)\n" "$round" "$w" "$s" "$(load_average | cut -d' ' -f1)"
done
wm=$(median "${wirelab_times[@]}")
sm=$(median "${wireshark_times[@]}")
echo "median: wirelab $wm ms, wireshark $sm ms: wirelab takes $(awk "BEGIN{printf \"%.2f\", $wm/$sm}")x Wireshark's time (target: at most 1.5x)"
echo "load average after: $(load_average), $(nproc) cores"
# Whether the class-data archive serves the window: the classes of one more start, and those mapped from it.
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$work/classes.log" first_window 'wirelab' ./wirelab "$file" >/dev/null
echo "classes a start loaded (until just after its window showed): $(grep -c . "$work/classes.log"), from the class-data archive:" \
  "$(grep -c 'shared objects file' "$work/classes.log")"
