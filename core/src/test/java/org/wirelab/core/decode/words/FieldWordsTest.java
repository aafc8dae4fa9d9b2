package org.wirelab.core.decode.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.FrameDecoder;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.fields.CaptureTree;
import org.wirelab.core.fields.TcpRelativeNumbers;
import org.wirelab.core.pcap.CaptureFile;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.pcap.CaptureFormatException;
import org.wirelab.core.testing.Corpus;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

class FieldWordsTest {
    private static final FieldWords FRENCH = FieldWords.of(Locale.FRANCE);
    /** Words that are English, not French: none may be left in a French value that the decoder wrote. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(Set|Not set|bytes|Good|Bad|verified|request|reply"
            + "|unreachable|Unknown|unknown|multiply|blocks?|offloaded|endian|Echo|Sent|Unicast|Eligible|Ineligible"
            + "|query|response|error|Src|Dst|Len|of|the|and|by|for|to|from|with|Option|Operation|relative|number)\\b");

    /** What FieldLabels writes for a key its bundle lacks. */
    private static final Pattern UNKNOWN_WORD = Pattern.compile("\\{[a-z][\\w.\\[\\]?]*\\}");

    private static DecodedFrame frame(Path file, int number) throws Exception {
        return FrameDecoder.standard().decode(CaptureFiles.read(file).frames(), number - 1);
    }

    private static Field field(DecodedFrame frame, String name) {
        return frame.fields(name).get(0);
    }

    @Test
    void aSynReadsInFrench() throws Exception {
        Tshark.require();
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        DecodedFrame syn = frame(file, 1);
        String[] tshark = Tshark.fields(file, List.of("tcp.srcport", "tcp.hdr_len", "ip.ttl")).get(1);

        assertEquals("Port source : " + tshark[0], FRENCH.display(field(syn, "tcp.srcport")));
        assertEquals("1010 .... = Longueur de l’en-tête : " + tshark[1] + " octets (" + Integer.parseInt(tshark[1]) / 4
                + ")", FRENCH.display(field(syn, "tcp.hdr_len")));
        assertEquals(".... .... .... ..1. = Synchronisation (SYN) : Activé", FRENCH.display(field(syn, "tcp.flags.syn")));
        assertEquals(".... .... ...0 .... = Acquittement (ACK) : Non activé",
                FRENCH.display(field(syn, "tcp.flags.ack")));
        assertEquals("Durée de vie (TTL) : " + tshark[2], FRENCH.display(field(syn, "ip.ttl")));
        assertEquals("[État de la somme de contrôle : non vérifiée (calcul laissé à la carte réseau, absente sur "
                + "loopback)]", FRENCH.display(field(syn, "tcp.checksum.status")));
        assertEquals("Type : IPv4 (0x0800)", FRENCH.display(field(syn, "eth.type")));
        assertEquals("Genre : Taille maximale de segment (MSS) (2)", FRENCH.display(field(syn, "tcp.option_kind")));
        Layer tcp = syn.layers().get(2);
        assertEquals("Protocole de contrôle de transmission (TCP), port source : " + tshark[0]
                + ", port de destination : 3000, longueur : 0", FRENCH.title(tcp));
    }

    @Test
    void theRelativeNumbersOfASynAckReadInFrench() throws Exception {
        Path file = Environment.samples().resolve("tcp-hello.pcap");
        CaptureFile capture = CaptureFiles.read(file);
        DecodedFrame synAck = new TcpRelativeNumbers(new FieldCatalog(CaptureAnalysis.of(capture.frames())))
                .addTo(FrameDecoder.standard().decode(capture.frames(), 1));
        String[] tshark = Tshark.fields(file, List.of("tcp.seq", "tcp.nxtseq", "tcp.ack", "tcp.ack_raw")).get(2);

        assertEquals("Numéro de séquence : " + tshark[0] + " (relatif)", FRENCH.display(field(synAck, "tcp.seq")));
        assertEquals("[Numéro de séquence suivant : " + tshark[1] + " (relatif)]",
                FRENCH.display(field(synAck, "tcp.nxtseq")));
        assertEquals("Numéro d’acquittement : " + tshark[2] + " (relatif)", FRENCH.display(field(synAck, "tcp.ack")));
        assertEquals("Numéro d’acquittement (brut) : " + tshark[3], FRENCH.display(field(synAck, "tcp.ack_raw")));
    }

    @Test
    void aChatMessageIsTheSendersTextNotTranslated() throws Exception {
        Path file = Environment.samples().resolve("scenarios/chat.pcap");
        CaptureFile capture = CaptureFiles.read(file);
        boolean seenQuit = false;
        for (int i = 0; i < capture.frames().size(); i++) {
            DecodedFrame frame = FrameDecoder.standard().decode(capture.frames(), i);
            for (Field message : frame.fields("chat.message")) {
                assertEquals("Message : " + message.value(), FRENCH.display(message));
                seenQuit |= message.value().equals("quit");
            }
        }
        assertTrue(seenQuit, "the chat sample has a client sending quit");
    }

    @Test
    void englishIsTheDecodersOwnText() throws Exception {
        DecodedFrame syn = frame(Environment.samples().resolve("tcp-hello.pcap"), 1);
        FieldWords english = FieldWords.of(Locale.ENGLISH);
        for (Layer layer : syn.layers()) {
            assertEquals(layer.title(), english.title(layer));
            for (Field top : layer.fields()) {
                top.forEach(f -> assertEquals(f.display(), english.display(f)));
            }
        }
    }

    @Test
    void aDnsResponseNamesItsFlagsTimesAndQueryInFrench() throws Exception {
        CaptureFile capture = CaptureFiles.read(Corpus.capture("tcpdump__dns-badcookie.pcap"));
        DecodedFrame response = new CaptureTree(CaptureAnalysis.of(capture.frames())).frame(3);
        Layer dns = response.layers().get(response.layers().size() - 1);
        assertEquals("Système de noms de domaine (DNS) (réponse)", FRENCH.title(dns));
        assertEquals("Drapeaux : 0x81a0 Requête standard — réponse : Pas d’erreur",
                FRENCH.display(field(response, "dns.flags")));
        assertEquals("Durée de vie : 85758 (23 heures, 49 minutes, 18 secondes)",
                FRENCH.display(field(response, "dns.resp.ttl")));
        assertEquals("Délai d’expiration : 604800 (7 jours)", FRENCH.display(field(response, "dns.soa.expire_limit")));
        assertEquals("[Requête dans la trame : 3]", FRENCH.display(field(response, "dns.response_to")));
    }

    @Test
    void aPingNamesItsTypeInFrench() throws Exception {
        Path file = Corpus.capture("dpkt__dns_icmp.pcap");
        CaptureFile capture = CaptureFiles.read(file);
        for (int i = 0; i < capture.frames().size(); i++) {
            DecodedFrame frame = FrameDecoder.standard().decode(capture.frames(), i);
            if (frame.text("icmp.type").equals("8")) {
                assertEquals("Type : 8 (Demande d’écho (ping))", FRENCH.display(frame.fields("icmp.type").get(0)));
                assertEquals("Code : 0", FRENCH.display(frame.fields("icmp.code").get(0)));
                return;
            }
        }
        throw new AssertionError("no ping in " + file);
    }

    /**
     * Every field and layer of every sample and corpus frame has French words: its label (by name, or as
     * a phrase for a nameless field, unless the label is the packet's own text), its title, and no English
     * word left in a value the decoder wrote (numbers, flags, computed values).
     */
    @Test
    void everyFieldOfTheSamplesAndTheCorpusHasFrenchWords() throws Exception {
        List<Path> files = Corpus.withSamples();
        TreeSet<String> missing = new TreeSet<>();
        int fields = 0;
        for (Path file : files) {
            CaptureFile capture;
            try {
                capture = CaptureFiles.read(file);
            } catch (CaptureFormatException damaged) {
                continue; // the corpus has damaged files on purpose: nothing to show
            }
            // The tree as the app shows it: with what needs the whole capture (relative numbers, HTTP
            // reassembly, the fields that pair DNS and HTTP messages).
            CaptureTree tree = new CaptureTree(CaptureAnalysis.of(capture.frames()));
            for (int i = 0; i < capture.frames().size(); i++) {
                DecodedFrame frame = tree.frame(i);
                String packetText = new String(frame.bytes(), StandardCharsets.ISO_8859_1);
                for (Layer layer : frame.layers()) {
                    if (!FRENCH.hasTitle(layer)) {
                        missing.add("title \"" + layer.title() + "\"");
                    }
                    for (Field top : layer.fields()) {
                        List<Field> all = new ArrayList<>();
                        top.forEach(all::add);
                        for (Field f : all) {
                            fields++;
                            if (!FRENCH.hasLabel(f) && !packetText.contains(f.label())) {
                                missing.add("label of " + (f.hasName() ? f.name() : layer.protocol() + " field")
                                        + " \"" + f.label() + "\"");
                            }
                            if (UNKNOWN_WORD.matcher(FRENCH.display(f)).find()) {
                                missing.add("word of " + f.name() + ": " + FRENCH.display(f));
                            }
                            if (FieldWords.hasDecoderWords(f) && ENGLISH.matcher(FRENCH.display(f)).find()) {
                                missing.add("value of " + f.name() + ": " + FRENCH.display(f));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(fields > 10_000, "the samples and corpus should give many fields, got " + fields);
        assertTrue(missing.isEmpty(), missing.size() + " without French words:\n" + String.join("\n", missing));
    }
}
