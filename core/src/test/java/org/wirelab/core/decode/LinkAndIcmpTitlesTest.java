package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wirelab.core.decode.CraftedFrames.Crafted;
import org.wirelab.core.decode.words.FieldWords;
import org.wirelab.core.frame.LinkType;
import org.wirelab.core.frame.RawFrame;

/**
 * The titles of the link layers (802.1Q and 802.1ad tags, Linux cooked capture v1 and v2, BSD loopback, raw IP of
 * no known version) and of ICMP and ICMPv6 come from their declarations: a key of the FieldLabels bundles, so that
 * French reads the French bundle's words, whole or cut short, with no English left.
 */
class LinkAndIcmpTitlesTest {
    private static final Set<String> PROTOCOLS = Set.of("802.1Q", "802.1ad", "SLL", "SLL2", "NULL", "LOOP", "Raw",
            "ICMP", "ICMPv6");
    private static final Pattern ENGLISH = Pattern.compile("\\b(Virtual|cooked capture|loopback|Raw|packet|data"
            + "|Internet Control|PRI|ID|truncated)\\b");

    @Test
    void titlesAreDeclaredAndReadInFrench() {
        FieldWords french = FieldWords.of(Locale.FRANCE);
        FrameDecoder decoder = FrameDecoder.standard();
        Set<String> titles = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        List<String> english = new java.util.ArrayList<>();
        for (RawFrame frame : frames()) {
            for (Layer layer : decoder.decode(frame).layers()) {
                if (!PROTOCOLS.contains(layer.protocol())) {
                    continue;
                }
                assertNotNull(layer.titleWording(), layer.protocol() + " titled by text: " + layer.title());
                String title = french.title(layer);
                seen.add(layer.protocol());
                titles.add(title);
                if (ENGLISH.matcher(title).find() || title.contains("{")) {
                    english.add(title);
                }
            }
        }
        assertEquals(new TreeSet<>(PROTOCOLS), seen);
        assertEquals(List.of(), english);
        for (String expected : List.of("Réseau local virtuel 802.1Q, priorité : 1, DEI : 0, identifiant : 200",
                "IEEE 802.1ad, priorité : 0, DEI : 0, identifiant : 100", "Réseau local virtuel 802.1Q, étiquette tronquée",
                "Capture Linux « cooked », version 1", "Capture Linux « cooked », version 2, en-tête tronqué",
                "Bouclage BSD (Null/Loopback)", "Bouclage BSD (Null/Loopback), en-tête tronqué", "Bouclage OpenBSD",
                "Données de paquet brutes", "Protocole de messages de contrôle d’Internet (ICMP)",
                "Protocole de messages de contrôle d’Internet pour IPv6 (ICMPv6)")) {
            assertEquals(true, titles.contains(expected), expected + " is not among " + titles);
        }
    }

    /** Every crafted frame, whole and cut to its first 2, 16 and 20 bytes (in each tag of a QinQ frame), and a raw IP frame of version 5. */
    private static List<RawFrame> frames() {
        List<RawFrame> frames = new java.util.ArrayList<>();
        for (Crafted crafted : CraftedFrames.all()) {
            for (int length : new int[] {crafted.bytes().length, 2, 16, 20}) {
                byte[] bytes = Arrays.copyOf(crafted.bytes(), Math.min(length, crafted.bytes().length));
                frames.add(new RawFrame(frames.size() + 1, 0, crafted.linkType(), bytes,
                        Math.max(bytes.length, crafted.originalLength())));
            }
        }
        frames.add(new RawFrame(frames.size() + 1, 0, LinkType.RAW, new byte[] {0x50, 0, 0, 0}, 4));
        return frames;
    }
}
