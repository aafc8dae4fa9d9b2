package org.wirelab.core.encode;

import java.util.Optional;

/**
 * What {@link HeaderParser} made of a frame's bytes: the layers it recognised (everything after the
 * last one is payload) and, when it stopped before the end of the headers, why and where.
 *
 * @param layers empty only when not even the link header was captured whole
 * @param problem null when every header present was parsed
 * @param problemOffset where the problem is, from the start of the frame; -1 without a problem
 */
public record ParsedFrame(Optional<FrameLayers> layers, String problem, int problemOffset) {

    public boolean complete() {
        return problem == null;
    }
}
