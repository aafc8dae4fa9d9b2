package org.wirelab.core.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.ConversationIndex;
import org.wirelab.core.analysis.TcpExpert;
import org.wirelab.core.protocol.tcp.Tcp;
import org.wirelab.core.quiz.Question.Kind;
import org.wirelab.core.quiz.Question.Option;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.text.Sentences;

/**
 * Questions with blanked fields on a student's own capture: a segment's Ack, Seq and length, the
 * flags of the server's first segment, which frame is a retransmission and why it was sent, shuffled
 * segments to put back in order, and for UDP a datagram's port and length. The same capture and seed
 * give the same questions; the answers are read from the capture's analysis, as wirelab shows them
 * (relative sequence numbers, as Wireshark).
 */
public final class QuizBuilder {
    private static final String BUNDLE = "org.wirelab.core.quiz.QuizWords";
    /** The segments of the ordering question: enough to be a puzzle, few enough to read. */
    private static final int SEGMENTS_TO_ORDER = 6;
    /** The flags offered for "which flags": the five a student meets in the lab. */
    private static final int[] FLAG_BITS = {Tcp.SYN, Tcp.ACK, Tcp.PSH, Tcp.FIN, Tcp.RST};
    private static final String[] FLAG_NAMES = {"SYN", "ACK", "PSH", "FIN", "RST"};

    private final CaptureAnalysis analysis;
    private final Sentences words;
    private final Random random;
    private final List<Question> questions = new ArrayList<>();

    private QuizBuilder(CaptureAnalysis analysis, Locale language, long seed) {
        this.analysis = analysis;
        this.words = Sentences.of(BUNDLE, language);
        this.random = new Random(seed);
    }

    /** The questions on {@code analysis}; none when the capture holds no TCP or UDP traffic. */
    public static Quiz build(CaptureAnalysis analysis, String source, Locale language, long seed) {
        QuizBuilder builder = new QuizBuilder(analysis, language, seed);
        builder.tcpQuestions();
        builder.udpQuestions();
        return new Quiz(source, builder.words.locale(), builder.questions);
    }

    private void tcpQuestions() {
        ConversationIndex index = analysis.conversations();
        List<Integer> stream = framesOf(longestTcpStream());
        if (stream.isEmpty()) {
            return;
        }
        PacketTable table = analysis.packets();
        List<Integer> acks = stream.stream().filter(i -> (table.tcpFlags(i) & Tcp.ACK) != 0).toList();
        if (!acks.isEmpty()) {
            int i = pick(acks);
            long ack = Integer.toUnsignedLong(index.relativeAcknowledgement(i));
            add("ack", Kind.NUMBER, words.format("ack.prompt", i + 1), Long.toString(ack), List.of(),
                    words.format("ack.explanation", i + 1, ack), i);
        }
        List<Integer> data = stream.stream().filter(i -> table.payloadLength(i) > 0).toList();
        if (!data.isEmpty()) {
            int i = pick(data);
            long seq = Integer.toUnsignedLong(index.relativeSequence(i));
            add("seq", Kind.NUMBER, words.format("seq.prompt", i + 1), Long.toString(seq), List.of(),
                    words.format("seq.explanation", i + 1, seq, seq + table.payloadLength(i)), i);
            int j = pick(data);
            add("len", Kind.NUMBER, words.format("len.prompt", j + 1), Integer.toString(table.payloadLength(j)), List.of(),
                    words.format("len.explanation", j + 1, table.payloadLength(j)), j);
        }
        stream.stream().filter(i -> !index.fromClient(i)).findFirst().ifPresent(this::flagsQuestion);
        retransmissionQuestions();
        orderQuestion(stream);
    }

    private void flagsQuestion(int i) {
        int flags = analysis.packets().tcpFlags(i);
        List<Option> options = new ArrayList<>();
        List<String> set = new ArrayList<>();
        for (int f = 0; f < FLAG_BITS.length; f++) {
            options.add(new Option(FLAG_NAMES[f], FLAG_NAMES[f]));
            if ((flags & FLAG_BITS[f]) != 0) {
                set.add(FLAG_NAMES[f]);
            }
        }
        String answer = String.join(",", set);
        add("flags", Kind.FLAGS, words.format("flags.prompt", i + 1), answer, options,
                words.format("flags.explanation", i + 1, set.isEmpty() ? "-" : String.join(", ", set)), i);
    }

    /** Which frame is the first retransmission, and why it was sent, when the capture has one. */
    private void retransmissionQuestions() {
        PacketTable table = analysis.packets();
        for (int i = 0; i < analysis.size(); i++) {
            if (analysis.conversations().tcpStream(i) == ConversationIndex.NONE || table.payloadLength(i) == 0) {
                continue;
            }
            String reason = analysis.tcp().has(i, TcpExpert.SPURIOUS_RETRANSMISSION) ? "spurious"
                    : analysis.tcp().has(i, TcpExpert.FAST_RETRANSMISSION) ? "fast"
                    : analysis.tcp().has(i, TcpExpert.RETRANSMISSION) ? "timeout" : null;
            if (reason == null) {
                continue;
            }
            int original = original(i);
            String first = original < 0 ? "?" : Integer.toString(original + 1);
            String explanation = reason;
            if (reason.equals("timeout") && original >= 0 && sackFromReceiverBetween(original, i)) {
                // No three duplicate ACKs, but a SACK block showed later bytes arrived: RACK (RFC 8985), not the timer.
                reason = "fast";
                explanation = "sack";
            }
            add("retransmission", Kind.NUMBER, words.format("retransmission.prompt"), Integer.toString(i + 1), List.of(),
                    words.format("retransmission.explanation", i + 1, first), i);
            List<Option> reasons = List.of(new Option("timeout", words.format("why.timeout")),
                    new Option("fast", words.format("why.fast")), new Option("spurious", words.format("why.spurious")));
            add("why", Kind.CHOICE, words.format("why.prompt", i + 1), reason, reasons,
                    words.format("why.explanation." + explanation, i + 1), i);
            return;
        }
    }

    /** Whether the other side sent a segment with a SACK option after frame {@code original} and before {@code resent}. */
    private boolean sackFromReceiverBetween(int original, int resent) {
        ConversationIndex index = analysis.conversations();
        PacketTable table = analysis.packets();
        for (int j = original + 1; j < resent; j++) {
            if (index.tcpStream(j) != index.tcpStream(resent) || index.direction(j) == index.direction(resent)) {
                continue;
            }
            byte[] b = analysis.frames().buffer(j);
            int at = analysis.frames().offset(j) + table.transportOffset(j);
            int end = Math.min(at + table.tcpHeaderLength(j), analysis.frames().offset(j) + analysis.frames().capturedLength(j));
            for (int length = 10; length <= 34; length += 8) {   // one to four SACK blocks (RFC 2018)
                if (Tcp.findOption(b, at + Tcp.MIN_HEADER_LENGTH, end, Tcp.OPTION_SACK, length) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The earlier frame of the same side that first carried the bytes frame {@code i} sends again, or -1. */
    private int original(int i) {
        ConversationIndex index = analysis.conversations();
        for (int j = 0; j < i; j++) {
            if (index.tcpStream(j) == index.tcpStream(i) && index.direction(j) == index.direction(i)
                    && analysis.packets().payloadLength(j) > 0 && index.relativeSequence(j) == index.relativeSequence(i)) {
                return j;
            }
        }
        return -1;
    }

    private void orderQuestion(List<Integer> stream) {
        List<Integer> segments = stream.subList(0, Math.min(SEGMENTS_TO_ORDER, stream.size()));
        if (segments.size() < 3) {
            return;
        }
        List<Integer> shuffled = new ArrayList<>(segments);
        do {
            Collections.shuffle(shuffled, random);
        } while (shuffled.equals(segments));
        List<Option> options = new ArrayList<>();
        String[] keyOf = new String[analysis.size()];
        for (int k = 0; k < shuffled.size(); k++) {
            int i = shuffled.get(k);
            keyOf[i] = String.valueOf((char) ('A' + k));
            options.add(new Option(keyOf[i], segmentText(i)));
        }
        String answer = String.join(",", segments.stream().map(i -> keyOf[i]).toList());
        Question question = new Question("q" + (questions.size() + 1) + "-order", Kind.ORDER, words.format("order.prompt"),
                answer, options, words.format("order.explanation", answer.replace(",", " ")),
                segments.stream().map(i -> i + 1).toList());
        questions.add(question);
    }

    /** "client → server  SYN, ACK  Seq=0 Ack=1 Len=0": what a ladder shows, without the frame number. */
    private String segmentText(int i) {
        PacketTable table = analysis.packets();
        ConversationIndex index = analysis.conversations();
        String direction = words.format(index.fromClient(i) ? "direction.toServer" : "direction.toClient");
        int flags = table.tcpFlags(i);
        List<String> set = new ArrayList<>();
        for (int f = 0; f < FLAG_BITS.length; f++) {
            if ((flags & FLAG_BITS[f]) != 0) {
                set.add(FLAG_NAMES[f]);
            }
        }
        return direction + "   " + String.join(", ", set) + "   Seq=" + Integer.toUnsignedLong(index.relativeSequence(i))
                + ((flags & Tcp.ACK) != 0 ? " Ack=" + Integer.toUnsignedLong(index.relativeAcknowledgement(i)) : "")
                + " Len=" + table.payloadLength(i);
    }

    private void udpQuestions() {
        ConversationIndex index = analysis.conversations();
        PacketTable table = analysis.packets();
        List<Integer> datagrams = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            if (index.udpStream(i) != ConversationIndex.NONE) {
                datagrams.add(i);
            }
        }
        if (datagrams.isEmpty()) {
            return;
        }
        int i = pick(datagrams);
        add("port", Kind.NUMBER, words.format("port.prompt", i + 1), Integer.toString(table.destinationPort(i)), List.of(),
                words.format("port.explanation", i + 1, table.destinationPort(i), table.sourcePort(i)), i);
        int j = pick(datagrams);
        add("udplen", Kind.NUMBER, words.format("udplen.prompt", j + 1), Integer.toString(table.payloadLength(j)), List.of(),
                words.format("udplen.explanation", j + 1, table.payloadLength(j), table.udpLength(j)), j);
    }

    private int longestTcpStream() {
        ConversationIndex index = analysis.conversations();
        int best = -1;
        for (int s = 0; s < index.tcpStreamCount(); s++) {
            if (best < 0 || index.tcpConversation(s).frameCount() > index.tcpConversation(best).frameCount()) {
                best = s;
            }
        }
        return best;
    }

    private List<Integer> framesOf(int stream) {
        List<Integer> frames = new ArrayList<>();
        if (stream < 0) {
            return frames;
        }
        for (int i = 0; i < analysis.size(); i++) {
            if (analysis.conversations().tcpStream(i) == stream) {
                frames.add(i);
            }
        }
        return frames;
    }

    private int pick(List<Integer> frames) {
        return frames.get(random.nextInt(frames.size()));
    }

    private void add(String topic, Kind kind, String prompt, String answer, List<Option> options, String explanation,
            int frameIndex) {
        questions.add(new Question("q" + (questions.size() + 1) + "-" + topic, kind, prompt, answer, options, explanation,
                List.of(frameIndex + 1)));
    }
}
