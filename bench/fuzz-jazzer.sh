#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (libFuzzer's engine for the JVM) of the capture readers, every
# decoder, the analysis, the fields, the explanations and the display filters (core's FuzzTargets),
# for as long as asked. The corpus grows in a directory kept between runs; an input that makes any
# target throw (anything but a clear refusal) or hang is saved as crash-* / timeout-* in the output
# directory and the run stops: move it to core/src/test/resources/org/wirelab/core/fuzz/
# CaptureFuzzTestInputs/<test>/ and every build replays it. Prints runs, coverage, failures and the load.
#
#   bench/fuzz-jazzer.sh                          # each target 10 minutes
#   bench/fuzz-jazzer.sh --target capture --seconds 3600
#   bench/fuzz-jazzer.sh --target all --seconds 600 --out /tmp/fuzz   # one run, inputs spread over the three
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
targets="capture frames filter"
out="bench-out/fuzz-jazzer"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --target) targets="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--target capture|frames|filter|all] [--seconds N] [--out DIR]" >&2; exit 2 ;;
  esac
done

mvn -q -B -pl core -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/fuzz-classpath.txt >/dev/null
classpath="core/target/test-classes:core/target/classes:$(cat core/target/fuzz-classpath.txt)"
seeds=core/src/test/resources/org/wirelab/core/fuzz/CaptureFuzzTestInputs

status=0
for target in $targets; do
  corpus="$out/corpus-$target"
  mkdir -p "$corpus" "$out/findings-$target"
  case "$target" in
    capture) seed_dirs=("$seeds/anyBytesAsACaptureFile") ;;
    filter) seed_dirs=("$seeds/anyDisplayFilter") ;;
    *) seed_dirs=() ;;
  esac
  echo "== $target for $seconds s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  log="$out/$target.log"
  set +e
  java -cp "$classpath" -Dwirelab.fuzz.target="$target" com.code_intelligence.jazzer.Jazzer \
    --target_class=org.wirelab.core.fuzz.FuzzTargets --instrumentation_includes='org.wirelab.**' \
    --jvm_args="-Dwirelab.fuzz.target=$target" \
    -max_total_time="$seconds" -timeout=30 -artifact_prefix="$out/findings-$target/" \
    "$corpus" "${seed_dirs[@]}" >"$log" 2>&1
  rc=$?
  set -e
  grep -v "^INFO: Instrumented" "$log" | grep -E "^#[0-9]+ +DONE|^Done [0-9]+ runs|== Java Exception|ERROR: libFuzzer|Test unit written" || true
  echo "   exit $rc, corpus $(ls "$corpus" | wc -l) inputs, findings $(ls "$out/findings-$target" | wc -l), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$rc" = 0 ] || status=1
done
exit $status
