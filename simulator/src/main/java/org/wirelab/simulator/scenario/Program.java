package org.wirelab.simulator.scenario;

/** A simulated server program playing one {@link org.wirelab.core.scenario.Service}. */
interface Program {
    /** Exchanges finished, as {@link org.wirelab.core.scenario.Step.AwaitHandled} counts them. */
    long handled();
}
