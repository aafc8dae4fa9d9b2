package org.wirelab.capture.live;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a live capture cannot run here, with one short message that says what is missing and how to
 * fix it, in English ({@link #message()}) and in French ({@link #message(Locale)}). The message is
 * written for the person at the keyboard, not for a log.
 */
public record CaptureProblem(Kind kind, String message, String frenchMessage) {

    /** The closed set of reasons, so callers (the command line, the application) can react by kind. */
    public enum Kind {
        /** libpcap could not be loaded: the library is not installed. */
        NO_LIBPCAP,
        /** Opening the interface was refused: neither root nor CAP_NET_RAW, and no dumpcap that may capture. */
        NO_PRIVILEGE,
        /** The interface does not exist. */
        NO_SUCH_INTERFACE,
        /** The filter expression does not compile. */
        BAD_FILTER,
        /** Anything else libpcap or dumpcap reported while opening the interface. */
        FAILED
    }

    private static final Locale FRENCH = Locale.FRENCH;

    /** What to use instead of a live capture: the simulator, which needs neither libpcap nor privileges. */
    public static final String ALTERNATIVE = alternative(Locale.ENGLISH, text(Locale.ENGLISH, "simulator"));

    /** A problem said the same way in both languages (a library's own words, for instance). */
    public CaptureProblem(Kind kind, String message) {
        this(kind, message, message);
    }

    /** The message in {@code language}: French for French, English otherwise. */
    public String message(Locale language) {
        return isFrench(language) ? frenchMessage : message;
    }

    /**
     * This message with the simulator's command for the one scenario the user asked for (e.g.
     * {@code wirelab simulate --scenario tcp-hello}) in place of the general one.
     */
    public String messageSuggesting(String simulateCommand) {
        return messageSuggesting(simulateCommand, Locale.ENGLISH);
    }

    /** {@link #messageSuggesting(String)} in {@code language}. */
    public String messageSuggesting(String simulateCommand, Locale language) {
        Locale words = isFrench(language) ? FRENCH : Locale.ENGLISH;
        return message(language).replace(text(words, "simulator"), "`" + simulateCommand + "`");
    }

    static CaptureProblem noLibpcap(Throwable cause) {
        String detail = cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
        return of(Kind.NO_LIBPCAP, detail, "");
    }

    /**
     * libpcap refused this process; {@link CaptureAvailability} replaces this with {@link #noPrivilege}
     * once it has asked dumpcap, which is what the user sees.
     */
    static CaptureProblem refusedToLibpcap(String interfaceName) {
        return failed(interfaceName, "libpcap: permission denied").withKind(Kind.NO_PRIVILEGE);
    }

    private CaptureProblem withKind(Kind other) {
        return new CaptureProblem(other, message, frenchMessage);
    }

    /**
     * libpcap refused this process, and dumpcap cannot capture for it either; {@code dumpcap} says why
     * (not installed, kept for the wireshark group, without the capability), in both languages.
     */
    static CaptureProblem noPrivilege(String interfaceName, DumpcapStatus dumpcap) {
        // setcap on the java binary is the usual advice, but java then refuses to start: a binary with file
        // capabilities runs "secure", the loader ignores $ORIGIN-relative paths and libjli.so is not found.
        return new CaptureProblem(Kind.NO_PRIVILEGE,
                format(Locale.ENGLISH, Kind.NO_PRIVILEGE.name(), interfaceName, dumpcap.reason(Locale.ENGLISH),
                        alternative(Locale.ENGLISH)),
                format(FRENCH, Kind.NO_PRIVILEGE.name(), interfaceName, dumpcap.reason(FRENCH), alternative(FRENCH)));
    }

    static CaptureProblem noSuchInterface(String interfaceName, String available) {
        return new CaptureProblem(Kind.NO_SUCH_INTERFACE,
                format(Locale.ENGLISH, Kind.NO_SUCH_INTERFACE.name(), interfaceName, availableText(Locale.ENGLISH, available)),
                format(FRENCH, Kind.NO_SUCH_INTERFACE.name(), interfaceName, availableText(FRENCH, available)));
    }

    static CaptureProblem badFilter(String filter, String reason) {
        return of(Kind.BAD_FILTER, filter, reason);
    }

    static CaptureProblem failed(String interfaceName, String reason) {
        return of(Kind.FAILED, interfaceName, reason);
    }

    /** A problem whose pattern takes two arguments, then (NO_LIBPCAP) the simulator's sentence. */
    private static CaptureProblem of(Kind kind, String first, String second) {
        if (kind == Kind.NO_LIBPCAP) {
            return new CaptureProblem(kind, format(Locale.ENGLISH, kind.name(), first, alternative(Locale.ENGLISH)),
                    format(FRENCH, kind.name(), first, alternative(FRENCH)));
        }
        return new CaptureProblem(kind, format(Locale.ENGLISH, kind.name(), first, second),
                format(FRENCH, kind.name(), first, second));
    }

    private static String availableText(Locale language, String available) {
        return available.isEmpty() ? "" : format(language, "NO_SUCH_INTERFACE.available", available);
    }

    private static String alternative(Locale language) {
        return alternative(language, text(language, "simulator"));
    }

    private static String alternative(Locale language, String simulator) {
        return format(language, "alternative", simulator);
    }

    static String format(Locale language, String key, Object... arguments) {
        return new MessageFormat(text(language, key), language).format(arguments);
    }

    private static String text(Locale language, String key) {
        return ResourceBundle.getBundle("org.wirelab.capture.live.problems", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    private static boolean isFrench(Locale language) {
        return language != null && FRENCH.getLanguage().equals(language.getLanguage());
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
