package org.wirelab.cli;

import java.util.Iterator;
import org.wirelab.core.scenario.Scenarios;

/** The scenario names, for picocli's help text ({@code ${COMPLETION-CANDIDATES}}) and shell completion. */
public final class ScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Scenarios.names().iterator();
    }
}
