#!/usr/bin/env bash
# Thousands of clients that connect and drop at once (a reset, a close with nothing sent, half a message)
# against the lab's TCP server and chat server while honest clients talk: the two tests of mvn verify
# (TcpUdpHostileClientsTest, ChatServerHostileClientsTest) with N dropped connections instead of 3,000.
# They pass when every honest message reached the server (TCP) or every honest client (chat), every
# dropped connection was served and closed, and the server still serves a client afterwards.
#
#   bench/connect-and-drop.sh           # 50,000 connections each
#   bench/connect-and-drop.sh 200000
set -euo pipefail
cd "$(dirname "$0")/.."
dropped="${1:-50000}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
mvn -q -B -pl capture -am test -Dwirelab.dropped="$dropped" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='TcpUdpHostileClientsTest#thousandsOfConnectionsOpenedAndDroppedCostTheHonestClientsNothing+ChatServerHostileClientsTest#thousandsOfConnectionsOpenedAndDroppedLeaveNothingBehind'
echo "passed: $dropped dropped connections against each server, $(( $(date +%s) - start )) s in all (build included)"
grep -h "testcase name=\"thousands" capture/target/surefire-reports/TEST-*HostileClientsTest.xml \
    | sed 's/.*name="\([^"]*\)".*time="\([^"]*\)".*/  \1: \2 s/'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
