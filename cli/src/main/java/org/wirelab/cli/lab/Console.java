package org.wirelab.cli.lab;

import java.io.PrintWriter;
import java.util.Locale;
import org.wirelab.capture.lab.LabConsole;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command's standard output as a line sink for the lab's programs, in their language: each line is flushed at once
 * (the servers run for minutes and print from several threads), whole lines never interleave.
 */
final class Console implements LabConsole {
    private final PrintWriter out;
    private final Locale language;

    Console(CommandSpec spec, Locale language) {
        this.out = spec.commandLine().getOut();
        this.language = language;
    }

    @Override
    public Locale language() {
        return language;
    }

    @Override
    public void accept(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
