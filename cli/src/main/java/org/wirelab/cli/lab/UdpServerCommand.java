package org.wirelab.cli.lab;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.wirelab.capture.lab.UdpEchoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wirelab lab udp-server}: the lab's simpleUDPServeur.py. */
@Command(name = "udp-server", mixinStandardHelpOptions = true,
        description = {"The lab's UDP server: prints each message and its sender, answers 'i am the server'.",
            "Try it with: netcat -u 127.0.0.1 3000"})
final class UdpServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LabLanguage lang;

    @Mixin
    private ListeningAddress listening;

    @Override
    public Integer call() throws IOException {
        ServerLog log = ServerLog.printingTo(spec, lang.language());
        Serving.untilStopped(new UdpEchoServer(listening.address(UdpEchoServer.DEFAULT_PORT), log), log);
        return 0;
    }
}
