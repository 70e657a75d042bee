package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.TimerPrimitiveContractTest;
import org.threading4j.checks.lincheck.TimerConcurrentLincheckTest;
import org.threading4j.checks.lincheck.TimerLincheckTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.property.TimerPropertyTest;
import org.threading4j.checks.stress.TimerStressTest;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Timers ({@link MutantCatalogue}), and the checks that must catch them. Each mutant is asserted against
 * each check that is claimed to catch it, one at a time, so the report says exactly which checks see which bug.
 * Each check runs in a forked JVM, so a CI run asserts the cheapest check that catches each mutant, and a deep
 * run all of them.
 */
class TimerMutantsTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    /** True in the deep run: assert the further checks too. */
    private static boolean deep() {
        return Depth.current() == Depth.DEEP;
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: cancel() true after the action ran", tool = Tool.MUTANT)
    void cancelAfterFire() {
        Mutant m = MutantCatalogue.TIMER_CANCEL_AFTER_FIRE;
        Catch.assertCaught(m, LIMIT, Check.of(TimerPrimitiveContractTest::zeroIntervalFiresOnce));
        if (deep()) {
            Catch.assertCaught(m, LIMIT, Check.of(TimerPropertyTest::realTimerFollowsSpec));
            Catch.assertCaught(m, LIMIT, Check.of(TimerLincheckTest::modelChecking));
            Catch.assertCaught(m, LIMIT, Check.of(TimerStressTest::cancelRacingFire));
            Catch.assertCaught(m, LIMIT, Check.of(TimerConcurrentLincheckTest::startRacingCancels));
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: Python's check-then-act (cancel after the run still wins)", tool = Tool.MUTANT)
    void checkThenAct() {
        Mutant m = MutantCatalogue.TIMER_CHECK_THEN_ACT;
        Catch.assertCaught(m, LIMIT, Check.of(TimerPrimitiveContractTest::zeroIntervalFiresOnce));
        if (deep()) {
            Catch.assertCaught(m, LIMIT, Check.of(TimerStressTest::cancelRacingFire));
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: action runs although a cancel won the CAS (narrow race)", tool = Tool.MUTANT)
    void checkThenFire() {
        Mutant m = MutantCatalogue.TIMER_CHECK_THEN_FIRE;
        Catch.assertCaught(m, LIMIT, Check.of(TimerConcurrentLincheckTest::startRacingCancels));
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: join returns before the action finished", tool = Tool.MUTANT)
    void finishBeforeAction() {
        Mutant m = MutantCatalogue.TIMER_FINISH_BEFORE_ACTION;
        Catch.assertCaught(m, LIMIT, Check.of(TimerPrimitiveContractTest::aliveWhileActionRuns));
        if (deep()) {
            Catch.assertCaught(m, LIMIT, Check.of(TimerConcurrentLincheckTest::startRacingCancels));
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: fire decided twice", tool = Tool.MUTANT)
    void fireTwice() {
        Mutant m = MutantCatalogue.TIMER_FIRE_TWICE;
        Catch.assertCaught(m, LIMIT, Check.of(TimerLincheckTest::modelChecking));
        if (deep()) {
            Catch.assertCaught(m, LIMIT, Check.of(TimerLincheckTest::stress));
        }
    }
}
