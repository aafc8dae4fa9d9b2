package org.wirelab.simulator.engine;

/** Something that happens at one instant of virtual time: a frame arriving, a timer expiring. */
@FunctionalInterface
public interface Event {
    void fire();
}
