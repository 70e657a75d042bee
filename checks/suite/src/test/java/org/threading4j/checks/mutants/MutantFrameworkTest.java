package org.threading4j.checks.mutants;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.lincheck.LockConcurrentTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.stress.BarrierStressTest;
import org.threading4j.checks.stress.ConditionStressTest;
import org.threading4j.checks.stress.LockStressTest;
import org.threading4j.checks.stress.RLockStressTest;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Controls for the mutant framework itself: a mutant that changes nothing (an added comment,
 * {@link MutantCatalogue#IDENTITY}) must survive every check, run the way the meta-tests run them (forked JVM,
 * race seam on, Lincheck inside), and a mutant that breaks something only an instrumented run sees
 * ({@link MutantCatalogue#NON_ATOMIC_TRY_ACQUIRE}) must be caught by Lincheck's model checker, which shows that
 * Lincheck instruments the mutant's classes (it did not in a child-first class loader: see {@link Catch}).
 * Without these, "caught" could mean "the machinery broke".
 */
class MutantFrameworkTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    /** Runs each check on the identity mutant; fails at the first that "catches" it. */
    private static void identitySurvives(Check... checks) {
        for (Check check : checks) {
            String verdict = Catch.run(MutantCatalogue.IDENTITY, check, LIMIT);
            if (verdict != null) {
                throw new AssertionError("the identity mutant was 'caught' by " + check + ": " + verdict);
            }
        }
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: a no-op edit survives the stress checks (race seam on)",
            tool = Tool.MUTANT)
    @Verifies(primitive = "Lock", property = "mutual exclusion, no lost wake-up, no lost permit with race windows widened",
            tool = Tool.STRESS)
    void identitySurvivesLockStress() {
        try (RaceSeam on = RaceSeam.on()) {
            identitySurvives(Check.of(LincheckProbe::libraryIsTheMutant), Check.of(LockStressTest::freeForAll),
                    Check.of(LockStressTest::handOffsToOneWaiter), Check.of(LockStressTest::handOffsToThreeWaiters),
                    Check.of(LockStressTest::handOffsWithGivingUp));
        }
        Evidence.explored(4, "stress checks passed on the identity mutant with the race seam on");
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant framework: a no-op edit survives the stress checks (race seam on)",
            tool = Tool.MUTANT)
    @Verifies(primitive = "RLock", property = "mutual exclusion, no lost wake-up, owner checks with race windows widened",
            tool = Tool.STRESS)
    void identitySurvivesRLockStress() {
        try (RaceSeam on = RaceSeam.on()) {
            identitySurvives(Check.of(RLockStressTest::freeForAll), Check.of(RLockStressTest::handOffsToTwoWaiters));
        }
        Evidence.explored(2, "stress checks passed on the identity mutant with the race seam on");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant framework: a no-op edit survives the stress checks (race seam on)",
            tool = Tool.MUTANT)
    @Verifies(primitive = "Barrier", property = "clean cycles and drains with race windows widened (parties often not yet parked at the trip)",
            tool = Tool.STRESS)
    void identitySurvivesBarrierStress() {
        try (RaceSeam on = RaceSeam.on()) {
            identitySurvives(Check.of(BarrierStressTest::cleanCycles), Check.of(BarrierStressTest::timeoutsAndResets));
        }
        Evidence.explored(2, "stress checks passed on the identity mutant with the race seam on");
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant framework: a no-op edit survives the stress checks (race seam on)",
            tool = Tool.MUTANT)
    @Verifies(primitive = "Condition", property = "no lost wake-up of a deferred signal racing the release, race windows widened",
            tool = Tool.STRESS)
    void identitySurvivesConditionStress() {
        try (RaceSeam on = RaceSeam.on()) {
            identitySurvives(Check.of(ConditionStressTest::deferredSignalRacesTheRelease),
                    Check.of(ConditionStressTest::signalRacesTimeoutAndInterrupt));
        }
        Evidence.explored(2, "stress checks passed on the identity mutant with the race seam on");
    }

    /** The scheduling-stress JVM options used for the plain-store mutant do not make correct code fail. */
    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: a no-op edit survives under C2 scheduling stress",
            tool = Tool.MUTANT)
    void identitySurvivesSchedulingStress() {
        try (RaceSeam on = RaceSeam.on()) {
            String verdict = Catch.run(MutantCatalogue.IDENTITY, Check.of(LockStressTest::freeForAll), LIMIT,
                    LockMutantsTest.SCHEDULING_STRESS);
            assertNull(verdict, "the identity mutant was 'caught' under scheduling stress");
        }
        Evidence.explored(1, "stress check passed on the identity mutant under C2 scheduling stress");
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: Lincheck runs in the mutant JVM; a no-op edit survives",
            tool = Tool.MUTANT)
    void identitySurvivesLincheck() {
        // the probe, and the Lock suite's own Lincheck scenario (lock-checks), run the way mutant checks run
        identitySurvives(Check.of(LincheckProbe::mutualExclusion), Check.of(LockConcurrentTest::threeThreadsIncrement));
        Evidence.explored(2, "Lincheck model-checking runs on the identity mutant");
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: Lincheck instruments mutant-loaded classes "
            + "(a broken lock is caught by model checking)", tool = Tool.MUTANT)
    void lincheckCatchesABrokenMutant() {
        Catch.assertCaught(MutantCatalogue.NON_ATOMIC_TRY_ACQUIRE, LIMIT, Check.of(LincheckProbe::mutualExclusion));
    }
}
