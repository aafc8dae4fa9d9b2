package org.wirelab.core.decode;

/**
 * Decodes a TCP or UDP payload. {@link #recognizes} lets a decoder found by port decline a payload that
 * is not its protocol (e.g. the middle of an HTTP body), and lets heuristic decoders claim one. Like every
 * decoder it never throws on bad bytes.
 */
public interface ApplicationDecoder {
    boolean recognizes(Slice payload, Next.ByPorts ports);

    Step decode(Slice payload, Next.ByPorts ports);
}
