package org.wirelab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.cli.Main;
import picocli.CommandLine;

/** A lab server started without --bind is reachable from this machine only. */
class ServersListenOnLoopbackTest {

    @Test
    void everyLabServerBindsTheLoopbackUnlessToldOtherwise() {
        for (String server : List.of("udp-server", "tcp-server", "chat-server")) {
            CommandLine root = Main.commandLine();
            root.parseArgs("lab", server);
            CommandLine command = root.getSubcommands().get("lab").getSubcommands().get(server);
            assertEquals("127.0.0.1", command.getCommandSpec().findOption("--bind").getValue(), server);
        }
    }
}
