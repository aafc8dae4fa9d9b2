package org.wirelab.core.decode;

/**
 * What one decoder returns: its layer (null for a link type that has no header of its own, such as raw
 * IP), the key selecting the next decoder, and the slice that decoder reads.
 */
public record Step(Layer layer, Next next, Slice rest) {

    public static Step last(Layer layer) {
        return new Step(layer, Next.END, null);
    }
}
