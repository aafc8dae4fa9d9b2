package org.wirelab.core.decode;

import java.util.List;

/**
 * One protocol's part of a decoded frame: its name, OSI layer (2 link, 3 network, 4 transport,
 * 7 application), the bytes it covers, its field tree, what went wrong while decoding it, and a one-line
 * summary such as "TCP 3372 → 80 [SYN] Seq=0 Win=8760 Len=0 MSS=1460".
 *
 * @param title the tree's title in English, Wireshark's words
 * @param titleWording the title's key and arguments in the {@code FieldLabels} bundles, for any language;
 *        null for a protocol whose decoder still writes its English title itself
 */
public record Layer(String protocol, String title, int osiLayer, ByteRange range, List<Field> fields,
        List<Diagnostic> diagnostics, String summary, Wording titleWording) {

    public Layer {
        fields = List.copyOf(fields);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A layer whose decoder writes its English title itself. */
    public Layer(String protocol, String title, int osiLayer, ByteRange range, List<Field> fields,
            List<Diagnostic> diagnostics, String summary) {
        this(protocol, title, osiLayer, range, fields, diagnostics, summary, null);
    }

    /** The same layer with other fields (TCP's relative numbers, known only once the stream is read). */
    public Layer withFields(List<Field> others) {
        return new Layer(protocol, title, osiLayer, range, others, diagnostics, summary, titleWording);
    }

    /** The same layer with other diagnostics. */
    public Layer withDiagnostics(List<Diagnostic> others) {
        return new Layer(protocol, title, osiLayer, range, fields, others, summary, titleWording);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
