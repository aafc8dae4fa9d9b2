package org.wirelab.core.decode;

import java.util.List;

/**
 * One protocol's part of a decoded frame: its name, OSI layer (2 link, 3 network, 4 transport,
 * 7 application), the bytes it covers, its field tree, what went wrong while decoding it, and a one-line
 * summary such as "TCP 3372 → 80 [SYN] Seq=0 Win=8760 Len=0 MSS=1460".
 */
public record Layer(String protocol, String title, int osiLayer, ByteRange range, List<Field> fields,
        List<Diagnostic> diagnostics, String summary) {

    public Layer {
        fields = List.copyOf(fields);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
