package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.testing.HostileCapture;

/**
 * Text from a capture reaches no output unescaped: the terminal ({@code show --frame}, the ladder,
 * {@code follow}), and the SVG, PlantUML and Mermaid exports, whose title is the capture's file name.
 */
class HostileTextTest {
    @TempDir
    static Path dir;
    private static Path capture;

    @BeforeAll
    static void writeCapture() throws IOException {
        // The file name attacks too: it is the exports' title.
        capture = dir.resolve("hostile\u001b]0;name\u0007.pcap");
        HostileCapture.write(capture);
    }

    /** Nothing a terminal or a parser acts on: C0 controls but LF (and CR, tab for follow), DEL, C1 controls, format characters. */
    private static void assertInert(String text, boolean followFormat) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\n' || (c == '\r' || c == '\t') && followFormat;
            boolean acts = c < 0x20 && !allowed || c >= 0x7f && c < 0xa0 || Character.getType(c) == Character.FORMAT;
            int at = i;
            assertTrue(!acts, () -> String.format("U+%04x at %d: %s", (int) c, at,
                    text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40))));
        }
    }

    @Test
    void theRequestLineHostAndUserAgentAreEscaped() {
        CliRun run = CliRun.of("show", capture.toString(), "--frame", "" + HostileCapture.REQUEST_FRAME);
        assertEquals(0, run.exitCode(), run.err());
        assertInert(run.out(), false);
        assertTrue(run.out().contains("Request URI: /\\x1b]0;pwned\\x07\\x1b[2J "), run.out());
        assertTrue(run.out().contains("Host: ev\\x1b]8;;http://evil/\\x1b\\il\\x00x\\x9bz\\u009b "), run.out());
        assertTrue(run.out().contains("User-Agent: UA\\x1b[31mred\\x07\\xff\\xfe "), run.out());
        assertTrue(run.out().contains("In short: "), run.out());
    }

    @Test
    void theResponsePhraseAndTheSshBannerAreEscaped() {
        CliRun response = CliRun.of("show", capture.toString(), "--frame", "" + HostileCapture.RESPONSE_FRAME);
        assertInert(response.out(), false);
        assertTrue(response.out().contains("Response Phrase: O\\x1b[2Jk\\x9b "), response.out());
        CliRun ssh = CliRun.of("show", capture.toString(), "--frame", "" + HostileCapture.SSH_FRAME, "--lang", "fr");
        assertInert(ssh.out(), false);
        assertTrue(ssh.out().contains("SSH-2.0-Open\\x1b]0;t\\x07SSH\\x9b"), ssh.out());
    }

    @Test
    void theLadderAndFollowShowNothingThatActs() {
        CliRun ladder = CliRun.of("show", capture.toString());
        assertEquals(0, ladder.exitCode(), ladder.err());
        assertInert(ladder.out(), false);
        // As tshark -z follow,tcp,ascii: bytes outside printable ASCII as '.', line ends as they are, a tab
        // before the second node's byte counts.
        CliRun follow = CliRun.of("follow", capture.toString(), "--stream", "0");
        assertEquals(0, follow.exitCode(), follow.err());
        assertInert(follow.out(), true);
        assertTrue(follow.out().contains("GET /.]0;pwned..[2J HTTP/1.1\r\n"), follow.out());
    }

    @Test
    void anErrorQuotingAHostileNameIsEscaped() {
        CliRun run = CliRun.of("show", dir.resolve("missing\u001b[2J.pcap").toString());
        assertEquals(1, run.exitCode());
        assertInert(run.err(), false);
        assertTrue(run.err().contains("missing\\x1b[2J.pcap"), run.err());
    }

    @Test
    void theExportsTitleIsEscapedAndTheSvgIsWellFormedXml() throws Exception {
        for (String extension : new String[] {"svg", "puml", "mmd"}) {
            Path out = dir.resolve("hostile." + extension);
            CliRun run = CliRun.of("export", capture.toString(), "--diagram", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertInert(text, false);
            // Mermaid writes ';' as an entity, PlantUML doubles backslashes (it reads \n as a line break).
            assertTrue(text.contains("hostile\\x1b]0;name\\x07.pcap") || text.contains("hostile\\x1b]0#59;name\\x07.pcap")
                    || text.contains("hostile\\\\x1b]0;name\\\\x07.pcap"),
                    extension + ": " + text.substring(0, Math.min(400, text.length())));
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("hostile.svg").toFile());
    }
}
