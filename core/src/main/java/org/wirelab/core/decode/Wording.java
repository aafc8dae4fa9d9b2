package org.wirelab.core.decode;

import java.util.List;

/**
 * What a declared field says, in any language: the key of its label and the key of its value in the
 * {@code FieldLabels} bundles, the arguments both are formatted with ({0}, {1} ...), and the bit picture
 * that precedes a field of a few bits (".... ..1."), which no language changes. A null value key means the
 * value as tshark prints it ("Set" or "Not set" for a flag); {@link #NO_VALUE} a line that is the label
 * alone (a subtree's title).
 *
 * @param arguments strings (numbers, addresses: the same in every language) or {@link Word}s (a name the
 *        language has its own word for)
 */
public record Wording(String labelKey, String valueKey, List<Object> arguments, String bits) {
    public static final String NO_VALUE = "";

    /** An argument that is itself worded by the language: the value string of a number, a status. */
    public record Word(String key, List<Object> arguments) {
        public Word(String key, Object... arguments) {
            this(key, List.of(arguments));
        }

        /**
         * A value string: the word {@code table[value]} of the bundles ({@code sll.pkttype[4]}, "Sent by us"),
         * or {@code table[?]} for a value they do not name, as Wireshark's value_string tables.
         */
        public static Word valueOf(String table, String value) {
            String key = table + "[" + value + "]";
            return new Word(FieldLabels.english().has(key) ? key : table + "[?]");
        }

        /** Words joined as a list ("Reserved, Don't fragment"): the bundles' {@code list}, nested. */
        public static Word list(List<Word> words) {
            if (words.size() == 1) {
                return words.get(0);
            }
            return new Word("list", words.get(0), list(words.subList(1, words.size())));
        }
    }

    public Wording {
        arguments = List.copyOf(arguments);
    }

    public Wording(String labelKey, String valueKey, Object... arguments) {
        this(labelKey, valueKey, List.of(arguments), "");
    }

    public Wording withBits(String bitPicture) {
        return new Wording(labelKey, valueKey, arguments, bitPicture);
    }
}
