#!/usr/bin/env bash
# Issue 2 section 8: wirelab's read + decode + analysis rate, tshark's rate on the same file, and
# heap bytes per frame. Generates a 1,000,000-frame loopback pcap in a temporary directory (deleted
# afterwards unless --keep). Options are passed to org.wirelab.bench.DecodeBenchmark; see README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# Main and test classes of core; the benchmark needs nothing else at run time.
mvn -q -B -pl core -DskipTests test-compile

# A fixed heap large enough for the 335 MB file and its columns, touched up front so that page faults
# do not land in the timed runs.
exec java -Xms3g -Xmx3g -XX:+AlwaysPreTouch \
    -cp core/target/classes:core/target/test-classes \
    org.wirelab.bench.DecodeBenchmark "$@"
