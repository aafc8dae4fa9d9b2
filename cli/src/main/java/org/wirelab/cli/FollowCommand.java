package org.wirelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.reassembly.Follow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirelab follow FILE --stream N [--udp]}: what each side sent, as tshark -z follow,tcp,ascii,N. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = {"Prints what each side of a TCP stream or UDP flow sent, as tshark -z follow does.",
            "Same text as tshark -q -z follow,tcp,ascii,N: the second side's parts are indented by a tab."})
final class FollowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a pcap or pcapng capture file")
    private Path file;

    @Option(names = "--stream", required = true, paramLabel = "N",
            description = "the stream number, from 0 (tshark's tcp.stream or udp.stream)")
    private int stream;

    @Option(names = "--udp", description = "follow UDP flow N instead of TCP stream N")
    private boolean udp;

    @Override
    public Integer call() throws Exception {
        // One pass keeping the conversations and this stream's content, as tshark's follow.
        try (CaptureSegments segments = CaptureInput.segments(file)) {
            Follow.Followed followed = Follow.follow(segments, stream, udp);
            int streams = followed.streams();
            if (followed.conversation() == null) {
                String kind = udp ? "UDP flow" : "TCP stream";
                throw new UserError("no " + kind + " " + stream + ": "
                        + (streams == 0 ? "the file has none" + (udp ? " (try without --udp)" : " (try --udp)")
                            : streams == 1 ? "the file has only " + kind + " 0"
                            : "the file has " + kind + "s 0 to " + (streams - 1)));
            }
            spec.commandLine().getOut().print(Follow.text(followed, stream, udp));
            return CaptureInput.exitStatus(segments.reading(), file, spec);
        }
    }
}
