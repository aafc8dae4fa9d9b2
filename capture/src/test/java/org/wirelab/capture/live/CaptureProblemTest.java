package org.wirelab.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The messages when capture is impossible, in English and in French: each names its fixes. */
class CaptureProblemTest {
    private static final Path DUMPCAP = Path.of("/usr/bin/dumpcap");

    @Test
    void withoutPrivilegeBothFixesAndTheSimulatorAreNamedInBothLanguages() {
        CaptureProblem problem = CaptureProblem.noPrivilege("lo", DumpcapStatus.notExecutable(DUMPCAP));
        String english = problem.message();
        String french = problem.message(Locale.FRENCH);
        for (String text : new String[] {english, french}) {
            assertTrue(text.contains("`sudo dpkg-reconfigure wireshark-common`"), text);
            assertTrue(text.contains("`sudo usermod -a -G wireshark $USER`"), text);
            assertTrue(text.contains("CAP_NET_RAW") && text.contains("--ambient-caps=+net_raw"), text);
            assertTrue(text.contains("wirelab simulate --scenario"), text);
        }
        assertTrue(english.startsWith("cannot capture on lo: permission denied."), english);
        assertTrue(english.contains("(/usr/bin/dumpcap may be run only by the wireshark group, which you are not in)"), english);
        assertTrue(english.contains("Wireshark's dumpcap"), "MessageFormat's doubled apostrophe: " + english);
        assertTrue(french.startsWith("capture impossible sur lo : permission refusée."), french);
        assertTrue(french.contains("(seul le groupe wireshark peut lancer /usr/bin/dumpcap, et vous n’en faites pas partie)"), french);
        assertTrue(french.contains("le simulateur joue les mêmes scénarios"), french);
        assertEquals(french, problem.message(Locale.CANADA_FRENCH));
        assertEquals(english, problem.message(Locale.GERMAN), "English for any language but French");
    }

    @Test
    void eachReasonDumpcapCannotCaptureIsSaid() {
        assertTrue(CaptureProblem.noPrivilege("lo", DumpcapStatus.missing()).message()
                .contains("dumpcap cannot capture for you either (dumpcap is not installed)"));
        String refused = CaptureProblem.noPrivilege("lo", DumpcapStatus.refused(DUMPCAP,
                Dumpcap.firstMessage("Capturing on 'Loopback: lo'\ndumpcap: The capabilities of the capture device \"lo\""
                        + " could not be obtained (pcap_activate() failed: socket: Operation not permitted).\nPlease check"))).message(Locale.FRENCH);
        assertTrue(refused.contains("(/usr/bin/dumpcap n’a pas la capacité de capturer : The capabilities of the capture"
                + " device \"lo\" could not be obtained (pcap_activate() failed: socket: Operation not permitted))"), refused);
    }

    @Test
    void theSimulatorsCommandForTheScenarioAskedForReplacesTheGeneralOneInEitherLanguage() {
        CaptureProblem problem = CaptureProblem.noPrivilege("lo", DumpcapStatus.missing());
        String english = problem.messageSuggesting("wirelab simulate --scenario tcp-hello");
        String french = problem.messageSuggesting("wirelab simulate --scenario tcp-hello", Locale.FRENCH);
        assertTrue(english.endsWith("the simulator runs the same scenarios: `wirelab simulate --scenario tcp-hello`."), english);
        assertTrue(french.endsWith("le simulateur joue les mêmes scénarios : `wirelab simulate --scenario tcp-hello`."), french);
        assertFalse(french.contains("NOM"), french);
    }

    @Test
    void dumpcapsListingGivesTheLinkTypeItCapturesWith() {
        assertEquals(1, Dumpcap.firstLinkType("0\n1\tEN10MB\tEthernet\n"));
        assertEquals(113, Dumpcap.firstLinkType("0\n113\tLINUX_SLL\tLinux cooked v1\n1\tEN10MB\tEthernet\n"));
        assertEquals(-1, Dumpcap.firstLinkType("dumpcap: The capabilities of the capture device could not be obtained"));
    }
}
