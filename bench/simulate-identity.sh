#!/usr/bin/env bash
# Does this work tree's simulator simulate exactly what another commit's did? Builds core and the
# simulator here and at BASE (default: main), runs bench/SimulateFingerprints.java against each (the
# SHA-256 of the pcap of a fixed seed, the counters and the marked frames, for every scenario on five
# links with CUBIC and Reno, IPv4 and IPv6, and larger lossy bulk transfers: about 260 runs) and
# compares the lines. Exits 0 when every line is the same, 1 with the differing lines otherwise.
#
#   bench/simulate-identity.sh              # against main
#   bench/simulate-identity.sh a8419b0      # against a commit
#
# BASE's lines are kept in ${TMPDIR:-/tmp}/wirelab-fingerprints-COMMIT-HASH.txt (HASH: this script's
# Java file), so comparing step after step against one base builds it once. Runs offline (-o).
set -euo pipefail
cd "$(dirname "$0")/.."
here="$PWD"
base="${1:-main}"
commit="$(git rev-parse --verify "$base^{commit}")"
program="$here/bench/SimulateFingerprints.java"
key="$(sha256sum "$program" | cut -c1-12)"
saved="${TMPDIR:-/tmp}/wirelab-fingerprints-$commit-$key.txt"

fingerprints() { # CLASSES_ROOT OUTPUT
  java -Xmx512m -cp "$1/core/target/classes:$1/simulator/target/classes" "$program" >"$2"
}

if [ ! -s "$saved" ]; then
  tree="$(mktemp -d "${TMPDIR:-/tmp}/identity-base.XXXXXX")"
  trap 'rm -rf "$tree"' EXIT
  echo "simulate-identity: building $base (${commit:0:10}) in $tree"
  git archive "$commit" | tar -x -C "$tree"
  (cd "$tree" && mvn -q -B -o -Dstyle.color=never -pl core,simulator -am -DskipTests compile)
  fingerprints "$tree" "$saved.part"
  mv "$saved.part" "$saved"
fi

echo "simulate-identity: building this work tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ', with changes'))"
mvn -q -B -o -Dstyle.color=never -pl core,simulator -am -DskipTests compile
mine="$(mktemp "${TMPDIR:-/tmp}/fingerprints.XXXXXX")"
fingerprints "$here" "$mine"

runs="$(wc -l <"$saved")"
if diff "$saved" "$mine" >/dev/null; then
  echo "simulate-identity: the same in all $runs runs (pcap SHA-256, counters, marks) as ${commit:0:10}"
  rm -f "$mine"
else
  echo "simulate-identity: DIFFERENT from ${commit:0:10} (< base, > this tree):"
  diff "$saved" "$mine" || true
  echo "this tree's lines: $mine"
  exit 1
fi
