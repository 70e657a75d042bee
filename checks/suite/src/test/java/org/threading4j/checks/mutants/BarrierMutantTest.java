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
 * Broken Barriers that the checks must catch: each mutant ({@link MutantCatalogue}) is a one-place edit of the
 * library source, compiled and run against the real checks in a forked JVM.
 */
class BarrierMutantTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: generation not advanced on reset", tool = Tool.MUTANT)
    void generationNotAdvancedOnReset() {
        Catch.assertCaught(MutantCatalogue.BARRIER_RESET_KEEPS_GENERATION, LIMIT,
                Check.of(BarrierContractTest::primitiveResetReleasesWaiters));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: no drain phase between cycles", tool = Tool.MUTANT)
    void noDrainPhase() {
        // Drains are rare: a trip releases every parked party at once, so a cycle drains only when a party had
        // not parked yet when it tripped. The race seam widens that window (BarrierSync.waitForTrip).
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(MutantCatalogue.BARRIER_NO_DRAIN, LIMIT, Check.of(BarrierStressTest::cleanCycles));
        }
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: failing action does not break the barrier",
            tool = Tool.MUTANT)
    void failingActionDoesNotBreak() {
        Catch.assertCaught(MutantCatalogue.BARRIER_FAILING_ACTION_KEEPS_BARRIER, LIMIT,
                Check.of(BarrierContractTest::primitiveFailingActionBreaksTheBarrier));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: reversed index order (CyclicBarrier's)", tool = Tool.MUTANT)
    void reversedIndexOrder() {
        Catch.assertCaught(MutantCatalogue.BARRIER_REVERSED_INDEX, LIMIT,
                Check.of(BarrierContractTest::primitiveIndicesFollowArrivalOrder),
                Check.of(BarrierPropertyTest::randomScriptsAgreeWithTheModel));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught: a released party that helps wake the others claims one and never unparks it",
            tool = Tool.MUTANT)
    void helperClaimsWithoutUnparking() {
        Catch.assertCaught(MutantCatalogue.HELPER_DROPS_UNPARK, LIMIT, Check.of(BarrierStressTest::cleanCycles));
    }
}
