package org.wirelab.core.fields;

import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.protocol.http.HttpReassembly;

/**
 * The full tree of a frame of a capture, as Wireshark shows it: the decoder reads one frame, and this adds
 * what needs the whole capture, TCP's relative numbers ({@link TcpRelativeNumbers}) and HTTP messages put
 * back together from several segments ({@link HttpReassembly}). The OSI tree, {@code show}, {@code -e} and
 * display filters all read frames through it.
 */
public final class CaptureTree {
    private final CaptureAnalysis analysis;
    private final FrameDecoder decoder;
    private final TcpRelativeNumbers relativeNumbers;
    private final HttpReassembly http;

    public CaptureTree(CaptureAnalysis analysis, FieldCatalog catalog) {
        this(analysis, catalog, new HttpReassembly(analysis, DecoderTables.standard()));
    }

    private CaptureTree(CaptureAnalysis analysis, FieldCatalog catalog, HttpReassembly http) {
        this.analysis = analysis;
        this.decoder = new FrameDecoder(DecoderTables.standard());
        this.relativeNumbers = new TcpRelativeNumbers(catalog);
        this.http = http;
    }

    /**
     * The trees of {@code analysis}, the part of a file after {@code previous}'s ({@link CaptureAnalysis#after}):
     * HTTP messages begun in the parts before are completed here.
     */
    static CaptureTree after(CaptureTree previous, CaptureAnalysis analysis, FieldCatalog catalog) {
        return new CaptureTree(analysis, catalog, HttpReassembly.after(previous.http, analysis));
    }

    public CaptureTree(CaptureAnalysis analysis) {
        this(analysis, new FieldCatalog(analysis));
    }

    /** Frame {@code index}'s tree (0-based index). */
    public DecodedFrame frame(int index) {
        return http.applyTo(relativeNumbers.addTo(decoder.decode(analysis.frames(), index)));
    }

    /** Whether frame {@code index}'s layers above TCP depend on other frames (HTTP reassembly). */
    public boolean reassembled(int index) {
        return http.role(index) != null;
    }
}
