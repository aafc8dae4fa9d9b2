package org.wirelab.core.protocol.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;
import org.wirelab.core.protocol.data.TextDecoder;

/**
 * The lab's chat protocol (shared/lab, "multiThreadServerSocketTCP.py", TCP port 9090). The server greets
 * each client with its number in decimal and broadcasts every message it receives as "\n>>message\n";
 * a client sends plain UTF-8 text, "quit" to leave, and then its number. (The lab's server compares the
 * received bytes with the str "quit", which never matches in Python 3, so "quit" is broadcast too.)
 */
public final class ChatDecoder implements ApplicationDecoder {
    private static final Wording TITLE = new Wording(Chat.PROTOCOL, Wording.NO_VALUE, Integer.toString(Chat.PORT));

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        return payload.captured() > 0 && TextDecoder.text(payload) != null;
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        byte[] b = payload.bytes();
        int o = payload.offset();
        int captured = payload.captured();
        String text = new String(b, o, captured, StandardCharsets.UTF_8);
        LayerBuilder layer = new LayerBuilder(Chat.PROTOCOL_FIELD.layerName(), 7, b, o);
        boolean fromServer = ports.sourcePort() == Chat.PORT;
        String summary;
        if (fromServer && isNumber(text)) {
            layer.add(kind(layer, o, captured, "greeting"));
            layer.add(layer.field(Chat.CLIENT_NUMBER, o, captured, Long.parseLong(text), null));
            summary = "Chat server → client: you are client " + text;
        } else if (fromServer && text.startsWith(Chat.BROADCAST_PREFIX)) {
            List<Field> messages = broadcasts(layer, b, o, captured, text);
            layer.add(kind(layer, o, captured, "broadcast"));
            messages.forEach(layer::add);
            summary = "Chat broadcast: " + String.join(" | ", messages.stream().map(f -> (String) f.value()).toList());
        } else if (!fromServer && text.equals("quit")) {
            layer.add(kind(layer, o, captured, "quit"));
            summary = "Chat client leaves (quit)";
        } else if (!fromServer && isNumber(text)) {
            layer.add(kind(layer, o, captured, "client number"));
            layer.add(layer.field(Chat.CLIENT_NUMBER_AFTER_QUIT, o, captured, Long.parseLong(text), null));
            summary = "Chat client " + text + " identifies itself after quit";
        } else {
            layer.add(kind(layer, o, captured, fromServer ? "server text" : "message"));
            layer.add(layer.text(Chat.MESSAGE, o, captured, TextDecoder.escape(text)));
            summary = "Chat " + (fromServer ? "server: " : "message: ") + TextDecoder.escape(text);
        }
        if (captured < payload.length()) {
            layer.note(o + captured, 0, "the message continues beyond the captured bytes");
        }
        return Step.last(layer.build(o + captured, TITLE, summary));
    }

    /** chat.kind: printed as its English word, shown in the tree in the reader's language. */
    private static Field kind(LayerBuilder layer, int offset, int length, String kind) {
        return layer.text(Chat.KIND, offset, length, kind, "chat.kind[" + kind.replace(' ', '_') + "]");
    }

    /** Splits "\n>>a\n\n>>b\n" into its messages, each with its own byte range. */
    private static List<Field> broadcasts(LayerBuilder layer, byte[] b, int o, int captured, String text) {
        List<Field> messages = new ArrayList<>();
        int at = 0; // in bytes from o
        while (at < captured) {
            if (!startsWith(b, o + at, o + captured, Chat.BROADCAST_PREFIX)) {
                String rest = new String(b, o + at, captured - at, StandardCharsets.UTF_8);
                messages.add(layer.text(Chat.UNFRAMED_TEXT, o + at, captured - at, TextDecoder.escape(rest)));
                break;
            }
            int start = at + Chat.BROADCAST_PREFIX.length();
            int end = start;
            while (end < captured && b[o + end] != '\n') {
                end++;
            }
            String message = new String(b, o + start, end - start, StandardCharsets.UTF_8);
            messages.add(layer.text(Chat.MESSAGE, o + start, end - start, message));
            at = Math.min(captured, end + 1);
        }
        return messages;
    }

    private static boolean startsWith(byte[] b, int at, int end, String prefix) {
        if (end - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
