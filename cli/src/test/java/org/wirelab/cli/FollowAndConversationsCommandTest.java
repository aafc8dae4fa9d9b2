package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** {@code wirelab follow} and {@code wirelab conversations} against tshark's -z output on the same files. */
class FollowAndConversationsCommandTest {

    static Stream<Path> captures() {
        return TestCaptures.samplesAndSoundCorpusFiles().stream();
    }

    static Stream<Path> samples() {
        return TestCaptures.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void conversationsPrintsTsharksTables(Path capture) {
        String expected = Tshark.run("-q", "-r", capture.toString(), "-z", "conv,tcp", "-z", "conv,udp");
        CliRun run = CliRun.of("conversations", capture.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected, run.out(), capture.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void conversationsWithAFilterPrintsTsharksTablesOfTheFramesItSelects(Path sample) {
        String filter = "tcp.len > 0 || udp.srcport > udp.dstport";
        String expected = Tshark.run("-q", "-r", sample.toString(), "-z", "conv,tcp," + filter, "-z", "conv,udp," + filter);
        CliRun run = CliRun.of("conversations", sample.toString(), "-Y", filter);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected, run.out(), sample.getFileName().toString());
    }

    @Test
    void conversationsWithAFilterThatDoesNotParseIsAUsageError() {
        CliRun run = CliRun.of("conversations", Environment.samples().resolve("tcp-hello.pcap").toString(), "-Y", "tcp.port ==");
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode(), run.err());
        assertEquals(List.of("wirelab conversations: -Y: the end of the filter was unexpected in this context",
                "    tcp.port ==", "               ^"), run.errLines());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void followPrintsTsharksTextForEveryStreamOfTheSamples(Path sample) {
        for (String protocol : new String[] {"tcp", "udp"}) {
            long streams = Tshark.run("-r", sample.toString(), "-T", "fields", "-e", protocol + ".stream")
                    .lines().filter(line -> !line.isEmpty()).distinct().count();
            for (int stream = 0; stream < streams; stream++) {
                String expected = Tshark.run("-q", "-r", sample.toString(), "-z",
                        "follow," + protocol + ",ascii," + stream);
                CliRun run = protocol.equals("udp")
                        ? CliRun.of("follow", sample.toString(), "--stream", Integer.toString(stream), "--udp")
                        : CliRun.of("follow", sample.toString(), "--stream", Integer.toString(stream));
                assertEquals(0, run.exitCode(), run.err());
                assertEquals(expected, run.out(), sample.getFileName() + " " + protocol + " stream " + stream);
            }
        }
    }

    @Test
    void aStreamThatDoesNotExistIsOneLine() {
        String tcpHello = Environment.samples().resolve("tcp-hello.pcap").toString();
        ShowCommandTest.assertOneErrorLine(CliRun.of("follow", tcpHello, "--stream", "1"),
                "wirelab follow: no TCP stream 1: the file has only TCP stream 0");
        ShowCommandTest.assertOneErrorLine(CliRun.of("follow", tcpHello, "--stream", "0", "--udp"),
                "wirelab follow: no UDP flow 0: the file has none");
        String udpEcho = Environment.samples().resolve("udp-echo.pcap").toString();
        ShowCommandTest.assertOneErrorLine(CliRun.of("follow", udpEcho, "--stream", "0"),
                "wirelab follow: no TCP stream 0: the file has none (try --udp)");
    }

    @Test
    void followWithoutAStreamIsAUsageError() {
        CliRun run = CliRun.of("follow", Environment.samples().resolve("tcp-hello.pcap").toString());
        assertEquals(ErrorReporter.USAGE_ERROR, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("--stream"), run.err());
    }

    @Test
    void conversationsOfAMissingFileIsOneLine() {
        ShowCommandTest.assertOneErrorLine(CliRun.of("conversations", "nowhere.pcap"),
                "wirelab conversations: no such file: nowhere.pcap");
    }
}
