# What the benchmark scripts share: the load average printed beside every figure, one timed run, the
# median of several, a ratio. Sourced, not run: . "$(dirname "$0")/lib.sh"
# The functions that write files (timed, discard) need $work, the script's temporary directory.

# The machine's load average over 1, 5 and 15 minutes: a figure without it says little on a shared machine.
load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

# median NUMBER...: the middle value, or the mean of the two middle ones for an even count.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B: A / B with two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# Where a timed command's output goes: /dev/null, unless /dev/null is not the null device (a machine
# where something replaced it by a plain file, which then costs each run the writing of its output);
# then a null device of our own in $work when we may make one, else a warning.
discard() {
  if [ -c /dev/null ]; then
    echo /dev/null
  elif [ -c "${work:?}/null" ] || mknod "$work/null" c 1 3 2>/dev/null; then
    echo "$work/null"
  else
    [ -e "$work/null-warned" ] || echo "warning: /dev/null is not a device here: output is written to a file" >&2
    touch "$work/null-warned"
    echo /dev/null
  fi
}

# timed COMMAND...: "WALL CPU PEAK" of one run: wall seconds, CPU seconds (user + system, every thread)
# and peak resident kilobytes, from GNU time. The command's output is discarded; on failure its last
# lines are shown and the script stops.
timed() {
  local null
  null="$(discard)"
  /usr/bin/time -f "%e %U %S %M" -o "${work:?}/time" "$@" > "$null" 2> "$work/stderr" || {
    echo "failed: $*" >&2; tail -3 "$work/stderr" >&2; exit 1; }
  local wall user system peak
  read -r wall user system peak < "$work/time"
  echo "$wall $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }') $peak"
}

# Stops with a clear line when GNU time, which timed needs, is missing.
require_gnu_time() {
  [ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 1; }
}
