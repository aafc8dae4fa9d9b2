package org.wirelab.core.explain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStates;

/**
 * Explains each frame of a capture in one to three sentences for a first-year student, in English
 * or French (the {@code Explanations} resource bundle): what the frame does in its connection, with
 * the numbers that matter taken from the frame (a SYN's ISN and the ISN+1 its answer acknowledges,
 * the bytes a segment carries and the acknowledgement that will cover them...).
 *
 * <pre>{@code
 * Explainer explainer = Explainer.of(CaptureAnalysis.of(frames));
 * explainer.explain(0, Locale.FRENCH).text();
 * }</pre>
 */
public final class Explainer {
    private static final String BUNDLE = "org.wirelab.core.explain.Explanations";

    private final SentencePicker picker;
    private final int frameCount;
    private final int firstIndex;

    private Explainer(CaptureAnalysis analysis, TcpStateTimeline states) {
        this.picker = new SentencePicker(analysis, states, FrameDecoder.standard());
        this.frameCount = analysis.size();
        this.firstIndex = analysis.frames().firstIndex();
    }

    public static Explainer of(CaptureAnalysis analysis) {
        return new Explainer(analysis, TcpStates.of(analysis));
    }

    /** For a caller that already has the TCP state timeline of {@code analysis}. */
    public static Explainer of(CaptureAnalysis analysis, TcpStateTimeline states) {
        return new Explainer(analysis, states);
    }

    /** The sentences, not yet in words: what they state and with which facts. */
    public List<Sentence> sentences(int frameIndex) {
        if (frameIndex < 0 || frameIndex >= frameCount) {
            throw new IndexOutOfBoundsException("frame index " + frameIndex + " outside 0.." + (frameCount - 1));
        }
        return picker.sentences(frameIndex);
    }

    /** Frame {@code frameIndex} (number minus one) explained in {@code locale}'s language (English by default). */
    public Explanation explain(int frameIndex, Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> sentences = sentences(frameIndex).stream().map(s -> render(s, words, locale)).toList();
        return new Explanation(firstIndex + frameIndex + 1, sentences);
    }

    private static String render(Sentence sentence, ResourceBundle words, Locale locale) {
        Object[] arguments = sentence.arguments().stream()
                .map(a -> a instanceof Role role ? roleText(role, words, locale) : a)
                .toArray();
        String text = new MessageFormat(words.getString(sentence.key()), locale).format(arguments);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String roleText(Role role, ResourceBundle words, Locale locale) {
        return new MessageFormat(words.getString("role." + role.kind()), locale).format(new Object[] {role.address()});
    }
}
