package org.wirelab.cli;

import org.wirelab.core.filter.FilterException;

/**
 * A display filter given with -Y that cannot be used: reported as Wireshark does, a line saying what is
 * wrong, then the filter with a caret under the fault; the command exits with a usage error.
 */
public final class FilterError extends RuntimeException {
    private final String pointer;

    FilterError(String filter, FilterException cause) {
        super("-Y: " + cause.getMessage(), null, false, false);
        this.pointer = cause.pointer(filter);
    }

    /** The filter and the caret line under the fault. */
    String pointer() {
        return pointer;
    }

    /** The filter compiled, or this error. */
    public static org.wirelab.core.filter.DisplayFilter compile(String filter) {
        try {
            return org.wirelab.core.filter.DisplayFilter.compile(filter);
        } catch (FilterException e) {
            throw new FilterError(filter, e);
        }
    }
}
