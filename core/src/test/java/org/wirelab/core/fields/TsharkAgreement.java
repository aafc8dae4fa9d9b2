package org.wirelab.core.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Tshark;

/**
 * Compares wirelab's fields with tshark's on the same file: every catalog field of every frame as {@code -e}
 * prints it (from the columns, or from the tree where the columns do not hold every occurrence), and the
 * TCP analysis messages among tshark's {@code _ws.expert.message}.
 */
public final class TsharkAgreement {
    private static final Set<String> ANALYSIS_MESSAGES = new HashSet<>();

    static {
        for (TcpExpert event : TcpExpert.values()) {
            ANALYSIS_MESSAGES.add(event.message());
        }
    }

    private TsharkAgreement() {
    }

    /** Reads {@code capture} with wirelab and with tshark; fails listing every value that differs. */
    public static CaptureAnalysis assertAllFieldsAgree(Path capture) throws IOException {
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(capture).frames());
        List<String> mismatches = differences(capture, analysis);
        if (!mismatches.isEmpty()) {
            fail(capture.getFileName() + ": " + mismatches.size() + " values differ from tshark:\n  "
                    + String.join("\n  ", mismatches.subList(0, Math.min(60, mismatches.size()))));
        }
        return analysis;
    }

    /** Every "frame N field: tshark 'x', wirelab 'y'" line where wirelab's analysis of the file differs. */
    public static List<String> differences(Path capture, CaptureAnalysis analysis) {
        List<String> names = new ArrayList<>(FieldCatalog.knownNames());
        names.add("_ws.expert.message");
        List<String[]> truth = Tshark.fields(capture, names);
        List<String> mismatches = new ArrayList<>();
        compare(analysis, truth, mismatches);
        compareExpertMessages(analysis, truth, mismatches);
        return mismatches;
    }

    /** Compares every column of {@code truth} the catalog knows; appends "frame N field: ..." lines. */
    static void compare(CaptureAnalysis analysis, List<String[]> truth, List<String> mismatches) {
        String[] header = truth.get(0);
        assertEquals(truth.size() - 1, analysis.size(), "frame count");
        FieldCatalog catalog = new FieldCatalog(analysis);
        CaptureFields printed = new CaptureFields(analysis);
        Set<String> known = new HashSet<>(FieldCatalog.knownNames());
        for (int column = 0; column < header.length; column++) {
            if (!known.contains(header[column])) {
                continue;
            }
            Field field = catalog.field(header[column]);
            for (int row = 1; row < truth.size(); row++) {
                String expected = cell(truth.get(row), column);
                // Where -e reads the tree rather than the columns (an ICMP error's quoted headers), the tree's.
                String actual = printed.fromColumns(field.name(), row - 1) ? field.text(row - 1)
                        : String.join(",", printed.texts(field.name(), row - 1));
                if (!expected.equals(actual)) {
                    mismatches.add("frame " + row + " " + field.name() + ": tshark '" + expected + "', wirelab '"
                            + actual + "'");
                }
            }
        }
    }

    /**
     * The TCP analysis messages of each frame, in tshark's order, against those in a
     * {@code _ws.expert.message} column (other experts, such as SYN or FIN notes, are not ours).
     */
    static void compareExpertMessages(CaptureAnalysis analysis, List<String[]> truth, List<String> mismatches) {
        int column = List.of(truth.get(0)).indexOf("_ws.expert.message");
        for (int row = 1; row < truth.size(); row++) {
            List<String> expected = new ArrayList<>();
            for (String message : cell(truth.get(row), column).split(",")) {
                if (ANALYSIS_MESSAGES.contains(message) || message.startsWith("Duplicate ACK (#")) {
                    expected.add(message);
                }
            }
            List<String> actual = analysis.tcp().expertMessages(row - 1);
            if (!expected.equals(actual)) {
                mismatches.add("frame " + row + " expert messages: tshark " + expected + ", wirelab " + actual);
            }
        }
    }

    private static String cell(String[] row, int column) {
        return column < row.length ? row[column] : "";
    }
}
