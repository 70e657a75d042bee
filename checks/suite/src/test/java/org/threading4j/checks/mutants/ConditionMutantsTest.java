package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Conditions that the checks must catch. Each mutant is a one-place edit of the library; the checks
 * listed are tried in order (cheapest first) and the first that fails is recorded as the catcher.
 */
class ConditionMutantsTest {

    static final Duration LIMIT = Duration.ofMinutes(3);
    static final String CONDITION = "org/threading4j/Condition.java";

    /** A signalled waiter whose deadline has passed by the time it has the lock back answers false: the signal is used up. */
    static final Mutant TIMEOUT_SWALLOWS_SIGNAL = new Mutant("condition-timeout-swallows-signal",
            "a signalled waiter past its deadline returns false, using up the signal", CONDITION,
            "return outcome == WaitQueue.SIGNALLED;",
            "return outcome == WaitQueue.SIGNALLED && !(timed && System.nanoTime() - deadline >= 0L);");

    /** A signalled waiter that is also interrupted throws, although the signal chose it. */
    static final Mutant INTERRUPT_SWALLOWS_SIGNAL = new Mutant("condition-interrupt-swallows-signal",
            "a signalled waiter with a pending interrupt throws InterruptedException, using up the signal", CONDITION,
            "if (outcome == WaitQueue.INTERRUPTED) {",
            "if (outcome == WaitQueue.INTERRUPTED || Thread.interrupted()) {");

    /** RLock: await restores a hold count of 1 instead of the saved count. */
    static final Mutant RESTORES_ONE_HOLD = new Mutant("condition-restores-one-hold",
            "await restores an RLock hold count of 1 instead of the saved count", CONDITION,
            "rlock.acquireRestore(saved);", "rlock.acquireRestore(1);");

    /** A deferred signal that never re-checks whether the lock was released meanwhile. */
    static final Mutant DEFERRED_NO_RECHECK = new Mutant("condition-deferred-signal-no-recheck",
            "a signal deferred to the lock's release does not re-check that the lock is still held after pushing",
            "org/threading4j/internal/PermitSync.java",
            "        if (state >= PERMIT) {\n            unparkDeferred(); // free already",
            "        if (false) {\n            unparkDeferred(); // free already");

    /** The ownership check comes after joining the queue (the JDK-8187408 shape). */
    static final Mutant ROGUE_AWAIT_JOINS_QUEUE = new Mutant("condition-rogue-await-joins-queue",
            "await without the lock joins the queue before the ownership check, leaving a stale entry", CONDITION,
            "        if (!owned()) {\n            throw new IllegalMonitorStateException(\"cannot wait on un-acquired lock\");",
            "        if (!owned()) {\n            waiters.lockQueue();\n            waiters.enqueueLocked(new Waiter(Thread.currentThread()));\n"
                    + "            waiters.unlockQueue();\n            throw new IllegalMonitorStateException(\"cannot wait on un-acquired lock\");");

    /** signal(n) wakes the newest waiters instead of the oldest. */
    static final Mutant LIFO = new Mutant("condition-signal-lifo",
            "signal wakes the newest waiter first (enqueue at the head)", CONDITION,
            "        waiters.enqueueLocked(w);\n        waiters.unlockQueue();\n\n        int saved;",
            "        waiters.enqueueFirstLocked(w);\n        waiters.unlockQueue();\n\n        int saved;");

    static Check check(String type, String method) {
        try {
            return Check.of(Class.forName("org.threading4j.checks." + type), method);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: timed-out waiter swallows a signal", tool = Tool.MUTANT)
    void timeoutSwallowsSignal() {
        Catch.assertCaught(TIMEOUT_SWALLOWS_SIGNAL, LIMIT,
                check("stress.ConditionStressTest", "signalRacesTimeoutAndInterrupt"),
                check("lincheck.ConditionConcurrentLincheckTest", "signalRacingTimedOutWaiter"),
                check("property.ConditionPropertyTest", "randomSchedulesFollowTheModel"));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: interrupted waiter swallows a signal", tool = Tool.MUTANT)
    void interruptSwallowsSignal() {
        Catch.assertCaught(INTERRUPT_SWALLOWS_SIGNAL, LIMIT,
                check("contract.ConditionLockContractTest", "signalBeforeInterruptWins"),
                check("stress.ConditionStressTest", "signalRacesTimeoutAndInterrupt"));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: RLock hold count restored as 1", tool = Tool.MUTANT)
    void restoresOneHold() {
        Catch.assertCaught(RESTORES_ONE_HOLD, LIMIT,
                check("contract.ConditionRLockContractTest", "rlockCountRestoredAfterSignal"),
                check("lincheck.ConditionConcurrentLincheckTest", "rlockHoldCountRestored"));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: rogue await corrupts the waiter queue (JDK-8187408 shape)", tool = Tool.MUTANT)
    void rogueAwaitJoinsQueue() {
        Catch.assertCaught(ROGUE_AWAIT_JOINS_QUEUE, LIMIT,
                check("contract.ConditionRLockContractTest", "rogueAwaitLeavesQueueIntact"));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: a signal deferred to the lock's release is lost when that release comes first", tool = Tool.MUTANT)
    void deferredSignalWithoutRecheck() {
        try (RaceSeam on = RaceSeam.on()) { // widens the window between the push and the re-check
            Catch.assertCaught(DEFERRED_NO_RECHECK, LIMIT, check("stress.ConditionStressTest", "deferredSignalRacesTheRelease"));
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: signal not FIFO", tool = Tool.MUTANT)
    void lifo() {
        Catch.assertCaught(LIFO, LIMIT, check("contract.ConditionLockContractTest", "signalIsFifo"));
    }
}
