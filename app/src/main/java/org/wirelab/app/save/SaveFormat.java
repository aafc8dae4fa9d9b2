package org.wirelab.app.save;

import java.nio.file.Path;
import java.util.Locale;

/** The formats a capture is saved in; the file's extension chooses, pcapng unless it says pcap. */
public enum SaveFormat {
    /** Frames with each one's explanation as a comment, and what was run as the section's comment. */
    PCAPNG("pcapng"),
    /** Frames only, for tools that read nothing newer. */
    PCAP("pcap");

    private final String extension;

    SaveFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static SaveFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pcap") || name.endsWith(".cap") ? PCAP : PCAPNG;
    }
}
