#!/usr/bin/env bash
# Checks that `wirelab show` prints byte for byte what an earlier version printed: the version built from
# REF (a commit, default main) in a temporary worktree, against this checkout's, on every capture under
# samples/ and in ../shared/corpus, with and without --lanes 2 (which groups lanes), and on the large files
# given with --file (e.g. bench/show-vs-tshark.sh's million frames, kept with --keep). Standard output and
# the exit code are compared; a difference names the file and shows the first differing lines.
# A change meant to speed `show` up must leave this silent.
# Usage: bench/show-identical.sh [--base REF] [--file PCAP]...
set -euo pipefail
cd "$(dirname "$0")/.."

base=main
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --file) files+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--base REF] [--file PCAP]..." >&2; exit 2 ;;
  esac
done

./wirelab --version >/dev/null          # builds this checkout's jar if it is stale
work="$(mktemp -d)"
cleanup() {
  git worktree remove --force "$work/base" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
echo "building $base ($(git rev-parse --short "$base")) in $work/base..."
git worktree add --detach "$work/base" "$base" >/dev/null 2>&1
mvn -q -B -f "$work/base/pom.xml" -DskipTests package >"$work/build.log" 2>&1 || {
  tail -20 "$work/build.log" >&2; echo "the build of $base failed" >&2; exit 1; }
old_jar="$work/base/app/target/wirelab.jar"
new_jar="app/target/wirelab.jar"

captures=()
while IFS= read -r capture; do captures+=("$capture"); done < <(
  find samples ../shared/corpus/pcaps -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) 2>/dev/null | sort)
captures+=("${files[@]}")

checked=0
differing=0
for capture in "${captures[@]}"; do
  for lanes in "" "--lanes 2"; do
    # shellcheck disable=SC2086  # $lanes is empty or two words
    old_status=0; java -jar "$old_jar" show "$capture" $lanes >"$work/old.txt" 2>/dev/null || old_status=$?
    # shellcheck disable=SC2086
    new_status=0; java -jar "$new_jar" show "$capture" $lanes >"$work/new.txt" 2>/dev/null || new_status=$?
    checked=$((checked + 1))
    if [ "$old_status" != "$new_status" ] || ! cmp -s "$work/old.txt" "$work/new.txt"; then
      differing=$((differing + 1))
      echo "DIFFERS: show $capture $lanes (exit $old_status before, $new_status now)"
      diff "$work/old.txt" "$work/new.txt" | head -6 || true
    fi
  done
done
echo "$checked runs compared with $base: $differing differ"
[ "$differing" = 0 ]
