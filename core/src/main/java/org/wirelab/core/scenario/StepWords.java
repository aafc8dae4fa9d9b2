package org.wirelab.core.scenario;

import java.time.Duration;
import org.wirelab.core.text.PrintableText;

/**
 * What a scenario's log says about a step, in the same words whether the step ran on real sockets or
 * in the simulator, so that a live run and a simulated run of one scenario can be read side by side.
 * Bytes are quoted and escaped ({@link PrintableText}): they come from a network.
 */
public final class StepWords {
    /** Payloads up to this size are quoted in the log; longer ones only counted. */
    public static final int SHOWN = 80;
    /** The log line of a {@link Step.Close}. */
    public static final String CLOSES = "closes the connection (FIN)";
    /** The log line of a {@link Step.Shutdown}. */
    public static final String SHUTS_DOWN = "shuts down its sending direction (FIN) and goes on reading";
    /** The log line of a {@link Step.Abort}. */
    public static final String VANISHES = "vanishes: its connection is reset (RST)";
    /** The log line of a {@link Step.ReceiveEnd} that saw the end of the stream. */
    public static final String PEER_CLOSED = "the peer closed the connection (end of stream: its FIN)";

    private StepWords() {
    }

    /** {@code 14 bytes "hello serveur\n"}, or only the length of a payload longer than {@link #SHOWN}. */
    public static String describe(Payload payload) {
        if (payload.length() <= SHOWN) {
            return payload.length() + " bytes " + PrintableText.quoted(payload.bytes());
        }
        return payload.length() + " bytes";
    }

    /** At most the first {@link #SHOWN} of {@code length} bytes, quoted and escaped. */
    public static String quoted(byte[] bytes, int offset, int length) {
        return PrintableText.quoted(bytes, offset, Math.min(length, SHOWN));
    }

    public static String sends(Payload payload) {
        return "sends " + describe(payload);
    }

    public static String received(Payload payload) {
        return "received " + describe(payload);
    }

    /** A connection made: {@code connected to 127.0.0.1:3000 from 127.0.0.1:51234}. */
    public static String connected(String target, String local) {
        return "connected to " + target + " from " + local;
    }

    /** A connection refused, {@code how} saying what answered (the SYN's RST). */
    public static String refused(String target, String how) {
        return "connection to " + target + " refused: " + how;
    }

    /** The failure of a {@link ConnectResult#REFUSED} connection that was accepted. */
    public static String acceptedInsteadOfRefused(String target) {
        return "connected to " + target + ", but the scenario expects a refusal: something listens on that port";
    }

    /** The failure of a receive whose bytes differ from the scenario's, from byte {@code at} of the stream. */
    public static String mismatch(Payload expected, byte[] got, int offset, int length, long at) {
        return "expected " + describe(expected) + ", received " + quoted(got, offset, length)
                + (at > 0 ? " at byte " + at : "");
    }

    /** The failure of a receive cut short by the peer's close. */
    public static String closedEarly(long received, long expected) {
        return "the connection was closed after " + received + " of the " + expected + " bytes expected";
    }

    /** The failure of a {@link Step.ReceiveEnd} that received data instead of the end of the stream. */
    public static String notTheEnd(byte[] got, int offset, int length) {
        return "expected the end of the stream, received " + quoted(got, offset, length);
    }

    /** An HTTP answer: {@code GET http://127.0.0.1:8080/: 200, 13 bytes "..."}, and why it fails when not 200. */
    public static String httpAnswer(String uri, int status, byte[] body) {
        String text = "GET " + uri + ": " + status + ", " + body.length + " bytes " + quoted(body, 0, body.length);
        return status == 200 ? text : text + " (expected 200)";
    }

    /** A server's {@link Step.AwaitHandled} satisfied. */
    public static String finished(long count) {
        return "finished " + count + (count == 1 ? " exchange" : " exchanges");
    }

    /** A UDP server's {@link Step.AwaitHandled} short of datagrams: a note, since UDP loses them by design. */
    public static String datagramsLost(long received, long expected) {
        return "received " + received + " of " + expected + " datagrams: " + (expected - received)
                + " lost (UDP does not retransmit)";
    }

    /** The note of a {@link Step.UdpReceive} whose datagram ({@code expected}, as the runner describes it) never came. */
    public static String datagramLost(Step.UdpReceive step, String expected) {
        return "no datagram after " + step.lostAfter().toMillis() + " ms: " + expected
                + " taken as lost (UDP does not retransmit)";
    }

    /** The note of an earlier message skipped while waiting for a later one ({@code header}: its quoted start). */
    public static String earlierSkipped(String header) {
        return "skipped " + header + ", an earlier message (a late reply or a duplicate)";
    }

    /** What a receive waited for in vain (see {@link #within}). */
    public static String nothingMoreReceived(Payload expected) {
        return "nothing more received (expected " + describe(expected) + ")";
    }

    /** What a datagram receive waited for in vain (see {@link #within}). */
    public static String noDatagram(Payload expected) {
        return "no datagram (expected " + describe(expected) + ")";
    }

    /** What a {@link Step.ReceiveEnd} waited for in vain (see {@link #within}). */
    public static final String PEER_DID_NOT_CLOSE = "the peer did not close the connection";

    /** What a server's {@link Step.AwaitHandled} waited for in vain (see {@link #within}). */
    public static String finishedOnly(long handled, long expected) {
        return "finished " + handled + " of " + expected + " exchanges";
    }

    /** The failure of a step that waited its whole timeout for {@code what}: {@code ... in 5.0 s}. */
    public static String within(String what, Duration timeout) {
        return what + " in " + seconds(timeout);
    }

    /** A step's timeout as the log writes it: {@code 5.0 s}. */
    public static String seconds(Duration timeout) {
        return timeout.toMillis() / 1000.0 + " s";
    }
}
