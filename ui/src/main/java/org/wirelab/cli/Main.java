package org.wirelab.cli;

/** Entry point of the command line; TODO(cli): picocli commands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("wirelab: under construction");
    }
}
