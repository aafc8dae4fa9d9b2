#!/usr/bin/env bash
# Builds wirelab for a lab room from app/target/wirelab.jar (run `mvn -q -DskipTests package` first, or
# `mvn -Pdist -DskipTests package`, which runs this script after the jar is made):
#   target/dist/wirelab/            an app image with its own Java runtime (bin/wirelab), any Linux x86-64
#   target/dist/wirelab_VERSION_amd64.deb   a Debian package installing the same in /opt/wirelab
#                                   (command /opt/wirelab/bin/wirelab, a desktop menu entry), when
#                                   dpkg-deb and fakeroot are installed
# Needs JDK 17+'s jpackage and jlink. The runtime holds only the modules wirelab uses (jdeps' list, plus
# what it reaches by reflection or service lookup: java.desktop for ImageIO, jdk.localedata for French
# number formats, ...). Usage: packaging/jpackage.sh [--no-deb]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/app/target/wirelab.jar"
dist="$root/target/dist"
[ -f "$jar" ] || { echo "jpackage.sh: $jar is missing: run mvn -q -DskipTests package first" >&2; exit 1; }
command -v jpackage >/dev/null || { echo "jpackage.sh: jpackage not found: install a JDK 17 or newer (openjdk-17-jdk)" >&2; exit 1; }

# A Debian version: digits and dots only ("0.1.0-SNAPSHOT" becomes "0.1.0").
version="$(unzip -p "$jar" wirelab-version.properties 2>/dev/null | sed -n 's/^version=\([0-9.]*\).*/\1/p')"
version="${version:-0.1.0}"

modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,\
java.xml,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.unsupported,jdk.unsupported.desktop"
jlink_options="--strip-debug --no-man-pages --no-header-files --strip-native-commands"

rm -rf "$dist"
mkdir -p "$dist/input"
cp "$jar" "$dist/input/"
common=(--name wirelab --app-version "$version" --input "$dist/input" --main-jar wirelab.jar
  --main-class org.wirelab.cli.Main --add-modules "$modules" --jlink-options "$jlink_options"
  --description "Network captures explained: packets, TCP ladders, the lab's exchanges live or simulated"
  --vendor "wirelab")

jpackage --type app-image --dest "$dist" "${common[@]}"
echo "app image: $dist/wirelab (run $dist/wirelab/bin/wirelab)"

if [ "${1:-}" = "--no-deb" ]; then
  exit 0
fi
if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
  echo "no Debian package: jpackage --type deb needs dpkg-deb and fakeroot (apt-get install dpkg-dev fakeroot)" >&2
  exit 0
fi
# jpackage adds the libraries the runtime links to; libpcap (live capture; pcap4j loads it by name) and
# GTK (JavaFX's windows; its natives sit inside the jar, where jpackage does not look) are added here.
jpackage --type deb --dest "$dist" "${common[@]}" --install-dir /opt \
  --linux-package-name wirelab --linux-app-category net --linux-shortcut \
  --linux-package-deps "libpcap0.8, libgtk-3-0" \
  --linux-deb-maintainer "wirelab@localhost"
echo "Debian package: $(ls "$dist"/*.deb)"
