package org.wirelab.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Bundles;
import org.wirelab.core.testing.Environment;

class ScenarioCatalogTest {

    @Test
    void everyLiveEntryIsAScenarioOfTheLabsProgramsUnderItsName() {
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.live()) {
            Scenario scenario = Scenarios.named(entry.name(), Scenarios.Parameters.DEFAULTS);
            assertEquals(entry.name(), scenario.name());
            assertEquals(ScenarioCatalog.DefaultLink.LOOPBACK, entry.link(), entry.name() + " runs on the loopback");
        }
        assertEquals(Scenarios.names(), ScenarioCatalog.names(ScenarioCatalog.live()));
    }

    @Test
    void everyScenarioNamesARealLinuxCaptureThatExists() {
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.all()) {
            assertEquals(entry.name(), entry.reference(), "made under the scenario's own name");
            for (String side : List.of("client", "server")) {
                Path capture = Environment.samples().resolve("reference/" + entry.reference() + "-" + side + ".pcap");
                assertTrue(Files.exists(capture), capture + " (samples/make/linux-reference.sh)");
            }
            assertEquals("samples/reference/" + entry.name() + "-{client,server}.pcap", entry.referenceFiles());
        }
    }

    @Test
    void theLiveScenariosComeFirstThenTheTeachingOnesEachNameOnce() {
        List<ScenarioCatalog.Entry> all = ScenarioCatalog.all();
        assertEquals(all.size(), new HashSet<>(ScenarioCatalog.names(all)).size(), "no name twice");
        int live = ScenarioCatalog.live().size();
        assertEquals(ScenarioCatalog.live(), all.subList(0, live));
        assertEquals(ScenarioCatalog.teaching(), all.subList(live, all.size()));
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.teaching()) {
            assertEquals(ScenarioCatalog.Kind.TEACHING, entry.kind());
            assertEquals(Duration.ofMillis(10), entry.link().delay(), entry.name() + ": slow enough to read on a ladder");
            assertEquals(1_500, entry.link().mtu(), entry.name() + ": an Ethernet MTU");
        }
        // Only the sized scenarios take --bytes, --count and --size.
        assertEquals(List.of(Scenarios.TCP_BULK, Scenarios.UDP_BURST),
                ScenarioCatalog.names(all.stream().filter(ScenarioCatalog.Entry::sized).toList()));
    }

    @Test
    void everyScenarioSaysWhatItShowsInEnglishAndInFrench() {
        Bundles.assertFrenchAndEnglishSayTheSameThings(ScenarioCatalog.class, "catalog");
        assertEquals(new TreeSet<>(ScenarioCatalog.names(ScenarioCatalog.all())),
                Bundles.load(ScenarioCatalog.class, "catalog").stringPropertyNames(),
                "one description for each scenario, none for a scenario that is gone");
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.all()) {
            String english = entry.description(Locale.ENGLISH);
            String french = entry.description(Locale.CANADA_FRENCH);
            assertNotEquals(english, french, entry.name() + " is translated");
            assertEquals(english, entry.description(Locale.GERMAN), "English for every other language");
        }
        assertEquals("The SYN-ACK is lost: the client sends its SYN again after 1 s",
                ScenarioCatalog.named(ScenarioCatalog.LOST_SYN_ACK).description(Locale.ENGLISH));
        assertEquals("Le SYN-ACK est perdu : le client renvoie son SYN après 1 s",
                ScenarioCatalog.named(ScenarioCatalog.LOST_SYN_ACK).description(Locale.FRENCH));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.named("tcp-helo"));
        assertTrue(e.getMessage().startsWith("unknown scenario 'tcp-helo': choose one of tcp-hello, udp-echo, "), e.getMessage());
        List<String> names = ScenarioCatalog.names(ScenarioCatalog.all());
        assertTrue(e.getMessage().endsWith(", " + names.get(names.size() - 1)), e.getMessage());
    }
}
