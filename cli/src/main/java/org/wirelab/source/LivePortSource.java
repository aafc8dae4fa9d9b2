package org.wirelab.source;

import java.util.Locale;
import org.wirelab.capture.live.CaptureSettings;
import org.wirelab.capture.live.CaptureUnavailableException;
import org.wirelab.capture.live.LiveCapture;

/**
 * Everything on one port of the loopback, for programs started elsewhere (the lab's Python client and
 * server, a browser): frames appear as they arrive, until the person stops the capture.
 * Why it cannot capture is said in {@code language}.
 */
public record LivePortSource(int port, Locale language) implements FrameSource {
    private static final long CHECK_MILLIS = 50;

    @Override
    public String title() {
        return "live: port " + port;
    }

    @Override
    public String title(Locale shownIn) {
        return SourceWords.in(shownIn).get("source.live.port", port);
    }

    @Override
    public void run(FrameFeed feed) throws Exception {
        try (LiveCapture capture = LiveCapture.open(CaptureSettings.of(CaptureSettings.LOOPBACK,
                "tcp port " + port + " or udp port " + port))) {
            capture.start(feed::frame);
            while (!feed.cancelled()) {
                Thread.sleep(CHECK_MILLIS);
            }
            capture.stop();
        } catch (CaptureUnavailableException e) {
            throw new Exception(CaptureProblemText.impossible(e.problem(), language), e);
        }
    }
}
