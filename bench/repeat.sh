#!/usr/bin/env bash
# Runs the same tests round after round (typically while bench/busy.sh loads the machine) and says,
# for each round, whether they passed, with the load average; the reports of every failed round are kept.
#
#   bench/repeat.sh 10 cli 'CaptureThroughDumpcapTest'
#   bench/repeat.sh 5 capture,cli 'LabRunsCheckedLiveTest,ScenarioCaptureCommandTest'
#
# ROUNDS, the modules whose tests to run (-pl; their dependencies are built too), then the -Dtest
# selection. Runs offline (-o): build once with network before. Exits non-zero if any round failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -ne 3 ]; then
  echo "usage: bench/repeat.sh ROUNDS MODULES TESTS" >&2
  exit 2
fi
rounds="$1" modules="$2" tests="$3"
logs="$(mktemp -d "${TMPDIR:-/tmp}/repeat.XXXXXX")"
failed=0
echo "repeat.sh: $rounds rounds of $tests in $modules; logs in $logs"
for round in $(seq "$rounds"); do
  before="$(cut -d' ' -f1 /proc/loadavg)"
  start=$SECONDS
  if mvn -q -o -pl "$modules" -am test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
      >"$logs/round-$round.log" 2>&1; then
    verdict=passed
  else
    verdict=FAILED
    failed=$((failed + 1))
    mkdir -p "$logs/round-$round"
    for reports in */target/surefire-reports; do
      cp -r "$reports" "$logs/round-$round/${reports%%/*}" 2>/dev/null
    done
    grep -hE '^\[ERROR\] (Tests run|  |[A-Za-z]+Test)|expected|FAIL' "$logs/round-$round.log" | head -20 | sed 's/^/    /'
  fi
  echo "round $round: $verdict in $((SECONDS - start)) s, load average $before -> $(cut -d' ' -f1 /proc/loadavg)"
done
echo "repeat.sh: $failed of $rounds rounds failed; logs in $logs"
[ "$failed" -eq 0 ]
