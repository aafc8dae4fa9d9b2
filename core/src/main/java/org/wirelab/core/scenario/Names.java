package org.wirelab.core.scenario;

/** The one rule for actor names: short words that can head a log line. */
final class Names {
    private Names() {
    }

    static String check(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,15}")) {
            throw new IllegalArgumentException("an actor name is a lower-case word of at most 16 characters: " + name);
        }
        return name;
    }
}
