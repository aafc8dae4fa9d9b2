#!/usr/bin/env bash
# Re-creates the sample captures in samples/ by capturing real loopback traffic with tcpdump.
# Needs root (or CAP_NET_RAW), tcpdump and python3. Usage: samples/make/make-samples.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(dirname "$here")"

# capture FILE FILTER SERVER_CMD CLIENT_CMD: starts tcpdump on lo, then the server, then the client;
# stops tcpdump one second after the server exits so that the last ACK is in the file.
capture() {
  local file="$1" filter="$2" server="$3" client="$4"
  local log
  log="$(mktemp)"
  tcpdump -i lo -w "$out/$file" -U "$filter" 2>"$log" &
  local tcpdump_pid=$!
  until grep -q "listening on" "$log"; do sleep 0.1; done
  python3 $server > /dev/null &
  local server_pid=$!
  sleep 0.5                                   # let the server bind before the client starts
  python3 $client > /dev/null
  wait "$server_pid"
  sleep 1
  kill -INT "$tcpdump_pid"
  wait "$tcpdump_pid" || true
  grep "packets captured" "$log" | sed "s/^/$file: /"
  rm -f "$log"
}

capture tcp-hello.pcap 'tcp port 3000' "$here/tcp_server.py" "$here/tcp_client.py"
capture udp-echo.pcap 'udp port 3000' "$here/udp_server.py" "$here/udp_client.py"
capture tcp-hello-ipv6.pcap 'tcp port 3000' "$here/tcp_server.py -6" "$here/tcp_client.py -6"
capture http-get.pcap 'tcp port 8080' "$here/http_server.py" "$here/http_client.py"
capture http-pipelining.pcap 'tcp port 8000' "$here/http_pipelining_server.py" "$here/http_pipelining_client.py"
capture dns-retransmission.pcap 'udp port 53' "$here/dns_retransmission_server.py" "$here/dns_retransmission_client.py"
