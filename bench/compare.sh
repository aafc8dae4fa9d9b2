#!/usr/bin/env bash
# Issue 6 section 4: a 10,000-message comparison in the simulator (target: under 5 seconds). Times the
# whole command as a user runs it (JVM start included), without loss and with a lossy 20 ms link.
# Usage: bench/compare.sh [MESSAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
messages="${1:-10000}"
./wirelab --version > /dev/null          # builds the jar first if it is stale, outside the timings
run() {
  local start end
  start=$(date +%s%N)
  ./wirelab compare --messages "$messages" --size 512 --simulate "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo "compare --messages $messages --size 512 --simulate $*: $(( (end - start) / 1000000 )) ms"
}
run
run --delay 20ms --loss 5% --seed 3
