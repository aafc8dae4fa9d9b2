package org.wirelab.cli.lab;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command's standard output as a line sink for the lab's programs: each line is flushed at once
 * (the servers run for minutes and print from several threads), whole lines never interleave.
 */
final class Console implements Consumer<String> {
    private final PrintWriter out;

    Console(CommandSpec spec) {
        this.out = spec.commandLine().getOut();
    }

    @Override
    public void accept(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
