#!/usr/bin/env bash
# The chat server's broadcast latency (p50, p99, max) with N clients and T talkers, server and clients on
# lo in one JVM. Arguments go to org.wirelab.bench.ChatBroadcastBenchmark:
# [CLIENTS [TALKERS [MESSAGES_PER_SECOND_EACH [SECONDS]]]]; without arguments, 250 then 1,000 clients
# with 20 talkers sending 10 messages a second each, 10 s measured after 3 s of warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
mvn -q -B -pl capture -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$classpath"
run() {
  java -cp "capture/target/test-classes:capture/target/classes:core/target/classes:$(cat "$classpath")" \
      org.wirelab.bench.ChatBroadcastBenchmark "$@"
}
if [ $# -gt 0 ]; then
  run "$@"
else
  run 250 20 10 10
  run 1000 20 10 10
fi
