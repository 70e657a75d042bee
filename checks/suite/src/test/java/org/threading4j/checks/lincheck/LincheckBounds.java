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
 * <p>The other Lincheck tests have bounds of their own, sized to what each explores, and take them from
 * here too ({@link Bounds} constants and invocation counts below), so that every Lincheck bound is in this
 * file and scaled by {@link Depth#pick}.
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

    /** One test's bounds: iterations and invocations per iteration (at this run's depth), threads, actors per thread. */
    record Bounds(int iterations, int invocations, int threads, int actors) {

        StressOptions stress() {
            return new StressOptions().iterations(iterations).invocationsPerIteration(invocations).threads(threads)
                    .actorsPerThread(actors);
        }

        ModelCheckingOptions modelChecking() {
            return new ModelCheckingOptions().iterations(iterations).invocationsPerIteration(invocations)
                    .threads(threads).actorsPerThread(actors);
        }

        /** The invocations explored, for {@code Evidence.explored}. */
        long explored() {
            return (long) iterations * invocations;
        }
    }

    /** Bounds whose iterations and invocations are {@code ci} in a CI run and {@code deep} in the main job. */
    static Bounds bounds(int ciIterations, int deepIterations, int ciInvocations, int deepInvocations, int threads,
            int actors) {
        return new Bounds(Depth.pick(ciIterations, deepIterations), Depth.pick(ciInvocations, deepInvocations), threads,
                actors);
    }

    /** {@code BarrierLincheckTest}. */
    static final Bounds BARRIER_STRESS = bounds(10, 100, 400, 5_000, 3, 3);
    /** {@code BarrierLincheckTest}. */
    static final Bounds BARRIER_MODEL = bounds(10, 100, 400, 5_000, 2, 3);
    /** {@code BoundedSemaphoreLincheckTest}. */
    static final Bounds BOUNDED_SEMAPHORE_STRESS = bounds(10, 100, 300, 5_000, 3, 2);
    /** {@code BoundedSemaphoreLincheckTest}. */
    static final Bounds BOUNDED_SEMAPHORE_MODEL = bounds(10, 100, 200, 3_000, 2, 3);
    /** {@code ConditionLincheckTest}. */
    static final Bounds CONDITION_STRESS = bounds(10, 100, 300, 5_000, 3, 2);
    /** {@code ConditionLincheckTest}. */
    static final Bounds CONDITION_MODEL = bounds(10, 100, 200, 5_000, 3, 2);
    /** {@code EventLincheckTest}. */
    static final Bounds EVENT_STRESS = bounds(10, 100, 300, 5_000, 3, 2);
    /** {@code EventLincheckTest}. */
    static final Bounds EVENT_MODEL = bounds(10, 100, 200, 5_000, 3, 2);
    /** {@code SemaphoreHoldLincheckTest}. */
    static final Bounds SEMAPHORE_HOLD_STRESS = bounds(10, 50, 500, 5_000, 3, 2);
    /** {@code SemaphoreHoldLincheckTest}. */
    static final Bounds SEMAPHORE_HOLD_MODEL = bounds(6, 50, 120, 3_000, 3, 2);
    /** {@code SemaphoreLincheckTest}. */
    static final Bounds SEMAPHORE_STRESS = bounds(8, 100, 200, 5_000, 3, 2);
    /** {@code SemaphoreLincheckTest}. */
    static final Bounds SEMAPHORE_MODEL = bounds(8, 100, 150, 3_000, 3, 2);
    /** {@code SemaphoreTimedLincheckTest}. */
    static final Bounds SEMAPHORE_TIMED_STRESS = bounds(10, 60, 200, 2_000, 3, 3);
    /** {@code TimerLincheckTest}. */
    static final Bounds TIMER_STRESS = bounds(20, 100, 500, 5_000, 3, 2);
    /** {@code TimerLincheckTest}. */
    static final Bounds TIMER_MODEL = bounds(20, 100, 500, 5_000, 3, 2);

    /** {@code BarrierConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int BARRIER_CONCURRENT = Depth.pick(600, 10_000);
    /** {@code TimerConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int TIMER_CONCURRENT = Depth.pick(2_000, 20_000);
    /** {@code WakeUpConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int WAKE_UP_CONCURRENT = Depth.pick(250, 10_000);
    /** {@code EventConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int EVENT_SET_AND_CLEAR = Depth.pick(1_500, 20_000);
    /** {@code EventConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int EVENT_CONCURRENT = Depth.pick(1_000, 20_000);
    /** {@code ConditionConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int CONDITION_SIGNAL_RACE = Depth.pick(1_000, 20_000);
    /** {@code ConditionConcurrentLincheckTest}: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int CONDITION_RLOCK_HOLDS = Depth.pick(500, 20_000);
    /** {@code SemaphoreConcurrentLincheckTest}, four-thread scenarios: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int SEMAPHORE_FOUR_THREADS = Depth.pick(250, 10_000);
    /** {@code SemaphoreConcurrentLincheckTest}, three-thread scenarios: invocations of {@code Lincheck.runConcurrentTest}. */
    static final int SEMAPHORE_THREE_THREADS = Depth.pick(300, 15_000);

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
