package org.threading4j.checks.mutants;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Controls for the mutant framework itself: a mutant that changes nothing (an edited comment) must survive
 * every check, run the way the meta-tests run them (forked JVM, race seam on, Lincheck inside), and a
 * mutant that breaks something only an instrumented run sees must be caught by Lincheck's model checker,
 * which shows that Lincheck instruments the mutant's classes (it did not in a child-first class loader: see
 * {@link Catch}). Without these, "caught" could mean "the machinery broke".
 */
class MutantFrameworkTest {

    /** A no-op edit: a comment in the engine's queue lock. */
    static final Mutant IDENTITY = new Mutant("identity", "a comment edited, nothing else",
            "org/threading4j/internal/WaitQueue.java",
            "// the holder may be descheduled (2 cores, many threads): let it finish",
            "// (identity mutant: this comment was edited and nothing else)");

    /**
     * A try-acquire that reads the state and then writes it back minus a permit, instead of one CAS: two
     * threads can both take the only permit. Lincheck's model checker finds this at once, but only if it
     * instruments the library classes (it switches threads at their field accesses); run uninstrumented, the
     * two lines are practically atomic and the bug is not seen.
     */
    static final Mutant NON_ATOMIC_TRY_ACQUIRE = new Mutant("non-atomic-try-acquire",
            "tryAcquire reads the state, then writes it minus a permit, without a CAS",
            "org/threading4j/internal/PermitSync.java",
            "            if (STATE.compareAndSet(this, s, s - PERMIT)) {\n                return true;",
            "            if ((long) STATE.getAndSet(this, s - PERMIT) != -1L) {\n                return true;");

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: a no-op edit survives the stress checks (race seam on)",
            tool = Tool.MUTANT)
    @Verifies(primitive = "Lock", property = "mutual exclusion, no lost wake-up, no lost permit with race windows widened",
            tool = Tool.STRESS)
    void identitySurvivesLockStress() {
        try (RaceSeam on = RaceSeam.on()) {
            assertNull(Catch.run(IDENTITY, Check.of(LincheckProbe.class, "libraryIsTheMutant"), LIMIT));
            for (String check : new String[] {"freeForAll", "handOffsToOneWaiter", "handOffsToThreeWaiters",
                    "handOffsWithGivingUp"}) {
                String verdict = Catch.run(IDENTITY, Check.of(stress("LockStressTest"), check), LIMIT);
                if (verdict != null) {
                    throw new AssertionError("the identity mutant was 'caught' by " + check + ": " + verdict);
                }
            }
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
            for (String check : new String[] {"freeForAll", "handOffsToTwoWaiters"}) {
                String verdict = Catch.run(IDENTITY, Check.of(stress("RLockStressTest"), check), LIMIT);
                if (verdict != null) {
                    throw new AssertionError("the identity mutant was 'caught' by " + check + ": " + verdict);
                }
            }
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
            for (String check : new String[] {"cleanCycles", "timeoutsAndResets"}) {
                String verdict = Catch.run(IDENTITY, Check.of(stress("BarrierStressTest"), check), LIMIT);
                if (verdict != null) {
                    throw new AssertionError("the identity mutant was 'caught' by " + check + ": " + verdict);
                }
            }
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
            for (String check : new String[] {"deferredSignalRacesTheRelease", "signalRacesTimeoutAndInterrupt"}) {
                String verdict = Catch.run(IDENTITY, Check.of(stress("ConditionStressTest"), check), LIMIT);
                if (verdict != null) {
                    throw new AssertionError("the identity mutant was 'caught' by " + check + ": " + verdict);
                }
            }
        }
        Evidence.explored(2, "stress checks passed on the identity mutant with the race seam on");
    }

    /** The scheduling-stress JVM options used for the plain-store mutant do not make correct code fail. */
    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: a no-op edit survives under C2 scheduling stress",
            tool = Tool.MUTANT)
    void identitySurvivesSchedulingStress() {
        try (RaceSeam on = RaceSeam.on()) {
            String verdict = Catch.run(IDENTITY, Check.of(stress("LockStressTest"), "freeForAll"), LIMIT,
                    LockMutantsTest.SCHEDULING_STRESS);
            assertNull(verdict, "the identity mutant was 'caught' under scheduling stress");
        }
        Evidence.explored(1, "stress check passed on the identity mutant under C2 scheduling stress");
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: Lincheck runs in the mutant JVM; a no-op edit survives",
            tool = Tool.MUTANT)
    void identitySurvivesLincheck() {
        assertNull(Catch.run(IDENTITY, Check.of(LincheckProbe.class, "mutualExclusion"), LIMIT));
        // the Lock suite's own Lincheck scenario (lock-checks), run the way mutant checks run
        assertNull(Catch.run(IDENTITY, Check.of(named("lincheck.LockConcurrentTest"), "threeThreadsIncrement"), LIMIT));
        Evidence.explored(2, "Lincheck model-checking runs on the identity mutant");
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant framework: Lincheck instruments mutant-loaded classes "
            + "(a broken lock is caught by model checking)", tool = Tool.MUTANT)
    void lincheckCatchesABrokenMutant() {
        String line = Catch.assertCaught(NON_ATOMIC_TRY_ACQUIRE, LIMIT, Check.of(LincheckProbe.class, "mutualExclusion"));
    }

    @Test
    void anEditWhoseTextIsGoneFailsLoudly() {
        Mutant stale = new Mutant("stale", "text not in the file", "org/threading4j/internal/WaitQueue.java",
                "this text is not in WaitQueue.java", "x");
        assertThrows(IllegalStateException.class, () -> MutantLibrary.build(stale));
    }

    /** Check classes of the stress package are package-private: named, not referenced. */
    static Class<?> stress(String simpleName) {
        return named("stress." + simpleName);
    }

    /** A check class by its name under {@code org.threading4j.checks.} (check classes are package-private). */
    static Class<?> named(String name) {
        try {
            return Class.forName("org.threading4j.checks." + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
