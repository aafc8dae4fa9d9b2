#!/usr/bin/env bash
# Class-data sharing for wirelab: the classes a start loads (the JDK's, JavaFX's, wirelab's), parsed and
# verified once into an archive that every start then maps, instead of reading each class from the jar.
#
#   packaging/class-data-archive.sh list JAVA JAR MONOCLE_JAR SAMPLE LIST
#       the class list: training runs log each class they load (-XX:DumpLoadedClassList): the commands
#       that read a capture (`show SAMPLE --frame 4`, `show SAMPLE`, `conversations SAMPLE`), a
#       simulation (`simulate --scenario tcp-hello`), and the app opening SAMPLE and painting its first
#       frame, without a display (Monocle; StartupTraining in the app)
#   packaging/class-data-archive.sh dump JAVA JAR LIST ARCHIVE
#       the archive from the list, for JAR at exactly this path (Java 17 maps an archive only for the
#       class path it was made with); written under a temporary name and renamed
#
# The launcher (./wirelab) runs both after each build; packaging/jpackage.sh makes the list with the app
# image's own runtime, and the Debian package dumps the archive when it is installed (postinst).
# Quiet; the exit status says whether it worked.
set -euo pipefail

make_list() {
  local java="$1" jar="$2" monocle="$3" sample="$4" list="$5"
  local work
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  "$java" -Xshare:off -XX:DumpLoadedClassList="$work/command.list" -jar "$jar" show "$sample" --frame 4 >/dev/null
  # The diagram, the conversations and a simulation load classes of their own (the ladder's text, the
  # conversation table's, the simulator's TCP): a start of each maps them too. One of them failing only
  # leaves its classes out.
  train() {
    local name="$1"
    shift
    "$java" -Xshare:off -XX:DumpLoadedClassList="$work/$name.list" -jar "$jar" "$@" >/dev/null 2>&1 || true
    touch "$work/$name.list"
  }
  train show show "$sample"
  train conversations conversations "$sample"
  train simulate simulate --scenario tcp-hello --out "$work/simulated.pcap"
  # The app's run: its own preferences folder (no window place or recent file of the user's is touched),
  # and a headless toolkit, so that it runs where there is no display (a build, CI, a packaging machine).
  "$java" -Xshare:off -XX:DumpLoadedClassList="$work/app.list" -Dwirelab.startupTraining=true \
    -Djava.util.prefs.userRoot="$work/prefs" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dprism.order=sw -Djava.awt.headless=true -cp "$jar:$monocle" org.wirelab.cli.Main "$sample" >/dev/null 2>&1
  # Each class once, in the order first loaded.
  cat "$work/app.list" "$work/command.list" "$work/show.list" "$work/conversations.list" "$work/simulate.list" \
    | awk '!seen[$0]++' >"$list.$$"
  mv -f "$list.$$" "$list"
}

dump() {
  local java="$1" jar="$2" list="$3" archive="$4"
  if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.$$" \
      -Xlog:cds=off -Xlog:cds+heap=off -cp "$jar" >/dev/null 2>&1; then
    chmod a+r "$archive.$$"
    mv -f "$archive.$$" "$archive"
  else
    rm -f "$archive.$$"
    return 1
  fi
}

case "${1:-}" in
  list) shift; [ $# = 5 ] || { echo "usage: $0 list JAVA JAR MONOCLE_JAR SAMPLE LIST" >&2; exit 2; }; make_list "$@" ;;
  dump) shift; [ $# = 4 ] || { echo "usage: $0 dump JAVA JAR LIST ARCHIVE" >&2; exit 2; }; dump "$@" ;;
  *) echo "usage: $0 list|dump ..." >&2; exit 2 ;;
esac
