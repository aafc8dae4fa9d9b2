package org.wirelab.core.protocol.data;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.decode.ApplicationDecoder;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.LayerBuilder;
import org.wirelab.core.decode.Next;
import org.wirelab.core.decode.Slice;
import org.wirelab.core.decode.Step;
import org.wirelab.core.decode.Wording;

/**
 * A heuristic for payloads that are text (UTF-8 without control characters other than tab, CR, LF):
 * Wireshark's Data, its bytes shown line by line, so a student reads what a netcat session or a lab
 * program sent.
 */
public final class TextDecoder implements ApplicationDecoder {

    @Override
    public boolean recognizes(Slice payload, Next.ByPorts ports) {
        return payload.captured() > 0 && text(payload) != null;
    }

    @Override
    public Step decode(Slice payload, Next.ByPorts ports) {
        String text = text(payload);
        LayerBuilder layer = new LayerBuilder(Data.TEXT_PROTOCOL_FIELD.layerName(), 7, payload.bytes(), payload.offset());
        int captured = payload.captured();
        if (text == null) {
            return new DataDecoder().decode(payload);
        }
        Field data = layer.data(Data.DATA, payload.offset(), captured);
        layer.add(data.withChildren(lines(layer, payload)));
        layer.add(DataDecoder.length(layer, payload));
        String shown = text.strip().replace("\r", "").replace("\n", " ⏎ ");
        return Step.last(layer.build(payload.offset() + captured,
                new Wording(Data.TEXT_TITLE, Wording.NO_VALUE, Integer.toString(captured)),
                "Text \"" + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + "\""));
    }

    /** One field per line, each with its own byte range (the line ending included). */
    public static List<Field> lines(LayerBuilder layer, Slice payload) {
        byte[] b = payload.bytes();
        List<Field> lines = new ArrayList<>();
        int end = payload.offset() + payload.captured();
        int start = payload.offset();
        for (int i = start; i < end; i++) {
            if (b[i] == '\n' || i == end - 1) {
                int length = i - start + 1;
                String line = new String(b, start, length, StandardCharsets.UTF_8);
                lines.add(layer.text(Data.LINE, start, length, escape(line)));
                start = i + 1;
            }
        }
        return lines;
    }

    /** Shows line endings the way Wireshark does, as \r and \n. */
    public static String escape(String line) {
        return line.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The payload as text, or null when it is not printable UTF-8. */
    public static String text(Slice payload) {
        byte[] b = payload.bytes();
        int end = payload.offset() + payload.captured();
        for (int i = payload.offset(); i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, payload.offset(), payload.captured())).toString();
        } catch (CharacterCodingException notText) {
            // Not UTF-8: the caller shows the payload as data instead.
            return null;
        }
    }
}
