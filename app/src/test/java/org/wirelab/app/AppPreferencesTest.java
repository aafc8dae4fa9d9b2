package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreferencesTest {

    @Test
    void recentFilesNewestFirstWithoutDuplicatesOrVanishedFiles(@TempDir Path directory) throws Exception {
        Preferences node = Preferences.userRoot().node("wirelab-test-preferences");
        node.clear();
        AppPreferences preferences = new AppPreferences(node);
        Path a = Files.createFile(directory.resolve("a.pcap"));
        Path b = Files.createFile(directory.resolve("b.pcap"));
        Path c = Files.createFile(directory.resolve("c.pcap"));

        preferences.addRecentFile(a);
        preferences.addRecentFile(b);
        preferences.addRecentFile(c);
        preferences.addRecentFile(a);
        Files.delete(b);

        assertEquals(List.of(a, c), preferences.recentFiles());
        AppPreferences again = new AppPreferences(node);
        assertEquals(List.of(a, c), again.recentFiles(), "kept between runs");
        again.put("window.width", 1234);
        again.saveLocale(Locale.FRENCH);
        assertEquals(1234, new AppPreferences(node).get("window.width", 0));
        assertEquals(Locale.FRENCH, new AppPreferences(node).savedLocale(Locale.ENGLISH));
        node.removeNode();
    }
}
