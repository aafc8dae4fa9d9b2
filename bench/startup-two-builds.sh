#!/usr/bin/env bash
# Time and CPU to the first window of two wirelab builds, in interleaved rounds on the same capture under
# one Xvfb display: what a change to the start-up did, with the load of the moment falling alike on both
# (startup-vs-wireshark.sh compares with Wireshark; on a busy machine its wall times move by a factor of
# two from one round to the next, while the CPU a start spends before its window moves far less).
#
#   bench/startup-two-builds.sh BEFORE_DIR AFTER_DIR CAPTURE [ROUNDS]
#
# Each DIR holds a wirelab.jar and, when there is one, its class-data archive wirelab.jsa, made for the jar
# at that path (packaging/class-data-archive.sh list/dump). Each build starts as ./wirelab starts the app
# (packaging/desktop-java-options, the archive) with an empty HOME; a round ends when its window is on the
# screen with its content painted (bench/first-paint.py, as startup-vs-wireshark.sh). The CPU is the JVM's
# user + system time then, read from /proc. Not a test.
# Needs: Xvfb, xdotool, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

[ $# -ge 3 ] || { echo "usage: $0 BEFORE_DIR AFTER_DIR CAPTURE [ROUNDS]" >&2; exit 2; }
before="$1"; after="$2"; capture="$3"; rounds="${4:-5}"
for tool in Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "startup-two-builds.sh: $tool is needed (apt-get install xvfb xdotool python3)" >&2; exit 1; }
done

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1440x900x24 -fbdir "$work" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 20 display_number <&3 || { echo "startup-two-builds.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display_number"
mapfile -t desktop_options < <(grep -v '^#' packaging/desktop-java-options)

# start DIR: "WALL_MS CPU_MS" of one start of the build in DIR, until its window is painted.
start() {
  local dir="$1" sharing=() result
  [ -f "$dir/wirelab.jsa" ] && sharing=(-XX:SharedArchiveFile="$dir/wirelab.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  rm -rf "$work/home"; mkdir -p "$work/home"
  result=$(HOME="$work/home" python3 bench/first-paint.py "$work/Xvfb_screen0" wirelab -- \
    java "${sharing[@]}" "${desktop_options[@]}" -jar "$dir/wirelab.jar" "$capture") || exit 1
  while xdotool search --onlyvisible --name wirelab >/dev/null 2>&1; do sleep 0.1; done
  read -r _ painted cpu <<<"$result"
  echo "$painted $cpu"
}

echo "capture: $capture, display $DISPLAY, $rounds rounds each; load average before: $(load_average)"
before_wall=(); before_cpu=(); after_wall=(); after_cpu=()
for round in $(seq 1 "$rounds"); do
  read -r bw bc < <(start "$before")
  read -r aw ac < <(start "$after")
  [ -n "$bw" ] && [ -n "$aw" ] || exit 1   # start said why
  before_wall+=("$bw"); before_cpu+=("$bc"); after_wall+=("$aw"); after_cpu+=("$ac")
  printf "round %d: before %6d ms (CPU %5d ms)   after %6d ms (CPU %5d ms)   (load %s)\n" \
    "$round" "$bw" "$bc" "$aw" "$ac" "$(load_average | cut -d' ' -f1)"
done
echo "median: before $(median "${before_wall[@]}") ms, CPU $(median "${before_cpu[@]}") ms;" \
  "after $(median "${after_wall[@]}") ms, CPU $(median "${after_cpu[@]}") ms"
echo "load average after: $(load_average), $(nproc) cores"
