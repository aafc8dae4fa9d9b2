package org.wirelab.core.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Bundles;
import org.wirelab.core.testing.Corpus;

/** A damaged file's problems, said in English as the command line always has, and in French. */
class ReadProblemTest {

    @Test
    void aTruncatedFileIsSaidInFrenchWithTheSameNumbers() throws IOException {
        CaptureFile file = CaptureFiles.read(Corpus.capture("dpkt__truncated_dns_2.pcap"));
        ReadProblem problem = file.problems().get(0);
        assertEquals("file ends in the middle of frame 2 at byte 240: 7 of 16 header bytes", problem.text(Locale.ENGLISH));
        assertEquals("le fichier s’arrête au milieu de la trame 2, à l’octet 240 : 7 octets d’en-tête sur 16",
                problem.text(Locale.FRANCE));
    }

    @Test
    void aRefusedFileNestsItsCauseInTheSameLanguageAndWritesNumbersAsFrenchDoes() {
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> CaptureFiles.read(Corpus.capture("libpcap__shb-option-too-long.pcapng")));
        String twelveThousand = NumberFormat.getIntegerInstance(Locale.FRENCH).format(12336);
        assertNotEquals("12336", twelveThousand, "French groups the thousands");
        String french = e.problem().text(Locale.FRENCH);
        assertTrue(french.startsWith("fichier pcapng abîmé : le bloc d’en-tête de section à l’octet 0 a une option"
                + " (code 12336) de longueur " + twelveThousand + " qui déborde du bloc de "), french);
        assertEquals(e.getMessage(), e.problem().text(Locale.ENGLISH));
        assertTrue(e.getMessage().startsWith("damaged pcapng file: the section header block at byte 0 has an option"
                + " (code 12336) of length 12336 that overruns"), e.getMessage());
    }

    @Test
    void everySentenceHasAFrenchOneWithTheSameValues() {
        Bundles.assertEverySentenceTranslatedWithTheSameValues(ReadProblem.class, "ReadProblems");
    }

    @Test
    void theCommandLineKeepsTheEnglishWarnings() throws IOException {
        CaptureFile file = CaptureFiles.read(Corpus.capture("dpkt__truncated_dns_2.pcap"));
        assertEquals(List.of("file ends in the middle of frame 2 at byte 240: 7 of 16 header bytes"), file.warnings());
    }
}
