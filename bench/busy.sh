#!/usr/bin/env bash
# Makes the machine busy the way CI and several parallel builds do, so that the live tests can be run
# under load: N processes that spin on the CPU, optionally one that writes and syncs a file and one that
# holds memory, for a bounded time. It stops by itself, and Ctrl-C (or kill of its process id) stops all.
#
#   bench/busy.sh                       # 16 CPU spinners for 10 minutes
#   bench/busy.sh 24 --minutes 30 --disk --memory 2048
#   bench/busy.sh 16 & pid=$!; mvn ... test -Dtest=X; kill $pid
#
# Every few seconds it prints the load average, the figure to report beside a test run.
set -euo pipefail

usage() {
  echo "usage: bench/busy.sh [N] [--minutes M] [--disk] [--memory MB]" >&2
  echo "  N          CPU-bound processes (default 16)" >&2
  echo "  --minutes  stop after M minutes (default 10, at most 120)" >&2
  echo "  --disk     also write and fsync a 256 MB file in a loop (in \$TMPDIR)" >&2
  echo "  --memory   also hold MB megabytes of memory (touched, so really resident)" >&2
  exit 2
}

spinners=16
minutes=10
disk=false
memory=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="${2:?}"; shift 2 ;;
    --disk) disk=true; shift ;;
    --memory) memory="${2:?}"; shift 2 ;;
    -h|--help) usage ;;
    *[!0-9]*) usage ;;
    *) spinners="$1"; shift ;;
  esac
done
case "$minutes" in ''|*[!0-9]*) usage ;; esac
case "$memory" in ''|*[!0-9]*) usage ;; esac
[ "$minutes" -le 120 ] || usage

work="$(mktemp -d "${TMPDIR:-/tmp}/busy.XXXXXX")"
children=()
stop() {
  trap - EXIT INT TERM
  # Only the processes this script started, by their ids.
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
  echo "busy.sh: stopped; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}
trap stop EXIT
trap 'exit 130' INT TERM

for _ in $(seq "$spinners"); do
  # A shell loop that never waits: one runnable process each, as a compiling JVM thread is.
  ( trap - EXIT INT TERM; while :; do :; done ) &
  children+=("$!")
done
if $disk; then
  ( trap - EXIT INT TERM
    while :; do dd if=/dev/zero of="$work/disk" bs=1M count=256 conv=fsync status=none; rm -f "$work/disk"; done ) &
  children+=("$!")
fi
if [ "$memory" -gt 0 ]; then
  # python3 holds the bytes (touched page by page); without it, a shell string of that size does.
  if command -v python3 >/dev/null; then
    ( trap - EXIT INT TERM; exec python3 -c "import time; b = bytearray($memory * 1048576); time.sleep(7200)" ) &
  else
    ( trap - EXIT INT TERM; s="$(head -c "$((memory * 1048576))" /dev/zero | tr '\0' x)"; sleep 7200; echo "${#s}" ) &
  fi
  children+=("$!")
fi

echo "busy.sh: $spinners CPU spinners$($disk && echo ', disk writer')$([ "$memory" -gt 0 ] && echo ", $memory MB held") for $minutes min (pid $$)" >&2
end=$((SECONDS + minutes * 60))
while [ "$SECONDS" -lt "$end" ]; do
  sleep 15
  echo "busy.sh: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
