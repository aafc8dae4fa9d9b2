package org.wirelab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Arrays;

/** One in-process run of the command line: its exit code and what it printed on each stream. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLineFor(args);   // as main builds it: only the command named
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    public List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }
}
