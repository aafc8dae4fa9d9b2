package org.wirelab.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing with Jazzer (libFuzzer's engine for the JVM: inputs are mutated towards
 * branches not reached yet) of the readers, every decoder, the analysis and the display filters
 * ({@link FuzzTargets}).
 *
 * <p>In a plain test run each target runs on its seeds (src/test/resources/.../CaptureFuzzTestInputs)
 * and on any input a fuzzing run saved there as a failure. {@code mvn verify} also fuzzes
 * {@link #everyTargetBriefly} for 10 seconds (the "fuzz" execution of core's pom, with JAZZER_FUZZ=1;
 * Jazzer fuzzes one test per run). {@code bench/fuzz-jazzer.sh} fuzzes for as long as asked.
 */
class CaptureFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytesAsACaptureFile(byte[] bytes) {
        FuzzTargets.captureFile(bytes);
    }

    @FuzzTest(maxDuration = "10s")
    void anyFramesOfAnyLinkType(FuzzedDataProvider data) {
        FuzzTargets.frames(data);
    }

    @FuzzTest(maxDuration = "10s")
    void anyDisplayFilter(FuzzedDataProvider data) {
        FuzzTargets.displayFilter(data.consumeRemainingAsString());
    }

    /** Each input goes to the target its first byte picks: the three in one fuzzing run. */
    @FuzzTest(maxDuration = "10s")
    void everyTargetBriefly(FuzzedDataProvider data) {
        FuzzTargets.fuzzerTestOneInput(data);
    }
}
