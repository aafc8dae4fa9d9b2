package org.wirelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.stats.CaptureConversations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab conversations FILE [-Y FILTER]}: the TCP and UDP conversation tables of tshark -z conv,tcp
 * -z conv,udp, of every frame or of those a display filter selects.
 */
@Command(name = "conversations", mixinStandardHelpOptions = true,
        description = {"Lists TCP and UDP conversations, as tshark -z conv,tcp -z conv,udp does.",
            "Frames and bytes each way, start and duration: the same text as tshark -q -z conv,tcp -z conv,udp",
            "(with -Y FILTER, as tshark -q -z conv,tcp,FILTER -z conv,udp,FILTER)."})
final class ConversationsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "-Y", paramLabel = "FILTER",
            description = "a Wireshark display filter: only the frames it selects are counted")
    private String filter;

    @Override
    public Integer call() throws Exception {
        // Checked before the file is read, as tshark does.
        DisplayFilter displayFilter = filter == null ? null : FilterError.compile(filter);
        if (displayFilter == null) {
            // One pass keeping only the conversations, as tshark's: a file larger than the heap is read.
            try (CaptureSegments segments = CaptureInput.segments(file)) {
                spec.commandLine().getOut().print(CaptureConversations.text(segments));
                return CaptureInput.exitStatus(segments.reading(), file, spec);
            }
        }
        CaptureFile capture = CaptureInput.read(file);
        CaptureAnalysis analysis = CaptureAnalysis.of(capture.frames());
        spec.commandLine().getOut().print(
                CaptureConversations.text(analysis, filter, displayFilter.matcher(new CaptureFields(analysis))::matches));
        return CaptureInput.exitStatus(capture, file, spec);
    }
}
