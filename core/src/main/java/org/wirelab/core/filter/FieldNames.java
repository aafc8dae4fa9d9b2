package org.wirelab.core.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wirelab.core.fields.FieldTypes;

/** Suggestions for a mistyped field name: the known names nearest to it by edit distance. */
public final class FieldNames {
    private FieldNames() {
    }

    /** Up to {@code count} known names close to {@code name}, nearest first; none when nothing is close. */
    public static List<String> nearest(String name, int count) {
        record Scored(String name, int distance) {
        }
        int limit = Math.max(2, name.length() / 3);
        List<Scored> scored = new ArrayList<>();
        for (String known : FieldTypes.names()) {
            int distance = distance(name, known);
            if (distance <= limit || known.startsWith(name + ".")) {
                scored.add(new Scored(known, distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(count).map(Scored::name).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
