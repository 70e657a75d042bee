package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Mutant meta-tests for RLock: one-place edits of {@code RLock.java} (and one of the shared engine, seen
 * through RLock), each asserted caught by a real check (the RLock stress harness), run as in
 * {@link LockMutantsTest}.
 */
class RLockMutantsTest {

    private static final String RLOCK = "org/threading4j/RLock.java";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    static Check stress(String method) {
        return Check.of(MutantFrameworkTest.stress("RLockStressTest"), method);
    }

    static void assertCaught(Mutant m, Check... checks) {
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(m, LIMIT, checks);
        }
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: release() by a non-owner accepted is caught", tool = Tool.MUTANT)
    void releaseByNonOwnerAccepted() {
        assertCaught(new Mutant("rlock-nonowner-release", "release() checks only that someone owns the lock", RLOCK,
                "        if (owner != Thread.currentThread()) {\n"
                        + "            throw new IllegalMonitorStateException(\"cannot release un-acquired lock\");",
                "        if (owner == null) {\n"
                        + "            throw new IllegalMonitorStateException(\"cannot release un-acquired lock\");"),
                stress("freeForAll"));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: release() by a non-owner accepted is caught by the contract suite",
            tool = Tool.MUTANT)
    void releaseByNonOwnerAcceptedByContract() {
        assertCaught(new Mutant("rlock-nonowner-release", "release() checks only that someone owns the lock", RLOCK,
                "        if (owner != Thread.currentThread()) {\n"
                        + "            throw new IllegalMonitorStateException(\"cannot release un-acquired lock\");",
                "        if (owner == null) {\n"
                        + "            throw new IllegalMonitorStateException(\"cannot release un-acquired lock\");"),
                Check.of(MutantFrameworkTest.named("contract.RLockContractTest"), "nonOwnerReleaseThrows"));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: owner cleared after the permit is returned is caught",
            tool = Tool.MUTANT)
    void ownerClearedAfterRelease() {
        assertCaught(new Mutant("rlock-owner-cleared-late",
                "the last release returns the permit, then clears the owner (wiping the next owner's claim)", RLOCK,
                "            owner = null; // before the permit goes: the next owner must not find us here\n"
                        + "            sync.release(1);",
                "            sync.release(1);\n            owner = null;"),
                stress("freeForAll"));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant: release without unpark (lost wake-up) is caught", tool = Tool.MUTANT)
    void releaseWithoutUnpark() {
        assertCaught(new Mutant("no-unpark", "unparkAll resolves waiters but never unparks them",
                "org/threading4j/internal/WaitQueue.java",
                "LockSupport.unpark(chain.thread);", "/* LockSupport.unpark(chain.thread); removed */"),
                stress("handOffsToTwoWaiters"));
    }
}
