package org.wirelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.stats.CaptureConversations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirelab conversations FILE}: the TCP and UDP conversation tables of tshark -z conv,tcp -z conv,udp. */
@Command(name = "conversations", mixinStandardHelpOptions = true,
        description = {"Lists TCP and UDP conversations, as tshark -z conv,tcp -z conv,udp does.",
            "Frames and bytes each way, start and duration: the same text as tshark -q -z conv,tcp -z conv,udp."})
final class ConversationsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Override
    public Integer call() throws Exception {
        CaptureFile capture = CaptureInput.read(file);
        CaptureAnalysis analysis = CaptureAnalysis.of(capture.frames());
        spec.commandLine().getOut().print(CaptureConversations.text(analysis));
        spec.commandLine().getOut().flush();
        return CaptureInput.exitStatus(capture, file, "conversations", spec.commandLine().getErr());
    }
}
