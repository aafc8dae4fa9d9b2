package org.wirelab.core.decode.words;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English phrases of the decoders (value words, nameless labels, layer titles) and their translation,
 * read from a UTF-8 list of {@code English => translation} lines. A phrase without placeholders is
 * translated when the whole text equals it; a template such as {@code {0} bytes ({1})} when the whole
 * text matches it, its parts being translated in turn ("20 bytes (5)", "Port unreachable"). The
 * template with the most fixed text wins. Text that matches nothing is returned as it is.
 */
final class Phrasebook {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");
    /** Parts are translated again, but not forever: "{0} ({1})" inside "{0} ({1})" ... */
    private static final int MAX_DEPTH = 4;

    private final Map<String, String> exact = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    /**
     * A template read two ways: parts as short as possible ("8 (Echo (ping) request)": 8, then the name),
     * and as long as possible ("End of Option List (EOL) (0)": the name, then 0); the first way that
     * translates something wins.
     */
    private record Template(Pattern shortest, Pattern longest, String translation, int fixedLength) {
    }

    static Phrasebook empty() {
        return new Phrasebook();
    }

    /** Reads {@code resource} (a class-path path); a missing resource gives an empty phrasebook. */
    static Phrasebook read(String resource) {
        Phrasebook book = new Phrasebook();
        try (InputStream in = Phrasebook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return book;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int arrow = line.indexOf(" => ");
                if (arrow < 0) {
                    throw new IllegalStateException(resource + " line " + number + " has no ' => ': " + line);
                }
                book.add(line.substring(0, arrow).strip(), line.substring(arrow + 4).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        book.templates.sort(Comparator.comparingInt(Template::fixedLength).reversed());
        return book;
    }

    private void add(String english, String translation) {
        if (!PLACEHOLDER.matcher(english).find()) {
            exact.put(english, translation);
            return;
        }
        StringBuilder shortest = new StringBuilder("^");
        StringBuilder longest = new StringBuilder("^");
        Matcher placeholder = PLACEHOLDER.matcher(english);
        int at = 0;
        int fixed = 0;
        while (placeholder.find()) {
            String literal = Pattern.quote(english.substring(at, placeholder.start()));
            fixed += placeholder.start() - at;
            shortest.append(literal).append("(?<p").append(placeholder.group(1)).append(">.+?)");
            longest.append(literal).append("(?<p").append(placeholder.group(1)).append(">.+)");
            at = placeholder.end();
        }
        String end = Pattern.quote(english.substring(at)) + "$";
        fixed += english.length() - at;
        templates.add(new Template(Pattern.compile(shortest + end, Pattern.DOTALL),
                Pattern.compile(longest + end, Pattern.DOTALL), translation, fixed));
    }

    /** Whether {@code text} is translated by this phrasebook (exactly or by a template). */
    boolean knows(String text) {
        return !translate(text).equals(text);
    }

    String translate(String text) {
        return translate(text, 0);
    }

    private String translate(String text, int depth) {
        String found = exact.get(text);
        if (found != null) {
            return found;
        }
        if (depth >= MAX_DEPTH || text.isEmpty()) {
            return text;
        }
        for (Template template : templates) {
            for (Pattern english : List.of(template.shortest(), template.longest())) {
                Matcher match = english.matcher(text);
                if (match.matches()) {
                    String result = fill(template.translation(), match, depth);
                    // A template that only re-joins untranslated parts ("{0} ({1})") is no translation.
                    if (!result.equals(text)) {
                        return result;
                    }
                }
            }
        }
        return text;
    }

    private String fill(String translation, Matcher match, int depth) {
        Matcher placeholder = PLACEHOLDER.matcher(translation);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String part = match.group("p" + placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(translate(part, depth + 1)));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
