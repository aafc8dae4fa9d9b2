package org.wirelab.capture.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.IpVersion;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.testing.HeldPort;

/** A student's server on the lab's port: the scenario moves to a free port by itself and says so. */
class TakenPortsTest {

    @Test
    void aTakenLabPortMovesAndTheScenarioStillRuns() {
        Scenario lab = Scenarios.named(Scenarios.TCP_HELLO, Scenarios.Parameters.DEFAULTS);
        int labPort = lab.ports().get(0).port();
        try (HeldPort student = HeldPort.tcp(labPort)) {
            TakenPorts moved = TakenPorts.avoid(lab, IpVersion.IPV4);
            assertTrue(moved.any(), "port " + labPort + " is held, so the scenario moves");
            int instead = moved.moved().get(labPort);
            assertNotEquals(labPort, instead);
            assertEquals(instead, moved.scenario().ports().get(0).port());
            assertEquals("port " + labPort + " is already in use by another program, so tcp-hello runs on port "
                    + instead + " instead", moved.sentence(Locale.ENGLISH));
            assertEquals("le port " + labPort + " est déjà occupé par un autre programme : tcp-hello passe donc sur le port "
                    + instead, moved.sentence(Locale.FRENCH));
            ScenarioLog log = ScenarioRunner.run(moved.scenario(), RunOptions.defaults());
            assertTrue(log.succeeded(), () -> String.join("\n", log.lines()));
        }
    }

    @Test
    void freePortsStayWhereTheyAre() {
        Scenario elsewhere = FreePorts.remap(Scenarios.named(Scenarios.UDP_ECHO, Scenarios.Parameters.DEFAULTS),
                IpVersion.IPV4);
        TakenPorts kept = TakenPorts.avoid(elsewhere, IpVersion.IPV4);
        assertFalse(kept.any());
        assertEquals(elsewhere, kept.scenario());
        assertEquals("", kept.sentence(Locale.FRENCH));
    }
}
