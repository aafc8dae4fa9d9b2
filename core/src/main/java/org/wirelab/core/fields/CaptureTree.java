package org.wirelab.core.fields;

import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.DecoderTables;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.protocol.dns.DnsTransactions;
import org.wirelab.core.protocol.http.HttpBody;
import org.wirelab.core.protocol.http.HttpExchanges;
import org.wirelab.core.protocol.http.HttpReassembly;
import org.wirelab.core.protocol.icmp.IcmpEchoes;
import java.util.ArrayList;
import java.util.List;

/**
 * The full tree of a frame of a capture, as Wireshark shows it: the decoder reads one frame, and this adds
 * what needs the whole capture, TCP's relative numbers ({@link TcpRelativeNumbers}) and HTTP messages put
 * back together from several segments ({@link HttpReassembly}), each HTTP message's place in its
 * connection ({@link HttpExchanges}), a DNS response's query ({@link DnsTransactions}) and an ICMP echo
 * reply's request ({@link IcmpEchoes}). The OSI tree, {@code show}, {@code -e} and
 * display filters all read frames through it.
 */
public final class CaptureTree {
    private final CaptureAnalysis analysis;
    private final FrameDecoder decoder;
    private final TcpRelativeNumbers relativeNumbers;
    private final HttpReassembly http;
    private final HttpExchanges exchanges;
    /** The analysis' DNS transactions and ICMP echoes, asked for when first needed (at once after a part). */
    private DnsTransactions dns;
    private IcmpEchoes echoes;

    public CaptureTree(CaptureAnalysis analysis, FieldCatalog catalog) {
        this(analysis, catalog, new HttpReassembly(analysis, DecoderTables.standard()), null);
    }

    private CaptureTree(CaptureAnalysis analysis, FieldCatalog catalog, HttpReassembly http, HttpExchanges exchanges) {
        this.analysis = analysis;
        this.decoder = new FrameDecoder(DecoderTables.standard());
        this.relativeNumbers = new TcpRelativeNumbers(catalog);
        this.http = http;
        this.exchanges = exchanges != null ? exchanges : new HttpExchanges(analysis, DecoderTables.standard(), http);
    }

    /**
     * The trees of {@code analysis}, the part of a file after {@code previous}'s ({@link CaptureAnalysis#after}):
     * HTTP messages begun in the parts before are completed here, and HTTP messages are paired with those
     * of the parts before (the analysis carries DNS transactions and ICMP echoes itself).
     */
    static CaptureTree after(CaptureTree previous, CaptureAnalysis analysis, FieldCatalog catalog) {
        HttpReassembly http = HttpReassembly.after(previous.http, analysis);
        analysis.carryPairs();   // the parts after this one pair their DNS and ICMP messages with its own
        return new CaptureTree(analysis, catalog, http, HttpExchanges.after(previous.exchanges, analysis, http));
    }

    public CaptureTree(CaptureAnalysis analysis) {
        this(analysis, new FieldCatalog(analysis));
    }

    /**
     * Reads now what the trees need from the whole capture (HTTP messages put back together and placed in
     * their connections, DNS transactions, ICMP echo pairs), which the first frame needing it would otherwise
     * wait for: seconds on a million frames, better spent on a thread of their own before a frame is shown.
     * Not safe beside {@link #frame}: call it before the trees are read, or from the thread that reads them.
     */
    public void prepare() {
        http.prepare();
        exchanges.prepare();
        dns().prepare();
        echoes().prepare();
    }

    /** Frame {@code index}'s tree (0-based index). */
    public DecodedFrame frame(int index) {
        DecodedFrame frame = echoes().applyTo(index,
                http.applyTo(relativeNumbers.addTo(decoder.decode(analysis.frames(), index))));
        List<Layer> layers = frame.layers();
        int first = 0;
        while (first < layers.size() && layers.get(first).osiLayer() != 7) {
            first++;
        }
        if (first == layers.size()) {
            return frame;
        }
        List<Layer> shown = new ArrayList<>(layers.subList(0, first));
        shown.addAll(application(index, layers.subList(first, layers.size()), frame.bytes()));
        return new DecodedFrame(frame.number(), frame.timestampNanos(), frame.capturedLength(),
                frame.originalLength(), frame.linkType(), frame.bytes(), shown);
    }

    /**
     * The application layers of frame {@code index} with what other frames tell about them (a DNS
     * response's query, each HTTP message's place in its connection), and an HTTP body that is text shown
     * line by line after its message ({@code data-text-lines}).
     */
    public List<Layer> application(int index, List<Layer> layers) {
        return application(index, layers, analysis.frames().frame(index).bytes());
    }

    private List<Layer> application(int index, List<Layer> layers, byte[] frameBytes) {
        List<Layer> shown = new ArrayList<>(layers.size() + 1);
        List<Layer> placed = exchanges.applyTo(index, layers);
        for (Layer layer : placed) {
            Layer paired = dns().applyTo(index, layer);
            shown.add(paired);
            Layer media = HttpBody.media(paired, frameBytes);
            if (media != null) {
                shown.add(media);
            }
        }
        return shown;
    }

    private DnsTransactions dns() {
        if (dns == null) {
            dns = analysis.dnsTransactions();
        }
        return dns;
    }

    private IcmpEchoes echoes() {
        if (echoes == null) {
            echoes = analysis.icmpEchoes();
        }
        return echoes;
    }

    /** Whether frame {@code index}'s layers above TCP depend on other frames (HTTP reassembly). */
    public boolean reassembled(int index) {
        return http.role(index) != null;
    }
}
