#!/usr/bin/env bash
# Live capture side by side: wirelab, tcpdump and dumpcap each capture the same burst of UDP datagrams
# on lo, sent by one C sender (bench/udp-sender.c, compiled here with gcc), in interleaved rounds.
# Prints, per run: datagrams sent, the sender's rate, frames recorded, received/sent, the capturing
# process's CPU time (start-up included for wirelab's JVM) and the load average.
#
#   bench/capture-rate.sh                          # 3 rounds of 1,000,000 datagrams of 100 bytes, full speed
#   bench/capture-rate.sh --rate 200000 --rounds 2 # paced to 200,000 datagrams per second
#   bench/capture-rate.sh --tools "wirelab tcpdump" --count 100000
#
# Tools: wirelab (libpcap through pcap4j, as root), wirelab-immediate (the same with --immediate),
# wirelab-BN (the same with --buffer-size N, in MiB), wirelab-dumpcap-BN (likewise through dumpcap),
# tcpdump, dumpcap, and wirelab-dumpcap: wirelab
# run as user nobody, capturing through a copy of dumpcap given cap_net_raw,cap_net_admin (needs root
# to set up; the copy lives in the temporary directory and is deleted at the end).
# Needs root, gcc, tcpdump, dumpcap, capinfos (wireshark-common) and app/target/wirelab.jar
# (`mvn -q -DskipTests package`; or the jar in $WIRELAB_JAR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

count=1000000
size=100
rate=0
rounds=3
tools="wirelab tcpdump dumpcap wirelab-dumpcap"
port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "usage: $0 [--count N] [--size BYTES] [--rate PER_SECOND] [--rounds N] [--tools \"...\"] [--port P]" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "capture-rate: run as root (the tools capture on lo)" >&2; exit 1; }
jar="${WIRELAB_JAR:-$root/app/target/wirelab.jar}"
[ -f "$jar" ] || { echo "capture-rate: $jar is missing: run mvn -q -DskipTests package" >&2; exit 1; }

work="$(mktemp -d /tmp/capture-rate.XXXXXX)"
# nobody (wirelab-dumpcap) writes its output beside the others, through a temporary file.
chmod 1777 "$work"
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/udp-sender" "$root/bench/udp-sender.c"
if [ -z "$port" ]; then
  port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
fi
filter="port $port"

# wirelab-dumpcap: a private dumpcap with the capabilities Debian gives it, on nobody's PATH.
mkdir -p "$work/bin" "$work/home"
cp "$(command -v dumpcap)" "$work/bin/dumpcap"
setcap cap_net_raw,cap_net_admin=eip "$work/bin/dumpcap"
chown nobody "$work/home"

# Starts one capture in the background writing $out; sets pid. Waits until it says it is capturing.
start_capture() {
  local tool="$1" out="$2" log="$3" marker
  case "$tool" in
    wirelab)
      java -jar "$jar" capture --port "$port" --out "$out" 2>"$log" &
      marker="capturing on" ;;
    wirelab-immediate)
      java -jar "$jar" capture --port "$port" --immediate --out "$out" 2>"$log" &
      marker="capturing on" ;;
    wirelab-B*)
      java -jar "$jar" capture --port "$port" --buffer-size "${tool#wirelab-B}" --out "$out" 2>"$log" &
      marker="capturing on" ;;
    tcpdump)
      tcpdump -i lo -n -Z root -w "$out" "$filter" 2>"$log" &
      marker="listening on" ;;
    dumpcap)
      dumpcap -i lo -f "$filter" -w "$out" 2>"$log" &
      marker="Capturing on" ;;
    wirelab-dumpcap*)
      touch "$out" "$log"; chown nobody "$out"
      options=()
      case "$tool" in wirelab-dumpcap-B*) options=(--buffer-size "${tool#wirelab-dumpcap-B}") ;; esac
      setpriv --reuid=nobody --regid=nogroup --clear-groups \
        env HOME="$work/home" PATH="$work/bin:$PATH" java -jar "$jar" capture --port "$port" "${options[@]}" \
        --out "$out" 2>"$log" &
      marker="capturing on" ;;
  esac
  pid=$!
  for _ in $(seq 1 300); do
    grep -q "$marker" "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "$tool stopped:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  sleep 0.5
}

printf '%s\n' "capture-rate: $count datagrams of $size bytes to 127.0.0.1:$port, rate ${rate/#0/full speed}, $rounds rounds, $(nproc) cores"
printf '%-16s %5s %10s %10s %10s %9s %7s  %s\n' tool round sent "sent/s" recorded ratio "cpu s" "load (1, 5, 15 min)"
for round in $(seq 1 "$rounds"); do
  for tool in $tools; do
    out="$work/$tool.pcapng"
    log="$work/$tool.log"
    rm -f "$out" "$log"
    start_capture "$tool" "$out" "$log"
    result="$("$work/udp-sender" "$port" "$count" "$size" "$rate")"
    sleep 1
    # The capturing process's CPU time (user + system) so far: what capturing these frames cost it.
    cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")"
    kill -TERM "$pid"   # not INT: a background job of a script ignores SIGINT
    wait "$pid" || true
    sent="$(sed -n 's/.*sent=\([0-9]*\).*/\1/p' <<<"$result")"
    sender_rate="$(sed -n 's/.*rate=\([0-9]*\).*/\1/p' <<<"$result")"
    recorded="$(capinfos -M -c "$out" | sed -n 's/^Number of packets: *//p')"
    printf '%-16s %5s %10s %10s %10s %9s %7s  %s\n' "$tool" "$round" "$sent" "$sender_rate" "$recorded" \
      "$(awk -v r="$recorded" -v s="$sent" 'BEGIN { printf "%.4f", r / s }')" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
    if [ "${VERBOSE:-}" = 1 ]; then sed 's/^/    /' "$log"; fi
  done
done
