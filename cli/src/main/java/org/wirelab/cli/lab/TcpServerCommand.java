package org.wirelab.cli.lab;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.wirelab.capture.lab.TcpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wirelab lab tcp-server}: the lab's simpleServeurSocket.py. */
@Command(name = "tcp-server", mixinStandardHelpOptions = true,
        description = {"The lab's TCP server: accepts clients one after another, prints the first message"
            + " each sends (one read of up to 1024 bytes) and its address, then closes the connection.",
            "Try it with: netcat 127.0.0.1 3000"})
final class TcpServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LabLanguage lang;

    @Mixin
    private ListeningAddress listening;

    @Override
    public Integer call() throws IOException {
        ServerLog log = ServerLog.printingTo(spec, lang.language());
        Serving.untilStopped(new TcpServer(listening.address(TcpServer.DEFAULT_PORT), log), log);
        return 0;
    }
}
