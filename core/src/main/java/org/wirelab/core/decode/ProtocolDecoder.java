package org.wirelab.core.decode;

/**
 * Decodes one protocol's header from a slice. Implementations never throw on bad bytes: they
 * bounds-check and return what they could decode with a diagnostic, and {@link Next#END} when nothing
 * after them can be trusted.
 */
@FunctionalInterface
public interface ProtocolDecoder {
    Step decode(Slice slice);
}
