package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.SemaphorePrimitiveContractTest;
import org.threading4j.checks.lincheck.BoundedSemaphoreLincheckTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.property.SemaphorePropertyTest;
import org.threading4j.checks.stress.BoundedSemaphoreStressTest;
import org.threading4j.checks.stress.SemaphoreStressTest;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Semaphore/BoundedSemaphore engines ({@link MutantCatalogue}), each of which some real check must
 * report. The checks run unchanged against the mutated library (see {@link MutantLibrary}); the first one that
 * fails is recorded in the report row.
 */
class SemaphoreMutantsTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: racing releases that wake one waiter", tool = Tool.MUTANT)
    void wakeOneIsCaught() {
        Catch.assertCaught(MutantCatalogue.SEMAPHORE_WAKE_ONE, LIMIT,
                Check.of(SemaphoreStressTest::racingReleasesWakeEveryWaiter));
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "mutant caught: bound check separate from the increment", tool = Tool.MUTANT)
    void splitBoundCheckIsCaught() {
        // the race seam pauses right between the mutant's bound check and its add (PermitSync.release)
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(MutantCatalogue.SPLIT_BOUND_CHECK, LIMIT,
                    Check.of(BoundedSemaphoreStressTest::racingReleasesExactlyOneSucceeds));
        }
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "mutant caught: bound check separate from the increment", tool = Tool.MUTANT)
    void splitBoundCheckIsCaughtByModelChecking() {
        // about 40 s on a loaded 2-core box: the main job only; CI relies on the stress catch above
        Assumptions.assumeTrue(Depth.current() == Depth.DEEP, "deep runs only");
        Catch.assertCaught(MutantCatalogue.SPLIT_BOUND_CHECK, LIMIT, Check.of(BoundedSemaphoreLincheckTest::modelChecking));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: timed-out waiter drops a handed permit", tool = Tool.MUTANT)
    void timedOutDropsGrantIsCaught() {
        Catch.assertCaught(MutantCatalogue.TIMED_OUT_DROPS_GRANT, LIMIT,
                Check.of(SemaphoreStressTest::permitsConservedUnderTimeoutsAndInterrupts));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: interrupted waiter drops a handed permit", tool = Tool.MUTANT)
    void interruptedDropsGrantIsCaught() {
        Catch.assertCaught(MutantCatalogue.INTERRUPTED_DROPS_GRANT, LIMIT,
                Check.of(SemaphorePrimitiveContractTest::interruptAtHandOffKeepsThePermit),
                Check.of(SemaphoreStressTest::permitsConservedUnderTimeoutsAndInterrupts));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught: release(n) adds one permit (the property test can fail)", tool = Tool.MUTANT)
    void releaseNAddsOneIsCaught() {
        Catch.assertCaught(MutantCatalogue.RELEASE_N_ADDS_ONE, LIMIT, Check.of(SemaphorePropertyTest::realFollowsSpec));
    }
}
