package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;

/**
 * Shared bounds of the Lincheck data-structure tests, and why they are what they are.
 *
 * <ul>
 * <li><b>2 threads x 3 actors</b> (3 x 3 for the compound tests): every race between two holders and a
 *     releaser fits, and model checking explores such scenarios exhaustively enough per invocation; more
 *     actors grow the interleavings exponentially for little extra reach on a one-bit lock.</li>
 * <li><b>CI: 10 iterations x 200 invocations</b>. A Lincheck test costs seconds per thousand invocations on
 *     2 cores; at this size all the Lock and RLock Lincheck tests together stay around a
 *     minute, inside the per-primitive budget. <b>Deep: 40 x 3,000.</b></li>
 * <li><b>Timed operations</b> run in stress mode only: model checking freezes {@code System.nanoTime()},
 *     so a timed wait on a held lock never ends there. Their timeout is 1 ms, and they
 *     get fewer invocations (each failing one really waits).</li>
 * <li><b>No scenario minimisation</b> where an operation may block: a hang costs Lincheck's 30 s
 *     invocation timeout per minimisation attempt.</li>
 * </ul>
 *
 * <p>Every check method here is a plain no-argument method (no JUnit set-up), so the mutant meta-tests
 * can run it against a broken library.
 */
public abstract class LincheckBounds {

    static final int ITERATIONS = Depth.pick(10, 40);
    static final int INVOCATIONS = Depth.pick(200, 3_000);
    static final int TIMED_INVOCATIONS = Depth.pick(100, 1_000);
    /** Invocations of the hand-written {@code Lincheck.runConcurrentTest} scenarios. */
    static final int CONCURRENT_INVOCATIONS = Depth.pick(300, 10_000);

    /** Stress options at the shared bounds. */
    static StressOptions stress(int threads, int actors) {
        return new StressOptions().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(threads).actorsPerThread(actors);
    }

    /** Model-checking options at the shared bounds. */
    static ModelCheckingOptions modelChecking(int threads, int actors) {
        return new ModelCheckingOptions().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(threads).actorsPerThread(actors);
    }

    /** Stress options for tests with 1 ms timed operations. */
    static StressOptions timedStress() {
        return new StressOptions().iterations(ITERATIONS).invocationsPerIteration(TIMED_INVOCATIONS)
                .threads(2).actorsPerThread(3).minimizeFailedScenario(false);
    }

    /** Runs the check and records what it explored. */
    static void check(Options<?, ?> options, Class<?> test, int iterations, int invocations) {
        options.check(test);
        Evidence.explored((long) iterations * invocations, "invocations");
    }
}
