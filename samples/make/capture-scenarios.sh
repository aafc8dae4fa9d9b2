#!/usr/bin/env bash
# Re-creates samples/scenarios/ with wirelab itself: each scenario of the lab's Java programs, run on
# the loopback and captured by `wirelab capture --scenario` (libpcap through pcap4j).
# Needs root (or CAP_NET_RAW on the java binary) and libpcap. Usage: samples/make/capture-scenarios.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/samples/scenarios"
mkdir -p "$out"

capture() {
  local file="$1"; shift
  "$root/wirelab" capture "$@" --out "$out/$file" > /dev/null 2> "$out/.log" || { cat "$out/.log"; exit 1; }
  echo "$file: $(tail -n 1 "$out/.log")"
  rm -f "$out/.log"
}

capture tcp-hello.pcap --scenario tcp-hello
capture tcp-hello-ipv6.pcap --scenario tcp-hello --ipv6
capture udp-echo.pcap --scenario udp-echo
capture chat.pcap --scenario chat
capture http-get.pcap --scenario http-get
capture tcp-refused.pcap --scenario tcp-refused
capture tcp-bulk.pcap --scenario tcp-bulk --bytes 200000
capture udp-burst.pcap --scenario udp-burst --count 20 --size 100
