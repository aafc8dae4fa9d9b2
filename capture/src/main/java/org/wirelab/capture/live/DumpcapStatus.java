package org.wirelab.capture.live;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether Wireshark's dumpcap can capture for this user, as {@link Dumpcap#check} found it: usable
 * (with the link type it reports for the interface), or why not, said in either language.
 */
record DumpcapStatus(Path program, int linkType, String reasonKey, String detail) {
    /** dumpcap may capture on the interface, whose frames have {@code linkType}. */
    static DumpcapStatus usable(Path program, int linkType) {
        return new DumpcapStatus(program, linkType, null, "");
    }

    static DumpcapStatus missing() {
        return new DumpcapStatus(null, -1, "dumpcap.missing", "");
    }

    /** Installed, but this user may not run it (Debian keeps it for the wireshark group). */
    static DumpcapStatus notExecutable(Path program) {
        return new DumpcapStatus(program, -1, "dumpcap.notExecutable", "");
    }

    /** It ran and refused to capture; {@code detail} is its own first line. */
    static DumpcapStatus refused(Path program, String detail) {
        return new DumpcapStatus(program, -1, "dumpcap.refused", detail);
    }

    boolean isUsable() {
        return reasonKey == null;
    }

    /** Why dumpcap cannot capture, for {@link CaptureProblem#noPrivilege}. */
    String reason(Locale language) {
        return CaptureProblem.format(language, reasonKey, String.valueOf(program), detail);
    }
}
