package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.ConditionLockContractTest;
import org.threading4j.checks.contract.ConditionRLockContractTest;
import org.threading4j.checks.lincheck.ConditionConcurrentLincheckTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.property.ConditionPropertyTest;
import org.threading4j.checks.stress.ConditionStressTest;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Conditions that the checks must catch. Each mutant ({@link MutantCatalogue}) is a one-place edit of the
 * library; the checks listed are tried in order (cheapest first) and the first that fails is recorded as the
 * catcher.
 */
class ConditionMutantsTest {

    static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: timed-out waiter swallows a signal", tool = Tool.MUTANT)
    void timeoutSwallowsSignal() {
        Catch.assertCaught(MutantCatalogue.CONDITION_TIMEOUT_SWALLOWS_SIGNAL, LIMIT,
                Check.of(ConditionStressTest::signalRacesTimeoutAndInterrupt),
                Check.of(ConditionConcurrentLincheckTest::signalRacingTimedOutWaiter),
                Check.of(ConditionPropertyTest::randomSchedulesFollowTheModel));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: interrupted waiter swallows a signal", tool = Tool.MUTANT)
    void interruptSwallowsSignal() {
        Catch.assertCaught(MutantCatalogue.CONDITION_INTERRUPT_SWALLOWS_SIGNAL, LIMIT,
                Check.of(ConditionLockContractTest::signalBeforeInterruptWins),
                Check.of(ConditionStressTest::signalRacesTimeoutAndInterrupt));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: RLock hold count restored as 1", tool = Tool.MUTANT)
    void restoresOneHold() {
        Catch.assertCaught(MutantCatalogue.CONDITION_RESTORES_ONE_HOLD, LIMIT,
                Check.of(ConditionRLockContractTest::rlockCountRestoredAfterSignal),
                Check.of(ConditionConcurrentLincheckTest::rlockHoldCountRestored));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: a waiter failing after queueing leaves a stale entry (JDK-8187408 shape)", tool = Tool.MUTANT)
    void rogueAwaitJoinsQueue() {
        Catch.assertCaught(MutantCatalogue.CONDITION_ROGUE_AWAIT_JOINS_QUEUE, LIMIT,
                Check.of(ConditionConcurrentLincheckTest::lockReleasedUnderAWaiter));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: a signal deferred to the lock's release is lost when that release comes first", tool = Tool.MUTANT)
    void deferredSignalWithoutRecheck() {
        try (RaceSeam on = RaceSeam.on()) { // widens the window between the push and the re-check
            Catch.assertCaught(MutantCatalogue.DEFERRED_NO_RECHECK, LIMIT,
                    Check.of(ConditionStressTest::deferredSignalRacesTheRelease));
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught: signal not FIFO", tool = Tool.MUTANT)
    void lifo() {
        Catch.assertCaught(MutantCatalogue.CONDITION_SIGNAL_LIFO, LIMIT, Check.of(ConditionLockContractTest::signalIsFifo));
    }
}
