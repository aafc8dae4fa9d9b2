#!/usr/bin/env bash
# Issue 5 section 5: the simulator's speed and memory. A 1 GB tcp-bulk over a 1 Gbit/s link with 10 ms
# of delay each way and 1% loss (MTU 1500), streamed to a pcap file in a temporary directory (deleted
# afterwards unless --out FILE). Options go to org.wirelab.bench.SimulatorBenchmark; see README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# Main and test classes of core and the simulator; the benchmark needs nothing else at run time.
mvn -q -B -pl core,simulator -am -DskipTests test-compile

# A small fixed heap: the run must fit in it whatever the transfer's size (frames are streamed, not kept).
exec java -Xms64m -Xmx64m \
    -cp core/target/classes:simulator/target/classes:simulator/target/test-classes \
    org.wirelab.bench.SimulatorBenchmark "$@"
