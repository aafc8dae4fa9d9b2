package org.wirelab.cli.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.cli.CliRun;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.HeadlessChromium;
import org.wirelab.core.testing.Tshark;

/**
 * {@code wirelab quiz}: the answers the page expects are tshark's values for the same frames, and the
 * page, opened in headless Chromium, scores a right answer, not a wrong one, and exports the score.
 */
class QuizCommandTest {
    private static final Pattern QUESTION = Pattern.compile(
            "<section class=\"question[^\"]*\" id=\"([^\"]+)\" data-kind=\"([a-z]+)\" data-answer=\"([^\"]*)\" data-frames=\"([0-9,]*)\"");

    @TempDir
    Path dir;

    private record Asked(String id, String kind, String answer, int frame) {
    }

    private static List<Asked> questions(String html) {
        Matcher m = QUESTION.matcher(html);
        List<Asked> asked = new java.util.ArrayList<>();
        while (m.find()) {
            asked.add(new Asked(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4).split(",")[0])));
        }
        return asked;
    }

    private static Asked asked(List<Asked> questions, String topic) {
        return questions.stream().filter(q -> q.id().endsWith("-" + topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + topic + " question in " + questions));
    }

    private Path quiz(Path capture, String... options) throws IOException {
        Path page = dir.resolve("quiz.html");
        List<String> args = new java.util.ArrayList<>(List.of("quiz", capture.toString(), "--out", page.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return page;
    }

    @Test
    void theExpectedAnswersAreTsharksValuesForTheSameFrames() throws IOException {
        Tshark.require();
        Path capture = Environment.samples().resolve("scenarios/tcp-hello.pcap");
        for (long seed = 1; seed <= 3; seed++) {
            List<Asked> questions = questions(Files.readString(quiz(capture, "--seed", Long.toString(seed))));
            List<String[]> rows = Tshark.fields(capture, List.of("tcp.ack", "tcp.seq", "tcp.len", "tcp.flags"));
            Asked ack = asked(questions, "ack");
            assertEquals(rows.get(ack.frame())[0], ack.answer(), "Ack of frame " + ack.frame());
            Asked seq = asked(questions, "seq");
            assertEquals(rows.get(seq.frame())[1], seq.answer(), "Seq of frame " + seq.frame());
            Asked len = asked(questions, "len");
            assertEquals(rows.get(len.frame())[2], len.answer(), "Len of frame " + len.frame());
            Asked flags = asked(questions, "flags");
            assertEquals("0x0012", rows.get(flags.frame())[3], "the server's first segment is the SYN-ACK");
            assertEquals("SYN,ACK", flags.answer());
            assertEquals("order", asked(questions, "order").kind());
        }
    }

    @Test
    void theSameSeedGivesTheSamePageAndAnotherSeedOtherFrames() throws IOException {
        Path capture = Environment.samples().resolve("scenarios/chat.pcap");
        String first = Files.readString(quiz(capture, "--seed", "5"));
        assertEquals(first, Files.readString(quiz(capture, "--seed", "5")));
        boolean differs = false;
        for (long seed = 6; seed < 12 && !differs; seed++) {
            differs = !first.equals(Files.readString(quiz(capture, "--seed", Long.toString(seed))));
        }
        assertTrue(differs, "the seed changes the frames asked about");
    }

    @Test
    void aRetransmissionIsAskedWithWhyItWasSent() throws IOException {
        Path simulated = dir.resolve("lost-data.pcap");
        CliRun.of("simulate", "--scenario", "fast-retransmit", "--out", simulated.toString());
        List<Asked> questions = questions(Files.readString(quiz(simulated)));
        Asked which = asked(questions, "retransmission");
        Tshark.require();
        List<String[]> rows = Tshark.fields(simulated, List.of("frame.number", "tcp.analysis.retransmission",
                "tcp.analysis.fast_retransmission"));
        String firstRetransmission = rows.stream().skip(1).filter(row -> !row[1].isEmpty() || !row[2].isEmpty())
                .map(row -> row[0]).findFirst().orElseThrow();
        assertEquals(firstRetransmission, which.answer());
        assertEquals("fast", asked(questions, "why").answer(), "three duplicate ACKs: a fast retransmission");
    }

    /** The simulator resends a lost segment when a SACK shows later bytes arrived (RACK): not the timer. */
    @Test
    void aSegmentResentAfterASackIsNotCalledATimeout() throws IOException {
        Path simulated = dir.resolve("lost-data.pcap");
        CliRun.of("simulate", "--scenario", "lost-data", "--out", simulated.toString());
        String page = Files.readString(quiz(simulated));
        assertEquals("fast", asked(questions(page), "why").answer());
        assertTrue(page.contains("carried a SACK block for bytes sent after those of frame"), page);
    }

    @Test
    void theFileNameIsEscapedInThePage() throws IOException {
        Path odd = dir.resolve("<b>x<script>'&\".pcap");
        Files.copy(Environment.samples().resolve("udp-echo.pcap"), odd);
        String html = Files.readString(quiz(odd));
        assertFalse(html.contains("<b>x"), "raw markup from the file name");
        assertFalse(html.contains("<script>'"), "raw script tag from the file name");
        assertTrue(html.contains("&lt;b&gt;x&lt;script&gt;&#39;&amp;&quot;.pcap"), html);
    }

    @Test
    void aCaptureWithNothingToAskAboutIsOneLine() throws IOException {
        Path empty = dir.resolve("empty.pcap");
        CliRun.of("simulate", "--scenario", "udp-echo", "--out", dir.resolve("u.pcap").toString());
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("u.pcap")), 24);
        Files.write(empty, header);
        CliRun run = CliRun.of("quiz", empty.toString(), "--out", dir.resolve("q.html").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("holds no TCP or UDP traffic: there is nothing to ask about"), run.err());
        assertFalse(Files.exists(dir.resolve("q.html")));
    }

    @Test
    void inChromiumARightAnswerScoresAWrongOneDoesNotAndTheCsvHoldsTheScore() throws Exception {
        HeadlessChromium.require();
        Path capture = Environment.samples().resolve("scenarios/tcp-hello.pcap");
        Path page = quiz(capture, "--lang", "fr");
        List<Asked> questions = questions(Files.readString(page, StandardCharsets.UTF_8));
        Asked ack = asked(questions, "ack");
        Asked flags = asked(questions, "flags");
        String url = page.toUri() + "#" + ack.id() + "=" + ack.answer() + "&" + flags.id() + "=SYN,FIN"
                + "&email=jeanne.martin%40iut.example&check";
        String dom = HeadlessChromium.dumpDom(url, dir);
        assertTrue(dom.contains("<section class=\"question right\" id=\"" + ack.id() + "\""), dom);
        assertTrue(dom.contains("<section class=\"question wrong\" id=\"" + flags.id() + "\""), dom);
        assertTrue(dom.contains("id=\"score\" data-score=\"1\" data-total=\"" + questions.size() + "\">Note : 1 / "
                + questions.size() + "</p>"), dom);
        assertTrue(dom.contains("<pre id=\"csv\">Email address,Quiz sur tcp-hello.pcap\njeanne.martin@iut.example,1\n</pre>"), dom);

        String allWrong = HeadlessChromium.dumpDom(page.toUri() + "#" + ack.id() + "=999999&email=x%40y.z&check", dir);
        assertTrue(allWrong.contains("data-score=\"0\""), allWrong);
        assertTrue(allWrong.contains("x@y.z,0\n</pre>"), allWrong);
    }
}
