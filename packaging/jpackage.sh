#!/usr/bin/env bash
# Builds wirelab for a lab room from app/target/wirelab.jar (run `mvn -q -DskipTests package` first, or
# `mvn -Pdist -DskipTests package`, which runs this script after the jar is made):
#   target/dist/wirelab/            an app image with its own Java runtime (bin/wirelab), any Linux x86-64
#   target/dist/wirelab_VERSION_amd64.deb   a Debian package installing the same in /opt/wirelab
#                                   (command /opt/wirelab/bin/wirelab, a desktop menu entry), when
#                                   dpkg-deb and fakeroot are installed
# Needs JDK 17+'s jpackage and jlink. The runtime holds only the modules wirelab uses (jdeps' list, plus
# what it reaches by reflection or service lookup: java.desktop for ImageIO, jdk.localedata for French
# number formats, ...). Both start with the JVM options ./wirelab gives the app (packaging/desktop-java-options)
# and its class-data archive: made in the image from a class list of training runs
# (packaging/class-data-archive.sh), and by the Debian package at install time, since Java 17 maps an
# archive only for the jar path it was made with. Usage: packaging/jpackage.sh [--no-deb]
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
# The runtime keeps its bin/java: the class-data archive is made with it (here, and by the Debian package).
jlink_options="--strip-debug --no-man-pages --no-header-files"
monocle="$root/app/target/training/openjfx-monocle.jar"
[ -f "$monocle" ] || { echo "jpackage.sh: $monocle is missing: run mvn -q -DskipTests package first" >&2; exit 1; }
# The app's JVM options, as ./wirelab passes them, and the archive beside the jar ($APPDIR is lib/app).
java_options=("-XX:SharedArchiveFile=\$APPDIR/wirelab.jsa" -Xlog:cds=off)
while IFS= read -r option; do
  java_options+=("$option")
done < <(grep -v '^#' "$root/packaging/desktop-java-options")

rm -rf "$dist"
mkdir -p "$dist/input"
cp "$jar" "$dist/input/"
common=(--name wirelab --app-version "$version" --input "$dist/input" --main-jar wirelab.jar
  --main-class org.wirelab.cli.Main --add-modules "$modules" --jlink-options "$jlink_options"
  --description "Network captures explained: packets, TCP ladders, the lab's exchanges live or simulated"
  --vendor "wirelab")
for option in "${java_options[@]}"; do
  common+=(--java-options "$option")
done

jpackage --type app-image --dest "$dist" "${common[@]}"
image_java="$dist/wirelab/lib/runtime/bin/java"
image_app="$dist/wirelab/lib/app"
"$root/packaging/class-data-archive.sh" list "$image_java" "$image_app/wirelab.jar" "$monocle" \
  "$root/samples/tcp-hello.pcap" "$image_app/wirelab.classlist"

if [ "${1:-}" != "--no-deb" ] && { ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; }; then
  echo "no Debian package: jpackage --type deb needs dpkg-deb and fakeroot (apt-get install dpkg-dev fakeroot)" >&2
elif [ "${1:-}" != "--no-deb" ]; then
  # The package is made from the image (with its class list, before its archive, which holds the image's
  # own path): its postinst makes the archive in /opt (packaging/deb). jpackage adds the libraries the
  # runtime links to; libpcap (live capture; pcap4j loads it by name) and GTK (JavaFX's windows; its natives
  # sit inside the jar, where jpackage does not look) are added here.
  jpackage --type deb --dest "$dist" --app-image "$dist/wirelab" --name wirelab --app-version "$version" \
    --description "Network captures explained: packets, TCP ladders, the lab's exchanges live or simulated" \
    --vendor "wirelab" --install-dir /opt --resource-dir "$root/packaging/deb" \
    --linux-package-name wirelab --linux-app-category net --linux-shortcut \
    --linux-package-deps "libpcap0.8, libgtk-3-0" \
    --linux-deb-maintainer "wirelab@localhost"
  echo "Debian package: $(ls "$dist"/*.deb)"
fi

# The image's own archive, for the image where it is (copied elsewhere, it starts without it).
"$root/packaging/class-data-archive.sh" dump "$image_java" "$image_app/wirelab.jar" "$image_app/wirelab.classlist" \
  "$image_app/wirelab.jsa"
echo "app image: $dist/wirelab (run $dist/wirelab/bin/wirelab)"
