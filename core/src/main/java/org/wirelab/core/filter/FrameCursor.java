package org.wirelab.core.filter;

import org.wirelab.core.fields.CaptureFields;

/** The frame a filter is looking at: the capture's fields and the frame's 0-based index. */
final class FrameCursor {
    final CaptureFields fields;
    final StringBuilder scratch = new StringBuilder(64);
    int index;

    FrameCursor(CaptureFields fields) {
        this.fields = fields;
    }
}
