package org.wirelab.capture.live;

/**
 * Run in a child JVM by {@link CaptureUnavailableTest}: prints "AVAILABLE", or the problem's kind on
 * the first line and its message on the second.
 */
public final class AvailabilityProbeMain {
    private AvailabilityProbeMain() {
    }

    public static void main(String[] args) {
        System.out.println(CaptureAvailability.check()
                .map(problem -> problem.kind() + "\n" + problem.message())
                .orElse("AVAILABLE"));
    }
}
