package org.wirelab.core.protocol.chat;

import org.wirelab.core.decode.ProtocolField;
import java.util.List;
import org.wirelab.core.decode.FieldType;
import org.wirelab.core.decode.HeaderField;

/**
 * The lab's chat protocol (shared/lab, "multiThreadServerSocketTCP.py", TCP port 9090), its fields declared
 * once. Wireshark has no such protocol: the names are wirelab's own, in Wireshark's manner. Labels, the
 * kinds of message and the title are in the {@code FieldLabels} bundles under these names.
 */
public final class Chat {
    public static final ProtocolField PROTOCOL_FIELD = ProtocolField.titled("chat", "Chat");
    /** The lab's server port. */
    public static final int PORT = 9090;
    /** The protocol, by its filter name; its title is the bundles' {@code chat}. */
    public static final String PROTOCOL = PROTOCOL_FIELD.name();
    /** What the server puts before each message it broadcasts; a newline ends the message. */
    public static final String BROADCAST_PREFIX = "\n>>";

    /** The kind of message, one of the decoder's words ({@code chat.kind[greeting]} ...), printed in English. */
    public static final HeaderField KIND = HeaderField.of("chat.kind", FieldType.STRING);
    public static final HeaderField MESSAGE = HeaderField.of("chat.message", FieldType.STRING);
    /** Bytes of a broadcast that do not follow the server's framing. */
    public static final HeaderField UNFRAMED_TEXT = MESSAGE.labelled("chat.message.unframed");
    /** The number the server greets a client with. */
    public static final HeaderField CLIENT_NUMBER = HeaderField.unsigned("chat.client_number");
    /** The number a client sends after "quit". */
    public static final HeaderField CLIENT_NUMBER_AFTER_QUIT = CLIENT_NUMBER.labelled("chat.client_number.after_quit");

    /** Every named chat field, for the registry of names (-e, display filters). */
    public static final List<HeaderField> FIELDS = List.of(KIND, MESSAGE, CLIENT_NUMBER);

    private Chat() {
    }
}
