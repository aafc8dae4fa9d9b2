package org.wirelab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * What the application remembers between runs (java.util.prefs, per user): the window's place and
 * size, the split positions, the language and the recent files.
 */
public final class AppPreferences {
    private static final int RECENT = 8;
    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    public static AppPreferences user() {
        return new AppPreferences(Preferences.userNodeForPackage(AppPreferences.class));
    }

    public double get(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void put(String key, double value) {
        node.putDouble(key, value);
    }

    public Locale savedLocale(Locale fallback) {
        String tag = node.get("locale", "");
        return tag.isEmpty() ? fallback : Locale.forLanguageTag(tag);
    }

    public void saveLocale(Locale locale) {
        node.put("locale", locale.toLanguageTag());
    }

    /** The recent files that still exist, newest first. */
    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String path = node.get("recent." + i, "");
            if (!path.isEmpty() && Files.isRegularFile(Path.of(path))) {
                files.add(Path.of(path));
            }
        }
        return files;
    }

    public void addRecentFile(Path file) {
        List<Path> files = recentFiles();
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        for (int i = 0; i < RECENT; i++) {
            node.put("recent." + i, i < files.size() ? files.get(i).toString() : "");
        }
    }
}
