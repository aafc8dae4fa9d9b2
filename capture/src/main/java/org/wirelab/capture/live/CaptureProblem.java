package org.wirelab.capture.live;

/**
 * Why a live capture cannot run here, with one short message that says what is missing and how to
 * fix it. The message is written for the person at the keyboard, not for a log.
 */
public record CaptureProblem(Kind kind, String message) {

    /** The closed set of reasons, so callers (the command line, the application) can react by kind. */
    public enum Kind {
        /** libpcap could not be loaded: the library is not installed. */
        NO_LIBPCAP,
        /** Opening the interface was refused: neither root nor CAP_NET_RAW. */
        NO_PRIVILEGE,
        /** The interface does not exist. */
        NO_SUCH_INTERFACE,
        /** The filter expression does not compile. */
        BAD_FILTER,
        /** Anything else libpcap reported while opening the interface. */
        FAILED
    }

    /** The simulator's command for any scenario, as the messages suggest it. */
    private static final String ANY_SCENARIO = "`wirelab simulate --scenario NAME` (see `wirelab simulate --list`)";
    /** What to use instead of a live capture: the simulator, which needs neither libpcap nor privileges. */
    public static final String ALTERNATIVE = "Without capture, the simulator runs the same scenarios: " + ANY_SCENARIO + ".";

    /**
     * This message with the simulator's command for the one scenario the user asked for (e.g.
     * {@code wirelab simulate --scenario tcp-hello}) in place of the general one.
     */
    public String messageSuggesting(String simulateCommand) {
        return message.replace(ANY_SCENARIO, "`" + simulateCommand + "`");
    }

    static CaptureProblem noLibpcap(Throwable cause) {
        return new CaptureProblem(Kind.NO_LIBPCAP, "cannot capture: libpcap is not installed ("
                + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()) + "). "
                + "Install it with `sudo apt-get install libpcap0.8` (Debian/Ubuntu). " + ALTERNATIVE);
    }

    static CaptureProblem noPrivilege(String interfaceName) {
        // setcap on the java binary is the usual advice, but java then refuses to start: a binary with file
        // capabilities runs "secure", the loader ignores $ORIGIN-relative paths and libjli.so is not found.
        return new CaptureProblem(Kind.NO_PRIVILEGE, "cannot capture on " + interfaceName
                + ": permission denied, capturing needs root or the CAP_NET_RAW capability. "
                + "Run wirelab as root, or grant the capability to one run: "
                + "`sudo setpriv --reuid=$(id -u) --regid=$(id -g) --init-groups --inh-caps=+net_raw "
                + "--ambient-caps=+net_raw ./wirelab capture ...`. "
                + "(`setcap cap_net_raw+eip` on the java binary works only once the JDK's lib directory is "
                + "listed in /etc/ld.so.conf.d/ and `ldconfig` has run, otherwise java fails with "
                + "\"libjli.so: cannot open shared object file\".) " + ALTERNATIVE);
    }

    static CaptureProblem noSuchInterface(String interfaceName, String available) {
        return new CaptureProblem(Kind.NO_SUCH_INTERFACE, "cannot capture on " + interfaceName
                + ": no such interface" + (available.isEmpty() ? "" : " (interfaces here: " + available + ")"));
    }

    static CaptureProblem badFilter(String filter, String reason) {
        return new CaptureProblem(Kind.BAD_FILTER, "the capture filter \"" + filter + "\" is not valid: " + reason);
    }

    static CaptureProblem failed(String interfaceName, String reason) {
        return new CaptureProblem(Kind.FAILED, "cannot capture on " + interfaceName + ": " + reason);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int end = text.indexOf('\n');
        // JNA ends "Unable to load library 'pcap':" with a colon before its per-path details.
        return (end < 0 ? text : text.substring(0, end)).strip().replaceAll(":$", "");
    }
}
