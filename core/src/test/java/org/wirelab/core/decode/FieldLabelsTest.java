package org.wirelab.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wirelab.core.protocol.tcp.Tcp;

/** The FieldLabels bundles: one word per key in each language, with the same arguments, for every declared field. */
class FieldLabelsTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)\\}");

    private static Properties bundle(String suffix) throws IOException {
        Properties words = new Properties();
        try (InputStream in = FieldLabels.class.getClassLoader()
                .getResourceAsStream("org/wirelab/core/decode/words/FieldLabels" + suffix + ".properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    private static TreeSet<String> arguments(String pattern) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void frenchHasEveryEnglishWordWithTheSameArguments() throws IOException {
        Properties english = bundle("");
        Properties french = bundle("_fr");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()));
        List<String> differences = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!arguments(english.getProperty(key)).equals(arguments(french.getProperty(key)))) {
                differences.add(key + ": " + english.getProperty(key) + " / " + french.getProperty(key));
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void everyDeclaredTcpFieldOfTheTreeHasItsLabelInBothLanguages() {
        // The fields the analysis computes (tcp.stream, tcp.analysis.*) are not in the tree and need no label.
        for (HeaderField field : Tcp.FIELDS) {
            boolean computed = field.name().startsWith("tcp.analysis.") || field.name().startsWith("tcp.time_")
                    || List.of("tcp.port", "tcp.stream", "tcp.window_size", "tcp.window_size_scalefactor")
                    .contains(field.name());
            if (!computed) {
                assertTrue(FieldLabels.english().has(field.labelKey()), field.name());
                assertTrue(FieldLabels.of(Locale.FRENCH).has(field.labelKey()), field.name());
            }
        }
    }

    @Test
    void aDeclaredFieldIsWordedFromItsKeyAndArguments() {
        byte[] bytes = {(byte) 0xa0, 0x12};
        LayerBuilder layer = new LayerBuilder("TCP", 4, bytes, 0);
        Field headerLength = layer.field(Tcp.HDR_LEN, 0, 1, 40, "value.bytes_words", "40", "10");
        assertEquals("1010 .... = Header Length: 40 bytes (10)", headerLength.display());
        assertEquals("1010 .... = Longueur de l’en-tête : 40 octets (10)",
                FieldLabels.of(Locale.FRENCH).line(headerLength));
        Field syn = layer.field(Tcp.FLAGS_SYN, 0, 2);
        assertEquals(".... .... .... ..1. = Syn: Set", syn.display());
        assertEquals(".... .... .... ..1. = Synchronisation (SYN) : Activé", FieldLabels.of(Locale.FRENCH).line(syn));
        assertEquals("1", syn.text());
        Field oneByte = layer.bytes(Tcp.PAYLOAD, 0, 1, "1");
        assertEquals("TCP payload (1 byte)", oneByte.display());
        assertEquals("Charge utile TCP (1 octet)", FieldLabels.of(Locale.FRENCH).line(oneByte));
        Field twoBytes = layer.bytes(Tcp.PAYLOAD, 0, 2, "1460");
        assertEquals("TCP payload (1460 bytes)", twoBytes.display());
        assertEquals("Charge utile TCP (1460 octets)", FieldLabels.of(Locale.FRENCH).line(twoBytes));
        Field title = layer.bytes(Tcp.OPTIONS_MSS, 0, 2, new Wording.Word("tcp.option_kind[2]"), "1460");
        assertEquals("TCP Option - Maximum segment size: 1460 bytes", title.display());
        assertEquals("Option TCP - Taille maximale de segment (MSS) : 1460 octets",
                FieldLabels.of(Locale.FRENCH).line(title));
    }

    @Test
    void aLabelThatCountsShowsTextWhereANumberWasExpectedInsteadOfFailing() {
        for (FieldLabels labels : List.of(FieldLabels.english(), FieldLabels.of(Locale.FRENCH))) {
            assertTrue(labels.text("tcp.payload", List.of("n/a")).contains("n/a"), labels.text("tcp.payload",
                    List.of("n/a")));
            // A number still chooses the word.
            assertEquals(labels == FieldLabels.english() ? "TCP payload (1 byte)" : "Charge utile TCP (1 octet)",
                    labels.text("tcp.payload", List.of("1")));
        }
        // tshark's decimal point, a French decimal comma.
        assertEquals("492.204 ms", FieldLabels.english().text("icmp.resptime.value", List.of("492.204")));
        assertEquals("492,204 ms", FieldLabels.of(Locale.FRENCH).text("icmp.resptime.value", List.of("492.204")));
    }
}
