package org.wirelab.cli.simulate;

import java.util.Iterator;
import org.wirelab.simulator.SimulatedScenarios;

/** The scenarios {@code simulate} knows, for its help and shell completion. */
public final class SimulatedScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return SimulatedScenarios.names().iterator();
    }
}
