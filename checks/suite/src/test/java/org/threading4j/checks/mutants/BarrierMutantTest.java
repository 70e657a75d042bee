package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.BarrierContractTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.property.BarrierPropertyTest;
import org.threading4j.checks.stress.BarrierStressTest;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Barriers that the checks must catch: each mutant is a one-place edit of the library source,
 * compiled and run against the real checks in a class loader of its own.
 */
class BarrierMutantTest {

    private static final String SYNC = "org/threading4j/internal/BarrierSync.java";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: generation not advanced on reset", tool = Tool.MUTANT)
    void generationNotAdvancedOnReset() {
        Mutant m = new Mutant("barrier-reset-keeps-generation",
                "reset() with waiters moves to RESETTING without starting a new generation", SYNC,
                "? (((s & ~PHASE_MASK) | RESETTING) + GEN_ONE) & ~QUEUED",
                "? ((s & ~PHASE_MASK) | RESETTING) & ~QUEUED");
        Catch.assertCaught(m, LIMIT, Check.of(BarrierContractTest.class, "primitiveResetReleasesWaiters"));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: no drain phase between cycles", tool = Tool.MUTANT)
    void noDrainPhase() {
        Mutant m = new Mutant("barrier-no-drain",
                "an arrival joins while the previous cycle is still draining", SYNC,
                "if (phase(s) == FILLING && c < parties && STATE.compareAndSet(this, s, arrive(s, c))) {",
                "if ((phase(s) == FILLING || phase(s) == DRAINING) && c < parties"
                        + " && STATE.compareAndSet(this, s, arrive(s, c))) {");
        // Drains are rare: a trip releases every parked party at once, so a cycle drains only when a party had
        // not parked yet when it tripped. The race seam widens that window (BarrierSync.waitForTrip).
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(m, LIMIT, Check.of(BarrierStressTest.class, "cleanCycles"));
        }
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: failing action does not break the barrier",
            tool = Tool.MUTANT)
    void failingActionDoesNotBreak() {
        Mutant m = new Mutant("barrier-failing-action-keeps-barrier",
                "the action's exception goes to its runner but the barrier is not broken", SYNC,
                "if (gen(s) != myGen) {\n                        break; // a reset() or abort() (in the action or",
                "if (true) {\n                        break; // a reset() or abort() (in the action or");
        Catch.assertCaught(m, LIMIT, Check.of(BarrierContractTest.class, "primitiveFailingActionBreaksTheBarrier"));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: reversed index order (CyclicBarrier's)", tool = Tool.MUTANT)
    void reversedIndexOrder() {
        Mutant m = new Mutant("barrier-reversed-index",
                "await() returns parties - 1 - arrival order, as CyclicBarrier does", "org/threading4j/Barrier.java",
                "return sync.await(nanos >= 0L && nanos < WaitQueue.FOREVER, nanos);",
                "return sync.parties() - 1 - sync.await(nanos >= 0L && nanos < WaitQueue.FOREVER, nanos);");
        Catch.assertCaught(m, LIMIT, Check.of(BarrierContractTest.class, "primitiveIndicesFollowArrivalOrder"),
                Check.of(BarrierPropertyTest.class, "randomScriptsAgreeWithTheModel"));
    }

    /**
     * A woken thread helping with a shared wake-up ({@code WaitQueue.helpUnpark}) claims the next waiter and
     * never unparks it; the waker skips claimed waiters, so that one sleeps for ever. Used by Barrier (trip)
     * and Event ({@code set()}).
     */
    static final Mutant HELPER_DROPS_UNPARK = new Mutant("helper-drops-unpark",
            "a woken thread helping with a shared wake-up claims the next waiter but does not unpark it",
            "org/threading4j/internal/WaitQueue.java",
            "                return;\n            }\n            LockSupport.unpark(w.thread);",
            "                return;\n            }\n            /* LockSupport.unpark(w.thread); removed */");

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: a released party that helps wake the others claims one and never unparks it",
            tool = Tool.MUTANT)
    void helperClaimsWithoutUnparking() {
        Catch.assertCaught(HELPER_DROPS_UNPARK, LIMIT, Check.of(BarrierStressTest.class, "cleanCycles"));
    }
}
