package org.wirelab.cli.lab;

import java.util.Locale;
import org.wirelab.capture.lab.LabConsole;
import org.wirelab.cli.LanguageConverter;
import picocli.CommandLine.Option;

/**
 * The {@code --lang} option of the lab's programs: what they print is in the system's language by
 * default (French on a French system, as the lab's Python programs print French; English otherwise).
 */
final class LabLanguage {
    @Option(names = "--lang", paramLabel = "LANG", converter = LanguageConverter.class,
            description = "en or fr: the language of what the program prints (default: the system's, French on a French system)")
    private Locale chosen;

    Locale language() {
        return chosen != null ? chosen : LabConsole.systemLanguage();
    }
}
