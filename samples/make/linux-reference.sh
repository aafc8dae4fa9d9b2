#!/usr/bin/env bash
# Makes the reference captures in samples/reference/: real Linux TCP/UDP between two network namespaces
# joined through a third one where reference_relay.py delays, drops, holds back or duplicates frames
# (this kernel has no netem). Both ends are the kernel's own stack driven by reference_peer.py; tcpdump
# captures inside the client's and the server's namespace. Each case gets fresh namespaces, deleted
# afterwards even on failure.
#
# Needs root, iproute2, ethtool, tcpdump, python3 and tshark (for the text files beside each capture); the chat
# case runs wirelab's own chat server, app/target/wirelab.jar, which ./wirelab builds.
# Usage: samples/make/linux-reference.sh [CASE...]   (no CASE: all of them; -l lists them)
#
# Addresses: client 198.51.100.1, server 198.51.100.2 (documentation range, only inside the namespaces
# this script makes); for the cases that talk IPv6, client 2001:db8::1 and server 2001:db8::2 (IPv6's
# documentation range), with no link-local addresses, router solicitations or duplicate address
# detection, so that only the exchange itself is captured. Link: 10 ms each way through the relay, MTU
# 1500, offloads off; no IPv6 in the other cases.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(dirname "$here")/reference"
peer="$here/reference_peer.py"
relay="$here/reference_relay.py"
client_ip=198.51.100.1
server_ip=198.51.100.2
client_ip6=2001:db8::1
server_ip6=2001:db8::2
port=3000
delay_ms=10

# name | relay rules | server command (empty: nothing listens) | client command | bytes kept of each
# frame (empty: all; a long transfer keeps its headers only, SACK blocks included)
cases() {
  cat <<EOF
lost-syn-ack|--drop s2c:synack:1|hello-server $port|hello-client $server_ip $port
lost-data|--drop c2s:data:1|hello-server $port|hello-client $server_ip $port
fast-retransmit|--drop c2s:data:4|sink-server $port|bulk-client $server_ip $port 43440
tail-loss|--drop c2s:data:10|sink-server $port|bulk-client $server_ip $port 14480 --pause 1
reordering|--hold c2s:data:4:3|sink-server $port|bulk-client $server_ip $port 43440
duplication|--duplicate c2s:data:4:1|sink-server $port|bulk-client $server_ip $port 43440
slow-reader||sink-server $port --rcvbuf 8192 --read 4096 --every 1.5|bulk-client $server_ip $port 32768
simultaneous-close||hello-server $port|hello-client $server_ip $port --pause 0.005
half-close||half-close-server $port --lines 3|half-close-client $server_ip $port
tcp-refused|||refused-client $server_ip 3999
udp-closed-port|||udp-client $server_ip $port
udp6-closed-port|||udp-client $server_ip6 $port
keep-alive||sink-server $port|keepalive-client $server_ip $port --idle 1 --pause 2.5
rst-after-close||hello-server $port|late-writer-client $server_ip $port --pause 0.1
lost-last-ack|--drop c2s:ack:2|hello-server $port|hello-client $server_ip $port
tcp-hello||hello-server $port|hello-client $server_ip $port
udp-echo||udp-echo-server $port|udp-client $server_ip $port
bulk-loss|--drop c2s:data:150|sink-server $port|bulk-client $server_ip $port 2000000|128
tcp-bulk||sink-server $port|bulk-client $server_ip $port 1000000|128
udp-burst||udp-sink-server $port --count 1000|udp-burst-client $server_ip $port --count 1000 --size 100|64
http-get||http-server 8080|http-client $server_ip 8080
chat||chat-server 9090|chat-clients $server_ip 9090
EOF
}

if [ "${1:-}" = "-l" ]; then
  cases | cut -d'|' -f1
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "linux-reference.sh: run as root (network namespaces)" >&2; exit 1; }
for tool in ip ethtool tcpdump python3 tshark timeout; do
  command -v "$tool" >/dev/null || { echo "linux-reference.sh: $tool not found" >&2; exit 1; }
done
mkdir -p "$out"

tag="wl$$"
ns_client="$tag-client"
ns_relay="$tag-relay"
ns_server="$tag-server"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for ns in "$ns_client" "$ns_relay" "$ns_server"; do
    ip netns del "$ns" 2>/dev/null || true
  done
  pids=()
}
trap cleanup EXIT

in_ns() {
  local ns="$1"
  shift
  ip netns exec "$ns" "$@"
}

# An end host: IPv4 only, offloads off (real 1514-byte frames with real checksums). reference_peer.py
# sets CUBIC, Linux's default, on each socket: a namespace inherits this machine's default (bbr here)
# and may only choose among tcp_allowed_congestion_control, which is machine-wide.
setup_end() {
  local ns="$1" dev="$2" ip="$3" mac="$4" peer_ip="$5" peer_mac="$6" ip6="$7" peer_ip6="$8"
  in_ns "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  if [ "$ipv6" = 1 ]; then
    # IPv6 on this device only, with nothing of its own on the wire: no link-local address, no router
    # solicitation, no duplicate address detection (neighbour entries are permanent below).
    in_ns "$ns" sysctl -qw "net.ipv6.conf.$dev.addr_gen_mode=1" "net.ipv6.conf.$dev.router_solicitations=0" \
      "net.ipv6.conf.$dev.accept_ra=0" "net.ipv6.conf.$dev.dad_transmits=0" "net.ipv6.conf.$dev.disable_ipv6=0"
  fi
  in_ns "$ns" ip link set lo up
  in_ns "$ns" ip link set "$dev" address "$mac"
  in_ns "$ns" ethtool -K "$dev" tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
  in_ns "$ns" ip addr add "$ip/24" dev "$dev"
  in_ns "$ns" ip link set "$dev" up
  # A permanent neighbour entry: no ARP in the captures, and the first SYN leaves at once.
  in_ns "$ns" ip neigh replace "$peer_ip" lladdr "$peer_mac" dev "$dev" nud permanent
  if [ "$ipv6" = 1 ]; then
    in_ns "$ns" ip -6 addr add "$ip6/64" dev "$dev" nodad
    in_ns "$ns" ip -6 neigh replace "$peer_ip6" lladdr "$peer_mac" dev "$dev" nud permanent
  fi
}

setup() {
  ip netns add "$ns_client"
  ip netns add "$ns_relay"
  ip netns add "$ns_server"
  in_ns "$ns_relay" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link add c0 netns "$ns_client" type veth peer name rc netns "$ns_relay"
  ip link add s0 netns "$ns_server" type veth peer name rs netns "$ns_relay"
  for dev in rc rs; do
    in_ns "$ns_relay" ethtool -K "$dev" tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
    in_ns "$ns_relay" ip link set "$dev" promisc on up
  done
  setup_end "$ns_client" c0 "$client_ip" 02:00:00:00:00:01 "$server_ip" 02:00:00:00:00:02 "$client_ip6" "$server_ip6"
  setup_end "$ns_server" s0 "$server_ip" 02:00:00:00:00:02 "$client_ip" 02:00:00:00:00:01 "$server_ip6" "$client_ip6"
}

# wait_for FILE TEXT SECONDS: until FILE contains TEXT, at most SECONDS.
wait_for() {
  local file="$1" text="$2" tries=$(( $3 * 10 ))
  while ! grep -q "$text" "$file" 2>/dev/null; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || { echo "timed out waiting for '$text' in $file" >&2; cat "$file" >&2; return 1; }
    sleep 0.1
  done
}

# The text files beside a capture: tshark's per-frame fields and its expert info, with an empty HOME
# so that no one's preferences change what it says.
describe() {
  local pcap="$1" home
  home="$(mktemp -d)"
  HOME="$home" tshark 2>/dev/null -r "$pcap" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, \
    -e frame.number -e frame.time_relative -e ip.src -e ip.dst -e ip.id -e tcp.srcport -e tcp.dstport \
    -e tcp.flags.str -e tcp.seq -e tcp.ack -e tcp.len -e tcp.window_size_value -e tcp.window_size \
    -e tcp.options.wscale.shift -e tcp.options.mss_val -e tcp.options.sack_le -e tcp.options.sack_re \
    -e tcp.options.sack.dsack_le -e tcp.options.sack.dsack_re -e udp.length -e icmp.type -e icmp.code \
    -e ipv6.src -e ipv6.dst -e icmpv6.type -e icmpv6.code -e _ws.expert.message > "${pcap%.pcap}.fields.tsv"
  HOME="$home" tshark 2>/dev/null -r "$pcap" -q -z expert > "${pcap%.pcap}.expert.txt"
  rm -rf "$home"
}

run_case() {
  local name="$1" rules="$2" server="$3" client="$4" snaplen="${5:-0}" logs
  echo "== $name"
  ipv6=0
  [[ "$client" == *"$server_ip6"* ]] && ipv6=1
  setup
  logs="$(mktemp -d)"
  # shellcheck disable=SC2086 # the rules are words
  ip netns exec "$ns_relay" timeout 90 python3 -u "$relay" --client-side rc --server-side rs --delay-ms "$delay_ms" \
    --max-seconds 80 --log "$out/$name.relay.log" $rules >"$logs/relay" 2>&1 &
  pids+=($!)
  wait_for "$logs/relay" ready 10
  # IPv4, and IPv6's UDP and ICMPv6 (not the multicast listener reports a device sends when it comes up).
  local filter='ip or (ip6 and (udp or icmp6))'
  ip netns exec "$ns_client" timeout 90 tcpdump -i c0 -s "$snaplen" -w "$out/$name-client.pcap" -U -n "$filter" >/dev/null 2>"$logs/tcpdump-client" &
  local tcpdump_client=$!
  pids+=($tcpdump_client)
  ip netns exec "$ns_server" timeout 90 tcpdump -i s0 -s "$snaplen" -w "$out/$name-server.pcap" -U -n "$filter" >/dev/null 2>"$logs/tcpdump-server" &
  local tcpdump_server=$!
  pids+=($tcpdump_server)
  wait_for "$logs/tcpdump-client" "listening on" 10
  wait_for "$logs/tcpdump-server" "listening on" 10
  local server_pid=""
  if [ -n "$server" ]; then
    # shellcheck disable=SC2086
    ip netns exec "$ns_server" timeout 60 python3 -u "$peer" $server >"$logs/server" 2>&1 &
    server_pid=$!
    pids+=($server_pid)
    wait_for "$logs/server" ready 10
  fi
  # shellcheck disable=SC2086
  in_ns "$ns_client" timeout 60 python3 -u "$peer" $client 2>&1 | sed "s/^/  client: /"
  if [ -n "$server_pid" ]; then
    wait "$server_pid" || echo "  server exited with $?"
    sed "s/^/  server: /" "$logs/server"
  fi
  sleep 1.5   # the last ACKs, a resent FIN, TIME-WAIT's answers
  kill -INT "$tcpdump_client" "$tcpdump_server"
  wait "$tcpdump_client" "$tcpdump_server" || true
  cleanup
  grep -h "packets captured" "$logs/tcpdump-client" "$logs/tcpdump-server" | sed "s/^/  /"
  rm -rf "$logs"
  describe "$out/$name-client.pcap"
  describe "$out/$name-server.pcap"
}

# --describe: only the text files again, from the captures already there (after a change of describe).
if [ "${1:-}" = "--describe" ]; then
  for pcap in "$out"/*.pcap; do
    describe "$pcap"
  done
  exit 0
fi

# What the kernel does depends on these: write them down with the captures.
{
  echo "uname -r: $(uname -r)"
  echo "congestion control of every socket: cubic (set by reference_peer.py with TCP_CONGESTION)"
  ip netns add "$tag-probe"
  for key in tcp_congestion_control tcp_sack tcp_dsack tcp_recovery tcp_early_retrans tcp_frto \
      tcp_timestamps tcp_window_scaling tcp_moderate_rcvbuf tcp_rmem tcp_wmem tcp_adv_win_scale \
      tcp_min_rtt_wlen tcp_reordering tcp_max_reordering tcp_autocorking tcp_slow_start_after_idle; do
    echo "net.ipv4.$key = $(in_ns "$tag-probe" sysctl -n "net.ipv4.$key" | tr '\t' ' ')"
  done
  ip netns del "$tag-probe"
} > "$out/kernel.txt"

selected=("$@")
while IFS='|' read -r name rules server client snaplen; do
  if [ "${#selected[@]}" -eq 0 ] || [[ " ${selected[*]} " == *" $name "* ]]; then
    run_case "$name" "$rules" "$server" "$client" "$snaplen" </dev/null
  fi
done < <(cases)
