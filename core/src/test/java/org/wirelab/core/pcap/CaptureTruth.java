package org.wirelab.core.pcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wirelab.core.testing.Corpus;

/** What tshark and capinfos said of a corpus capture (its truth/ files), as the reader tests need it. */
record CaptureTruth(int fieldsExitCode, List<String[]> frames, List<CaptureInterface> interfaces) {

    /** capinfos names link types by Wireshark's encapsulation; these are the LINKTYPE_ numbers behind them. */
    private static final Map<String, Integer> LINK_TYPES = Map.of("ether", 1, "ether-mpacket", 274,
            "linux-sll", 113, "linux-sll2", 276, "null", 0, "rawip", 101);
    private static final Pattern EXIT_CODE = Pattern.compile("\\[fields] rc=(\\d+)");
    private static final Pattern ENCAPSULATION = Pattern.compile("Encapsulation = .*\\(\\d+ - ([\\w-]+)\\)");
    private static final Pattern SNAP_LENGTH = Pattern.compile("Capture length = (\\d+)");
    private static final Pattern TICKS = Pattern.compile("Time ticks per second = (\\d+)");

    static CaptureTruth of(Path capture) {
        try {
            Matcher rc = EXIT_CODE.matcher(Files.readString(Corpus.truth(capture, "status.txt")));
            if (!rc.find()) {
                throw new IllegalStateException("no [fields] rc in the status of " + capture);
            }
            List<String[]> rows = Corpus.readTsv(Corpus.truth(capture, "tsv"));
            List<String[]> frames = rows.stream().skip(1).filter(r -> r.length > 1).toList();
            return new CaptureTruth(Integer.parseInt(rc.group(1)), frames, interfaces(capture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** capinfos' "Interface #N info:" sections; the resolution offset is not printed, so it is 0 here. */
    private static List<CaptureInterface> interfaces(Path capture) throws IOException {
        List<CaptureInterface> interfaces = new ArrayList<>();
        String[] sections = Files.readString(Corpus.truth(capture, "capinfos.txt")).split("Interface #\\d+ info:");
        for (int i = 1; i < sections.length; i++) {
            Matcher encapsulation = ENCAPSULATION.matcher(sections[i]);
            Matcher snap = SNAP_LENGTH.matcher(sections[i]);
            Matcher ticks = TICKS.matcher(sections[i]);
            if (!encapsulation.find() || !ticks.find()) {
                throw new IllegalStateException("unreadable capinfos interface " + (i - 1) + " of " + capture);
            }
            Integer linkType = LINK_TYPES.get(encapsulation.group(1));
            if (linkType == null) {
                throw new IllegalStateException("add capinfos encapsulation " + encapsulation.group(1) + " to the map");
            }
            long snapLength = snap.find() ? Long.parseLong(snap.group(1)) : 0;
            interfaces.add(new CaptureInterface(linkType, snapLength, Long.parseLong(ticks.group(1)), 0));
        }
        return interfaces;
    }
}
