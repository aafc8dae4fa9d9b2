package org.wirelab.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.protocol.http.HttpExchanges;
import org.wirelab.core.protocol.http.HttpReassembly;

/**
 * Times HTTP's two passes over a whole capture, as the app runs them before the first frame's tree
 * ({@code CaptureTree.prepare}): the roles of the segments ({@link HttpReassembly#prepare}), then each
 * message's place in its connection ({@link HttpExchanges#prepare}). Each round builds both afresh on
 * the same analysis. bench/README.md gives the figures.
 *
 * <p>Usage: {@code HttpPassesBenchmark PCAP [ROUNDS]} (3 rounds by default).
 */
public final class HttpPassesBenchmark {
    private HttpPassesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long start = System.nanoTime();
        CaptureAnalysis analysis = CaptureAnalysis.of(CaptureFiles.read(file).frames());
        analysis.conversations();
        System.out.printf(Locale.ROOT, "%,d frames read and analysed in %.1f s%n", analysis.size(), seconds(start));
        for (int round = 1; round <= rounds; round++) {
            HttpReassembly reassembly = new HttpReassembly(analysis, DecoderTables.standard());
            long t0 = System.nanoTime();
            reassembly.prepare();
            double roles = seconds(t0);
            HttpExchanges exchanges = new HttpExchanges(analysis, DecoderTables.standard(), reassembly);
            long t1 = System.nanoTime();
            exchanges.prepare();
            System.out.printf(Locale.ROOT, "round %d: HttpReassembly roles %.2f s, HttpExchanges messages %.2f s"
                    + " (%,d bytes examined)%n", round, roles, seconds(t1), reassembly.bytesRead());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
