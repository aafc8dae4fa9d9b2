package org.wirelab.simulator.scenario;

import org.wirelab.core.text.PrintableText;
import org.wirelab.simulator.net.SocketAddressText;

/**
 * How the simulated programs print bytes and addresses: bytes as the live programs print them (core's
 * {@link PrintableText}), so a simulated run's log reads as a live one's.
 */
final class Text {
    private Text() {
    }

    /** Bytes as a quoted line: printable text as is, line ends, controls and bytes that are not UTF-8 escaped. */
    static String quoted(byte[] bytes, int offset, int length) {
        return PrintableText.quoted(bytes, offset, length);
    }

    static String quoted(byte[] bytes) {
        return PrintableText.quoted(bytes);
    }

    /** {@code 127.0.0.1:3000} or {@code [::1]:3000}. */
    static String endpoint(byte[] address, int port) {
        return SocketAddressText.of(address, port);
    }
}
