#!/usr/bin/env bash
# Time to the first window: `./wirelab FILE` against `wireshark FILE`, side by side on the same
# 1,000,000-frame capture (core's LoopbackTrafficGenerator), under one Xvfb display, in interleaved
# rounds (wirelab, Wireshark, wirelab, ...) so that both meet the same load. A round starts the program
# and stops the clock when its main window (wirelab's title holds "wirelab", Wireshark's "Wireshark" or
# the file's name) is on the screen with its content painted: bench/first-paint.py reads the window's
# pixels from Xvfb's framebuffer until they show text, not only when the window is mapped (JavaFX maps an
# empty window a second or more before its first frame). Prints each round (mapped, painted, the CPU used
# until painted), the medians, wirelab's time over Wireshark's and the load average. Not a test: it takes
# minutes. The first round's screens, as counted, are kept with --keep (painted-*.png).
#
#   bench/startup-vs-wireshark.sh                     # 1,000,000 frames, 3 rounds each
#   bench/startup-vs-wireshark.sh --rounds 5 --keep
#   bench/startup-vs-wireshark.sh --file big.pcap     # an existing capture
#
# Needs: Xvfb, xdotool, wireshark, python3 (Debian: apt-get install xvfb xdotool wireshark-qt python3) and
# the window libraries JavaFX uses on X11 (libgtk-3-0, libxtst6; see README's requirements).
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
    *) echo "usage: $0 [--frames N] [--rounds R] [--file F] [--keep]" >&2; exit 2 ;;
  esac
done

for tool in Xvfb xdotool wireshark python3; do
  command -v "$tool" >/dev/null || { echo "startup-vs-wireshark.sh: $tool is needed (apt-get install xvfb xdotool wireshark-qt python3)" >&2; exit 1; }
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

# A display of our own: Xvfb picks a free number and writes it to the pipe, and keeps its screen's pixels
# in $work/Xvfb_screen0, where first-paint.py reads them.
exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1440x900x24 -fbdir "$work" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 20 display_number <&3 || { echo "startup-vs-wireshark.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display_number"
# Both programs start with default preferences: no recent files, no saved layout, no first-run dialog
# left over from another run.
export HOME="$work/home"
mkdir -p "$HOME"

# first_paint NAME_PATTERN SCREENSHOT COMMAND...: "MAPPED_MS PAINTED_MS CPU_MS" from the start of COMMAND
# (first-paint.py); the program is then ended (its whole session). SCREENSHOT: a PNG of the screen as
# counted, or "" for none.
first_paint() {
  local pattern="$1" screenshot="$2"
  shift 2
  local shot=()
  [ -n "$screenshot" ] && shot=(--screenshot "$screenshot")
  local result
  # Once in a while (2 of about 25 starts here) Wireshark shows no window at all within two minutes: such a
  # start is said and tried once more rather than ending the whole run.
  if ! result=$(python3 bench/first-paint.py "$work/Xvfb_screen0" "$pattern" "${shot[@]}" -- "$@"); then
    echo "startup-vs-wireshark.sh: $* showed no window; trying it once more" >&2
    result=$(python3 bench/first-paint.py "$work/Xvfb_screen0" "$pattern" "${shot[@]}" -- "$@") || {
      echo "startup-vs-wireshark.sh: $* showed no window again" >&2; exit 1; }
  fi
  # Let the display forget the window before the next round looks for one.
  while xdotool search --onlyvisible --name "$pattern" >/dev/null 2>&1; do sleep 0.1; done
  echo "$result"
}

echo "file: $file ($(stat -c %s "$file") bytes), display $DISPLAY, $rounds rounds each"
echo "load average before: $(load_average)"
wirelab_times=(); wireshark_times=(); wirelab_cpu=(); wireshark_cpu=()
for round in $(seq 1 "$rounds"); do
  shot_w=""; shot_s=""
  if [ "$round" = 1 ]; then shot_w="$work/painted-wirelab.png"; shot_s="$work/painted-wireshark.png"; fi
  read -r wm w wc <<<"$(first_paint 'wirelab' "$shot_w" ./wirelab "$file")"
  read -r sm s sc <<<"$(first_paint 'Wireshark|startup.pcap|\.pcap' "$shot_s" wireshark "$file")"
  [ -n "$w" ] && [ -n "$s" ] || exit 1   # first_paint said why
  wirelab_times+=("$w"); wireshark_times+=("$s"); wirelab_cpu+=("$wc"); wireshark_cpu+=("$sc")
  printf "round %d: wirelab %6d ms (mapped %6d, CPU %5d)   wireshark %6d ms (mapped %6d, CPU %5d)   (load %s)\n" \
    "$round" "$w" "$wm" "$wc" "$s" "$sm" "$sc" "$(load_average | cut -d' ' -f1)"
done
wm=$(median "${wirelab_times[@]}")
sm=$(median "${wireshark_times[@]}")
echo "median to the painted window: wirelab $wm ms, wireshark $sm ms: wirelab takes $(ratio "$wm" "$sm")x Wireshark's time (target: at most 1.5x)"
echo "median CPU until then: wirelab $(median "${wirelab_cpu[@]}") ms, wireshark $(median "${wireshark_cpu[@]}") ms"
echo "load average after: $(load_average), $(nproc) cores"
[ "$keep" = 1 ] && echo "the first round's screens as counted: $work/painted-wirelab.png, $work/painted-wireshark.png"
# Whether the class-data archive serves the window: the classes of one more start, and those mapped from it.
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$work/classes.log" first_paint 'wirelab' "" ./wirelab "$file" >/dev/null
echo "classes a start loaded (until just after its window was painted): $(grep -c . "$work/classes.log"), from the class-data archive:" \
  "$(grep -c 'shared objects file' "$work/classes.log")"
