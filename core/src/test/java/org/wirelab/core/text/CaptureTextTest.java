package org.wirelab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wirelab.core.ladder.Arrow;

class CaptureTextTest {

    private static String escape(String latin1) {
        return CaptureText.escape(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void terminalSequencesBecomeVisible() {
        assertEquals("\\x1b]0;title\\x07", escape("\u001b]0;title\u0007"));          // window title
        assertEquals("\\x1b[2J\\x1b[31m", escape("\u001b[2J\u001b[31m"));             // clear screen, colour
        assertEquals("\\x1b]8;;http://evil/\\x1b\\link\\x1b]8;;\\x1b\\",               // OSC 8 hyperlink
                escape("\u001b]8;;http://evil/\u001b\\link\u001b]8;;\u001b\\"));
        assertEquals("a\\x00b\\x7f", escape("a\u0000b\u007f"));
        assertEquals("line\\r\\n\\tend", escape("line\r\n\tend"));
    }

    @Test
    void c1ControlsAndBytesThatAreNotUtf8() {
        assertEquals("\\x9b2J", escape("\u009b2J"));                        // a lone 0x9b is no UTF-8
        assertEquals("\\u009b2J", escape("\u00c2\u009b2J"));                // U+009B in UTF-8 is a C1 control
        assertEquals("caf\u00e9 \\xe9t\\xc3", escape("caf\u00c3\u00a9 \u00e9t\u00c3"));  // é in UTF-8 stays
        assertEquals("\\xed\\xa0\\x80", escape("\u00ed\u00a0\u0080"));      // a UTF-16 surrogate in UTF-8
        assertEquals("\\xc0\\xaf", escape("\u00c0\u00af"));                 // an overlong '/'
        assertEquals("\\xf0\\x9f\\x98", escape("\u00f0\u009f\u0098"));      // a sequence cut short
        assertEquals("\ud83d\ude00", escape("\u00f0\u009f\u0098\u0080"));   // U+1F600 whole
    }

    @Test
    void invisibleCharactersThatReorderText() {
        assertEquals("abc\\u202edcba\\u2028", CaptureText.escape("abc\u202edcba\u2028"));
        assertEquals("\\u009b", CaptureText.escape("\u009b"));
        assertEquals("\\U000e0001", CaptureText.escape("\udb40\udc01"));   // a tag character (format)
    }

    @Test
    void plainTextIsTheSameInstanceAndEscapingTwiceChangesNothing() {
        String plain = "GET /index.html HTTP/1.1";
        assertSame(plain, CaptureText.escape(plain));
        String once = escape("\u001b[2J\u009b\u00c2\u009b\\x");
        assertEquals(once, CaptureText.escape(once));
        assertEquals(once, CaptureText.fromLatin1(once));
    }

    @Test
    void quotedTextAlsoEscapesQuotesAndBackslashes() {
        assertEquals("\"say \\\"hi\\\" \\\\ \\x1b\"", PrintableText.quoted("say \"hi\" \\ \u001b".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLabelOfTheLadderIsEscapedWhateverMadeIt() {
        assertEquals("HTTP GET /\\x1b[2J", new Arrow(1, 0, 1, 0, "HTTP GET /\u001b[2J", java.util.List.of()).label());
    }
}
