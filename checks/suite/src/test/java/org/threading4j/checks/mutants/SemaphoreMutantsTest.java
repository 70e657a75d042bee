package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.lincheck.BoundedSemaphoreLincheckTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Semaphore/BoundedSemaphore engines, each of which some real check must report. The checks run
 * unchanged against the mutated library (see {@link MutantLibrary}); the first one that fails is recorded
 * in the report row.
 */
class SemaphoreMutantsTest {

    private static final String PERMIT_SYNC = "org/threading4j/internal/PermitSync.java";
    private static final Duration LIMIT = Duration.ofMinutes(3);

    /** Racing releases that wake one waiter: release(n) wakes one waiter whatever n is. */
    static final Mutant WAKE_ONE = new Mutant("semaphore-release-wakes-one",
            "release(n) wakes one waiter instead of min(n, waiters)", PERMIT_SYNC,
            "int wake = Math.min(n, sizeLocked());",
            "int wake = Math.min(1, sizeLocked());");

    /** The bound check is one read, the increment an unconditional add: two racing releases both pass. */
    static final Mutant SPLIT_BOUND_CHECK = new Mutant("boundedsemaphore-split-bound-check",
            "bound checked on one read, then an unconditional getAndAdd", PERMIT_SYNC,
            "            if (STATE.compareAndSet(this, s, s + n * PERMIT)) {\n                return true;\n            }",
            "            long unused = (long) STATE.getAndAdd(this, (long) n * PERMIT);\n            return true;");

    /** A timed waiter handed a permit just as its deadline passes reports a timeout and drops the permit. */
    static final Mutant TIMED_OUT_DROPS_GRANT = new Mutant("semaphore-timeout-drops-handed-permit",
            "a timed waiter handed a permit at its deadline returns false and drops it", PERMIT_SYNC,
            "            int outcome = park(w, interruptible, timed, deadline);\n",
            "            int outcome = park(w, interruptible, timed, deadline);\n"
                    + "            if (outcome == GRANTED && timed && deadline - System.nanoTime() <= 0L) {\n"
                    + "                return TIMED_OUT;\n"
                    + "            }\n");

    /** An interrupted waiter handed a permit throws InterruptedException and drops the permit. */
    static final Mutant INTERRUPTED_DROPS_GRANT = new Mutant("semaphore-interrupt-drops-handed-permit",
            "an interrupted waiter handed a permit throws and drops it", PERMIT_SYNC,
            "            int outcome = park(w, interruptible, timed, deadline);\n",
            "            int outcome = park(w, interruptible, timed, deadline);\n"
                    + "            if (outcome == GRANTED && interruptible && Thread.interrupted()) {\n"
                    + "                return INTERRUPTED;\n"
                    + "            }\n");

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: racing releases that wake one waiter", tool = Tool.MUTANT)
    void wakeOneIsCaught() {
        Catch.assertCaught(WAKE_ONE, LIMIT,
                Check.of(org.threading4j.checks.stress.SemaphoreStressTest.class, "racingReleasesWakeEveryWaiter"));
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "mutant caught: bound check separate from the increment", tool = Tool.MUTANT)
    void splitBoundCheckIsCaught() {
        Catch.assertCaught(SPLIT_BOUND_CHECK, LIMIT,
                Check.of(org.threading4j.checks.stress.BoundedSemaphoreStressTest.class, "racingReleasesExactlyOneSucceeds"),
                Check.of(BoundedSemaphoreLincheckTest.class, "modelChecking"));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: timed-out waiter drops a handed permit", tool = Tool.MUTANT)
    void timedOutDropsGrantIsCaught() {
        Catch.assertCaught(TIMED_OUT_DROPS_GRANT, LIMIT,
                Check.of(org.threading4j.checks.stress.SemaphoreStressTest.class, "permitsConservedUnderTimeoutsAndInterrupts"));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: interrupted waiter drops a handed permit", tool = Tool.MUTANT)
    void interruptedDropsGrantIsCaught() {
        Catch.assertCaught(INTERRUPTED_DROPS_GRANT, LIMIT,
                Check.of(org.threading4j.checks.stress.SemaphoreStressTest.class, "permitsConservedUnderTimeoutsAndInterrupts"));
    }
}
