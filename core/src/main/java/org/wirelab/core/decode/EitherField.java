package org.wirelab.core.decode;

import java.util.List;

/**
 * A hidden field Wireshark adds beside each of its members with the member's value, so that one name
 * matches either: {@code ip.addr} beside {@code ip.src} and {@code ip.dst}, {@code eth.ig} beside the IG bit
 * of each address. Declared in the protocol's place with its members; its occurrences are the members', in
 * the tree's order, and no decoder adds it.
 */
public record EitherField(HeaderField field, List<HeaderField> members) {
    public EitherField {
        members = List.copyOf(members);
    }

    public static EitherField of(HeaderField field, HeaderField... members) {
        return new EitherField(field, List.of(members));
    }

    /** The members' names. */
    public List<String> memberNames() {
        return members.stream().map(HeaderField::name).toList();
    }
}
