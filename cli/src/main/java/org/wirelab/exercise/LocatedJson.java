package org.wirelab.exercise;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON read with Jackson's streaming parser into a small tree whose every value remembers the line it
 * starts on, so that an exercise file's errors can name the line, for bad syntax and bad content alike.
 * Duplicate keys are errors (Jackson's strict duplicate detection).
 */
sealed interface LocatedJson {
    int line();

    record Text(int line, String value) implements LocatedJson {
    }

    record Num(int line, Number value, boolean integral) implements LocatedJson {
    }

    record Bool(int line, boolean value) implements LocatedJson {
    }

    record Null(int line) implements LocatedJson {
    }

    record Items(int line, List<LocatedJson> items) implements LocatedJson {
    }

    record Members(int line, Map<String, LocatedJson> members, Map<String, Integer> keyLines) implements LocatedJson {
    }

    /** A syntax error at {@code line}. */
    final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    static LocatedJson parse(String text) throws SyntaxError {
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new SyntaxError(1, "the file is empty: an exercise is one JSON object");
            }
            LocatedJson value = read(parser);
            if (parser.nextToken() != null) {
                throw new SyntaxError(line(parser), "more after the end of the exercise's object");
            }
            return value;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new SyntaxError(line, "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "));
        } catch (IOException e) {
            throw new SyntaxError(1, "cannot read: " + e.getMessage());
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static LocatedJson read(JsonParser parser) throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, LocatedJson> members = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    keyLines.put(key, line(parser));
                    parser.nextToken();
                    members.put(key, read(parser));
                }
                return new Members(line, members, keyLines);
            }
            case START_ARRAY -> {
                List<LocatedJson> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new Items(line, items);
            }
            case VALUE_STRING -> {
                return new Text(line, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Num(line, parser.getNumberValue(), true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Num(line, parser.getNumberValue(), false);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Bool(line, token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return new Null(line);
            }
        }
    }
}
