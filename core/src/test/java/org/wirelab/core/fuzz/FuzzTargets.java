package org.wirelab.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.explain.Explainer;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.fields.Field;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.filter.DisplayFilter;
import org.wirelab.core.filter.FilterException;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.testing.BytesChannel;
import org.wirelab.core.testing.Environment;

/**
 * What the fuzzers feed: everything that reads bytes or text from outside. Anything may come in; what
 * must never happen is an exception other than a clear refusal ({@link CaptureFormatException},
 * {@link FilterException}), or a hang. {@link CaptureFuzzTest} runs these under JUnit;
 * {@code bench/fuzz-jazzer.sh} runs them through Jazzer's command line ({@link #fuzzerTestOneInput}),
 * for as long as asked.
 */
public final class FuzzTargets {
    /** The targets, by the name bench/fuzz-jazzer.sh gives them. */
    public enum Target { CAPTURE, FRAMES, FILTER }

    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL, LinkType.LINUX_SLL2,
            LinkType.NULL, LinkType.LOOP, LinkType.IPV4, LinkType.IPV6};
    /** An HTTP exchange the filters are run on: TCP, a request and a response. */
    private static final FrameStore SAMPLE = sample();
    /** The target Jazzer's command line fuzzes: the system property wirelab.fuzz.target, or each in turn. */
    private static final String CHOSEN = System.getProperty("wirelab.fuzz.target", "all");

    private FuzzTargets() {
    }

    /** Jazzer's command-line entry point: the chosen target, or, for "all", the one the first byte picks. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        Target target = CHOSEN.equals("all") ? data.pickValue(Target.values())
                : Target.valueOf(CHOSEN.toUpperCase(Locale.ROOT));
        switch (target) {
            case CAPTURE -> captureFile(data.consumeRemainingAsBytes());
            case FRAMES -> frames(data);
            case FILTER -> displayFilter(data.consumeRemainingAsString());
        }
    }

    /**
     * Any bytes as a capture file: the pcap and pcapng readers, then the decoders' trees and the
     * analysis of what they read (the fields and explanations are {@link #frames}'s, which is faster
     * at reaching them).
     */
    public static void captureFile(byte[] bytes) {
        FrameStore frames;
        try {
            frames = CaptureFiles.read(new BytesChannel(bytes)).frames();
        } catch (CaptureFormatException refused) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CaptureAnalysis.of(frames);
        FrameDecoder decoder = FrameDecoder.standard();
        for (int i = 0; i < frames.size(); i++) {
            decoder.decode(frames, i);
        }
    }

    /**
     * Frames of any bytes behind any link type the decoders know, past the readers' checks: every
     * decoder, the conversations and TCP analysis, every field of the catalog, the explanations.
     */
    public static void frames(FuzzedDataProvider data) {
        FrameStore frames = new FrameStore();
        long time = 1_700_000_000_000_000_000L;
        int count = data.consumeInt(1, 12);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            int linkType = data.pickValue(LINK_TYPES);
            int extra = data.consumeInt(0, 1500);
            time += data.consumeInt(0, 50_000_000);
            byte[] bytes = data.consumeBytes(data.consumeInt(0, 400));
            frames.append(time, linkType, bytes, 0, bytes.length, bytes.length + extra);
        }
        analyseDecodeExplain(frames);
    }

    /** Any text as a display filter: compiled or refused with a message, and run on a capture when compiled. */
    public static void displayFilter(String text) {
        DisplayFilter filter;
        try {
            filter = DisplayFilter.compile(text);
        } catch (FilterException refused) {
            return;
        }
        filter.canonical();
        DisplayFilter.Matcher matcher = filter.matcher(new CaptureFields(CaptureAnalysis.of(SAMPLE)));
        for (int i = 0; i < SAMPLE.size(); i++) {
            matcher.matches(i);
        }
    }

    private static void analyseDecodeExplain(FrameStore frames) {
        CaptureAnalysis analysis = CaptureAnalysis.of(frames);
        FrameDecoder decoder = FrameDecoder.standard();
        Explainer explainer = Explainer.of(analysis);
        for (int i = 0; i < frames.size(); i++) {
            decoder.decode(frames, i);
            explainer.explain(i, Locale.ENGLISH);
            explainer.explain(i, Locale.FRENCH);
        }
        for (Field field : new FieldCatalog(analysis).fields(FieldCatalog.knownNames())) {
            for (int i = 0; i < frames.size(); i++) {
                field.text(i);
            }
        }
    }

    private static FrameStore sample() {
        try {
            return CaptureFiles.read(Environment.samples().resolve("http-get.pcap")).frames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
