package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.ScenarioCatalog;
import org.wirelab.core.scenario.Scenarios;

/** The simulator runs every scenario of the catalog, each on the link the catalog gives it. */
class ScenarioCatalogSetupsTest {

    @Test
    void everyEntryHasASetupOnItsDefaultLink() {
        assertEquals(ScenarioCatalog.names(ScenarioCatalog.all()), SimulatedScenarios.names());
        for (ScenarioCatalog.Entry entry : ScenarioCatalog.all()) {
            SimulatedScenarios.Setup setup = SimulatedScenarios.named(entry.name(), Scenarios.Parameters.DEFAULTS);
            assertEquals(entry.name(), setup.name());
            if (entry.link().isLoopback()) {
                assertNull(setup.delay(), entry.name() + ": the loopback's delay unless the user sets one");
                assertEquals(0, setup.mtu(), entry.name() + ": the loopback's MTU");
            } else {
                assertEquals(entry.link().delay(), setup.delay(), entry.name());
                assertEquals(entry.link().mtu(), setup.mtu(), entry.name());
            }
        }
    }

    @Test
    void theTeachingDelayIsWhatTheSimulationRunsWith() {
        SimulationOptions options = SimulatedScenarios.named(ScenarioCatalog.LOST_DATA, Scenarios.Parameters.DEFAULTS)
                .options(SimulationOptions.defaults(), false);
        assertEquals(ScenarioCatalog.DefaultLink.TEACHING.delay(), options.link().delay());
        assertEquals(ScenarioCatalog.DefaultLink.TEACHING.mtu(), options.tcp().mtu());
    }
}
