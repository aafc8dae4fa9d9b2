#!/usr/bin/env bash
# Mutated captures through every command and every decoder (ui test class org.wirelab.fuzz.CommandFuzz):
# frames of the samples and the corpus mutated, written with sound record headers, read, decoded as
# trees, explained in both languages, and run through packets, conversations, follow, show, show
# --frame and export in-process. Prints the frames, exceptions, hangs and peak heap; exits 1 on any
# failure and keeps the files that caused one. Not part of mvn verify (CommandFuzzTest runs a little).
#   bench/fuzz-commands.sh                         # 10,000,000 frames, seed 1
#   bench/fuzz-commands.sh --frames 200000 --seed 7 --frames-per-file 20000
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
# The reactor resolves the other modules to their target/classes; the last module written is cli's.
mvn -q -B -pl cli -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$classpath"
cp="cli/target/test-classes:cli/target/classes:render/target/classes:core/target/test-classes:core/target/classes:$(cat "$classpath")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
java -Xmx2g -Djava.awt.headless=true -cp "$cp" org.wirelab.fuzz.CommandFuzz "$@"
status=$?
set -e
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
