package org.wirelab.core.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.text.CaptureText;

/**
 * The HTTP messages of some bytes, found as {@link HttpDecoder#messages} finds them (pipelined messages one
 * after another, each ending where {@link HttpMessageLength} says) but without building their fields: what
 * a message is (request or response), its method and the URI packet-http.c names it by. The passes over the
 * whole capture ({@link HttpReassembly}, {@link HttpExchanges}) need only that, and building every message's
 * field tree made them cost tens of seconds on a million frames.
 */
final class HttpMessageStarts {
    /**
     * One message's start.
     *
     * @param method a request's method ("GET"), null for a response
     * @param uri a request's full URI (http://host/target), or its target without a Host; null for a response
     */
    record Start(boolean response, String method, String uri) {
    }

    private static final HttpDecoder DECODER = new HttpDecoder();

    private HttpMessageStarts() {
    }

    /** The messages in {@code captured} bytes of {@code b} from {@code offset}, in order. */
    static List<Start> in(byte[] b, int offset, int captured, Next.ByPorts ports) {
        List<Start> starts = new ArrayList<>(1);
        int o = offset;
        int stop = offset + captured;
        while (o < stop && DECODER.recognizes(Slice.ofFrame(b, stop).sub(o, stop - o), ports)) {
            int end = messageEnd(b, o, stop);
            starts.add(start(b, o, end));
            o = end;
        }
        return starts;
    }

    /** Where the message at {@code o} ends: where its length says, or at {@code stop} when it goes on. */
    private static int messageEnd(byte[] b, int o, int stop) {
        HttpMessageLength length = new HttpMessageLength();
        length.advance(b, o, stop - o);
        long end = length.end();
        return end > 0 && end < stop - o ? o + (int) end : stop;
    }

    /** The first line and, for a request, the Host header of the message in {@code b} from {@code o} to {@code end}. */
    private static Start start(byte[] b, int o, int end) {
        int lineEnd = HttpDecoder.lineEnd(b, o, end);
        String first = new String(b, o, lineEnd - o, StandardCharsets.ISO_8859_1).stripTrailing();
        if (first.startsWith("HTTP/")) {
            return new Start(true, null, null);
        }
        String[] parts = first.split(" ", 3);
        String method = CaptureText.fromLatin1(parts[0]);
        if (parts.length < 2) {
            return new Start(false, method, null);
        }
        String target = CaptureText.fromLatin1(parts[1]);
        String host = null;
        boolean headersEnded = false;
        for (int at = lineEnd; at < end; ) {
            int next = HttpDecoder.lineEnd(b, at, end);
            String content = new String(b, at, next - at, StandardCharsets.ISO_8859_1).stripTrailing();
            at = next;
            if (content.isEmpty()) {
                headersEnded = true;
                break;
            }
            int colon = content.indexOf(':');
            if (host == null && colon > 0
                    && content.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("host")) {
                host = content.substring(colon + 1).trim();
            }
        }
        if (!headersEnded || host == null || target.startsWith("http://") || target.startsWith("https://")) {
            return new Start(false, method, target);
        }
        return new Start(false, method, "http://" + CaptureText.escape(CaptureText.fromLatin1(host)) + target);
    }
}
