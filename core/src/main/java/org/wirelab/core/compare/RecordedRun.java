package org.wirelab.core.compare;

import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.scenario.ScenarioLog;

/** A scenario that ran somewhere (on the loopback under capture, in the simulator): its frames and its log. */
public record RecordedRun(FrameStore frames, ScenarioLog log) {
}
