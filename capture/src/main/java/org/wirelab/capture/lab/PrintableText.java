package org.wirelab.capture.lab;

/**
 * What the lab's programs print of the bytes they received: {@link org.wirelab.core.text.PrintableText},
 * kept here under its old name for the programs of this package.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String quoted(byte[] bytes) {
        return org.wirelab.core.text.PrintableText.quoted(bytes);
    }

    public static String quoted(byte[] bytes, int offset, int length) {
        return org.wirelab.core.text.PrintableText.quoted(bytes, offset, length);
    }
}
