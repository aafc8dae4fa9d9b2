package org.wirelab.core.check;

import java.util.List;

/** The checks of one lab step on one capture, in order; the step passes when every check does. */
public record CheckReport(LabStep step, int port, List<Check> checks) {

    public CheckReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public long passedCount() {
        return checks.stream().filter(Check::passed).count();
    }
}
