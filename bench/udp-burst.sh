#!/usr/bin/env bash
# Issue 3 section 7: a UDP burst of 100,000 datagrams of 100 bytes on lo, captured by LiveCapture:
# frames captured, libpcap's dropped count, packets per second. Arguments go to
# org.wirelab.bench.UdpBurstCaptureBenchmark: [COUNT [SIZE [MODE:BUFFER_MIB...]]], e.g. 100000 100 batch10:32.
# Needs root (or CAP_NET_RAW) and libpcap.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
# In one reactor run, so that core resolves to its target/ directories (capture is built last and
# writes the classpath file last).
mvn -q -B -pl capture -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$classpath"
java -cp "capture/target/test-classes:capture/target/classes:$(cat "$classpath")" \
    org.wirelab.bench.UdpBurstCaptureBenchmark "$@"
