package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.RLockContractTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.stress.RLockStressTest;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Mutant meta-tests for RLock: one-place edits of {@code RLock.java} (and one of the shared engine, seen
 * through RLock), each asserted caught by a real check (the RLock stress harness), run as in
 * {@link LockMutantsTest}.
 */
class RLockMutantsTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    static void assertCaught(Mutant m, Check... checks) {
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(m, LIMIT, checks);
        }
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: release() by a non-owner accepted is caught", tool = Tool.MUTANT)
    void releaseByNonOwnerAccepted() {
        assertCaught(MutantCatalogue.RLOCK_NON_OWNER_RELEASE, Check.of(RLockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: release() by a non-owner accepted is caught by the contract suite",
            tool = Tool.MUTANT)
    void releaseByNonOwnerAcceptedByContract() {
        assertCaught(MutantCatalogue.RLOCK_NON_OWNER_RELEASE, Check.of(RLockContractTest::nonOwnerReleaseThrows));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: owner cleared after the permit is returned is caught",
            tool = Tool.MUTANT)
    void ownerClearedAfterRelease() {
        assertCaught(MutantCatalogue.RLOCK_OWNER_CLEARED_LATE, Check.of(RLockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: release without unpark (lost wake-up) is caught", tool = Tool.MUTANT)
    void releaseWithoutUnpark() {
        assertCaught(MutantCatalogue.NO_UNPARK, Check.of(RLockStressTest::handOffsToTwoWaiters));
    }
}
