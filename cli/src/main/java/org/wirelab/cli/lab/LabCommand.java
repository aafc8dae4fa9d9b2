package org.wirelab.cli.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wirelab lab}: the lab's servers and clients (TP R107), in Java and faithful on the wire, so
 * they can be mixed with the lab's Python programs and netcat; and the named scenarios built on them.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "The lab's servers and clients (same ports and bytes as its Python programs), and scenarios.",
        subcommands = {UdpServerCommand.class, UdpClientCommand.class, TcpServerCommand.class, TcpClientCommand.class,
            ChatServerCommand.class, ChatClientCommand.class, RunCommand.class})
public final class LabCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand, lists them. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
